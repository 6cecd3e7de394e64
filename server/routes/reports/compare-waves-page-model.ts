// "Compare waves": the programme's trajectory by practice context. One line per group of practices (by deprivation
// quintile, urban or rural, social-prescribing model or implementation stage) through the waves with responses: the
// unweighted mean of the overall scores of the group's practices whose scores are shown; a table per top-level scale too.
import { IMPLEMENTATION_STAGES, type Practice } from '../../domain/practice.js'
import { formats, type Formats } from '../../i18n/format.js'
import { english, say, type Translate } from '../../i18n/translate.js'
import { groupMeans, MIN_GROUP_PRACTICES, overallScores, type GroupMean, type WaveScores } from '../../scoring/index.js'
import type { WavesComparisonData } from '../../services/waves-comparison.js'
import { comparePath, compareWavesPath } from '../paths.js'
import { chartModel } from './chart-data.js'
import { stageLabel } from './comparison-facts.js'
import { chartScore, formatCount, formatScore } from './display-numbers.js'
import { REPORT_ASSETS } from './report-assets.js'
import { bandsOf, questionnaireLabel, questionnaireWords } from './report-labels.js'
import { PRACTICE_CONTEXTS, type CompareWavesQuery, type PracticeContextKey } from './report-query.js'

const NOT_RECORDED = '\u0000none'
const LINE_STYLES = ['solid', 'dashed', 'dotted', 'dashdot', 'longdash', 'dashdotdot'] as const

interface Group {
  key: string
  label: string
}

/** A practice's group under a context at a wave (the stage is recorded per wave); NOT_RECORDED when it has none. */
function groupKey(context: PracticeContextKey, practice: Practice | undefined, stageAt: (practiceId: number) => string | undefined): string {
  if (!practice) return NOT_RECORDED
  const value =
    context === 'deprivation'
      ? practice.deprivationQuintile
      : context === 'rurality'
        ? practice.rurality
        : context === 'model'
          ? practice.spModel
          : stageAt(practice.id)
  return value === null || value === undefined ? NOT_RECORDED : String(value)
}

/** The groups that occur at any wave, in their natural order (quintile 1 to 5, stage by stage, models by name), "Not recorded" last. */
function groupsOf(context: PracticeContextKey, keys: ReadonlySet<string>, t: Translate, format: Formats): Group[] {
  const label = (key: string): string => {
    if (key === NOT_RECORDED) return t('reports:compareWaves.notRecorded')
    if (context === 'deprivation')
      return key === '1' ? t('reports:compare.filters.mostDeprived') : key === '5' ? t('reports:compare.filters.leastDeprived') : key
    if (context === 'rurality') return key === 'urban' ? t('reports:compare.filters.urban') : t('reports:compare.filters.rural')
    if (context === 'stage') return stageLabel(key as (typeof IMPLEMENTATION_STAGES)[number], t)
    return key
  }
  const order: readonly string[] =
    context === 'deprivation'
      ? ['1', '2', '3', '4', '5']
      : context === 'rurality'
        ? ['urban', 'rural']
        : context === 'stage'
          ? IMPLEMENTATION_STAGES
          : [...keys].filter((k) => k !== NOT_RECORDED).sort((a, b) => format.compareNames(a, b))
  return [...order.filter((k) => keys.has(k)), ...(keys.has(NOT_RECORDED) ? [NOT_RECORDED] : [])].map((key) => ({ key, label: label(key) }))
}

/** The shown scores of a wave on one scale (null: the overall score), by practice code. */
function shownScores(scores: WaveScores, scale: string | null, data: WavesComparisonData): Map<string, number> {
  if (scale === null)
    return new Map(overallScores(scores, bandsOf(data.words!.definition)).flatMap((o) => (o.withheld ? [] : [[o.practiceCode, o.score] as const])))
  return new Map(scores.practices.flatMap((r) => (r.scale === scale && !r.withheld ? [[r.practiceCode, r.score] as const] : [])))
}

/** `t` and `format`: the page's language (res.locals); English when not given. */
export function compareWavesPageModel(data: WavesComparisonData, query: CompareWavesQuery, t: Translate = english, format: Formats = formats('en-GB')) {
  const { programme } = data
  const context: PracticeContextKey = query.context ?? 'deprivation'
  const bySlug = new Map(data.practices.map((p) => [p.code, p]))
  const stages = new Map(data.stages.map((s) => [`${s.practiceId}/${s.waveId}`, s.stage]))
  const groupAt = (waveId: number) => (code: string) => groupKey(context, bySlug.get(code), (id) => stages.get(`${id}/${waveId}`))
  const keys = new Set(data.waves.flatMap(({ wave }) => data.practices.map((p) => groupAt(wave.id)(p.code))))
  const groups = groupsOf(context, keys, t, format)
  const withheld = t('reports:compareWaves.withheld', { count: MIN_GROUP_PRACTICES })
  const notScored = t('reports:compareWaves.notScored')

  /** Per group, per wave: the group's mean and n on a scale (null: overall), or null for a wave that could not be scored. */
  const means = (scale: string | null): (GroupMean | null)[][] => {
    const perWave = data.waves.map(({ wave, scores }) =>
      scores
        ? groupMeans(
            shownScores(scores, scale, data),
            groupAt(wave.id),
            groups.map((g) => g.key),
          )
        : null,
    )
    return groups.map((_, g) => perWave.map((w) => w?.[g] ?? null))
  }
  const practices = (n: number) => t('reports:compareWaves.practiceCount', { count: n, n: formatCount(n, format) })
  /** The mean and n of practices; a withheld group gives its n too (counts of practices say nothing of anyone's answers). */
  const cell = (m: GroupMean | null) =>
    m === null
      ? { text: notScored, withheld: true, practices: '' }
      : { text: m.mean === null ? withheld : formatScore(m.mean), withheld: m.mean === null, practices: practices(m.n) }
  const table = (scale: string | null) => means(scale).map((cells, g) => ({ group: groups[g]!.label, cells: cells.map(cell) }))

  const label = data.questionnaire ? questionnaireLabel(data.questionnaire, t) : ''
  const words = data.words ? questionnaireWords(data.words) : null
  const latestScores = data.waves.findLast((w) => w.scores)?.scores
  const top = latestScores?.scales.filter((s) => s.scalePath.length === 1) ?? []
  const overall = means(null)
  const option = (value: string, text: string, current: string | null | undefined) => ({ value, text, selected: value === current })
  const hasFigures = data.questionnaire !== null && data.waves.some((w) => w.scores)
  return {
    title: t('reports:compareWaves.title', { name: programme.name }),
    wide: true,
    demo: programme.isDemo,
    ...REPORT_ASSETS,
    backLink: { href: comparePath(programme.slug), text: t('reports:compareWaves.back') },
    form: {
      action: compareWavesPath(programme.slug),
      questionnaire: data.questionnaireIds.map((id) => option(id, questionnaireLabel(id, t), data.questionnaire)),
      context: PRACTICE_CONTEXTS.map((c) => option(c, t(`reports:compareWaves.contexts.${c}`), context)),
    },
    hasFigures,
    contextLabel: t(`reports:compareWaves.contexts.${context}`),
    stageNote: context === 'stage' ? t('reports:compareWaves.stageNote') : null,
    method: t('reports:compareWaves.method', { count: MIN_GROUP_PRACTICES, responses: programme.minPracticeN }),
    waves: data.waves.map((w) => w.wave.title),
    breaks: data.waves.flatMap((w) =>
      w.scores ? [] : [t('reports:trajectory.break', { wave: w.wave.title, why: w.problem ? say(t, w.problem) : t('reports:trajectory.notAsked') })],
    ),
    caption: t('reports:compareWaves.caption', { questionnaire: label, grouping: t(`reports:compareWaves.contexts.${context}`).toLowerCase() }),
    rows: table(null),
    chart: hasFigures
      ? chartModel(
          'chart-compare-waves',
          t('reports:compareWaves.chartLabel', { questionnaire: label.toLowerCase(), grouping: t(`reports:compareWaves.contexts.${context}`).toLowerCase() }),
          {
            type: 'line',
            labels: data.waves.map((w) => w.wave.title),
            series: groups.map((g, i) => ({
              label: g.label,
              values: overall[i]!.map((m) => (m?.mean === null || m === null ? null : chartScore(m.mean))),
              style: LINE_STYLES[i % LINE_STYLES.length]!,
            })),
            min: 0,
            max: 100,
          },
        )
      : null,
    scalesHeading: t('reports:compareWaves.scalesHeading', { level: (words?.levels[0]?.name ?? t('reports:levelFallback')).toLowerCase() }),
    scales: top.map((s) => {
      const name = words ? words.scaleName(s.scalePath, s.scaleName) : s.scaleName
      return { caption: t('reports:compareWaves.scaleCaption', { scale: name }), rows: table(s.scale) }
    }),
    compareHref: comparePath(programme.slug),
  }
}
