// A questionnaire's scores over every wave up to the one shown, for one practice: a line chart of the top-level scales
// and a table of every scale (score, 95% CI and n per wave), with the change since the first wave.
import { say, type Translate } from '../../i18n/translate.js'
import type { Formats } from '../../i18n/format.js'
import { printableInterval, toScore100, type PracticeScaleResult } from '../../scoring/index.js'
import type { ScorecardData, ScoredQuestionnaire } from '../../services/report-service.js'
import { changeCell } from './change-cell.js'
import { chartModel } from './chart-data.js'
import { chartScore, fewerThan, formatCount, formatInterval, formatScore } from './display-numbers.js'
import { questionnaireLabel, type QuestionnaireWords } from './report-labels.js'
import { breakOf, versionBreakSentence } from './version-break-words.js'

export interface TrajectoryCell {
  /** The words instead of the figures: too few responses, or a wave that could not be scored. */
  withheld: string | null
  score: string
  ci: string
  n: string
}

interface Page {
  t: Translate
  format: Formats
  minPracticeN: number
  intervention: string
}

function cell(row: PracticeScaleResult | undefined, page: Page): TrajectoryCell {
  if (!row || row.withheld) return { withheld: fewerThan(page.minPracticeN, page.t), score: '', ci: '', n: '' }
  const ci = printableInterval(row.ci)
  return {
    withheld: null,
    score: formatScore(row.score),
    ci: ci.shown ? formatInterval({ low: toScore100(ci.low), high: toScore100(ci.high) }) : page.t('reports:trajectory.noCi'),
    n: formatCount(row.n, page.format),
  }
}

/** Null with fewer than two waves to show: the change since the previous wave then says all there is. */
export function trajectorySection(data: ScorecardData, scored: ScoredQuestionnaire, words: QuestionnaireWords, page: Page) {
  if (data.trajectory.length < 2) return null
  const { t } = page
  const id = scored.scores.questionnaire
  const code = data.practice.code
  const waves = data.trajectory.map(({ wave, scores, problem }) => {
    const mine = scores?.find((s) => s.questionnaire === id)
    const rows = mine ? new Map(mine.practices.filter((r) => r.practiceCode === code).map((r) => [r.scale, r])) : null
    const why = problem ? say(t, problem) : t('reports:trajectory.notAsked')
    return { title: wave.title, rows, why, version: mine?.questionnaireVersion ?? null }
  })
  const breaks = waves.filter((w) => w.rows === null).map((w) => t('reports:trajectory.break', { wave: w.title, why: w.why }))
  const { versionBreaks, breaksAfter, titles } = versionChanges(waves, id, t)
  const since = data.sinceFirst
  const sinceBreak = since?.change && data.wave ? breakOf(since.changeBreaks, id) : undefined
  const sinceFirst = since?.change && new Map(since.change.filter((c) => c.practiceCode === code && c.questionnaire === id).map((c) => [c.scale, c]))
  const label = questionnaireLabel(id, t)
  const top = scored.scores.scales.filter((s) => s.scalePath.length === 1)
  const score = (rows: Map<string, PracticeScaleResult> | null, scale: string) => {
    const row = rows?.get(scale)
    return row && !row.withheld ? chartScore(row.score) : null
  }
  return {
    id: `trajectory-${id}`,
    heading: t('reports:trajectory.heading', { questionnaire: label }),
    caption: t('reports:trajectory.caption', { questionnaire: label, first: waves[0]!.title, last: waves.at(-1)!.title }),
    waves: titles,
    sinceFirstHeading: since && sinceFirst ? t('reports:trajectory.sinceFirst', { wave: since.wave.title }) : null,
    sinceFirstProblem: since?.changeProblem ? t('reports:scorecard.changeProblem', { wave: since.wave.title, problem: say(t, since.changeProblem) }) : null,
    breaks,
    versionBreaks,
    sinceFirstVersionBreak:
      since && sinceBreak && data.wave ? versionBreakSentence(sinceBreak, { from: since.wave.title, to: data.wave.title }, words, page) : null,
    rows: scored.scores.scales.map((s) => ({
      name: words.scaleName(s.scalePath, s.scaleName),
      top: s.scalePath.length === 1,
      cells: waves.map((w): TrajectoryCell =>
        w.rows ? cell(w.rows.get(s.scale), page) : { withheld: t('reports:trajectory.notScored'), score: '', ci: '', n: '' },
      ),
      sinceFirst: sinceFirst ? changeCell(sinceFirst.get(s.scale), page) : null,
    })),
    chart: chartModel(`chart-trajectory-${id}`, t('reports:trajectory.chartLabel', { questionnaire: label.toLowerCase() }), {
      type: 'line',
      labels: titles,
      series: top.map((s, i) => ({
        label: words.scaleName(s.scalePath, s.scaleName),
        values: waves.map((w) => score(w.rows, s.scale)),
        style: LINE_STYLES[i % LINE_STYLES.length]!,
      })),
      min: 0,
      max: 100,
      ...(breaksAfter.length ? { breaksAfter } : {}),
    }),
  }
}

/**
 * Where the questionnaire's version changes between two scored waves the line breaks (no segment joins them) and a
 * sentence says so; the waves' titles then carry their version. Within one version the titles are the waves' own.
 */
function versionChanges(waves: { title: string; version: number | null }[], questionnaire: string, t: Translate) {
  const scored = waves.flatMap((w, i) => (w.version === null ? [] : [{ ...w, i }]))
  const versionBreaks: string[] = []
  const breaksAfter: number[] = []
  scored.slice(1).forEach((w, k) => {
    const before = scored[k]!
    if (before.version === w.version) return
    breaksAfter.push(before.i)
    const names = { questionnaire: questionnaireLabel(questionnaire, t), fromWave: before.title, toWave: w.title }
    versionBreaks.push(t('reports:versionBreak.line', { ...names, from: before.version!, to: w.version! }))
  })
  const titles = waves.map((w) =>
    breaksAfter.length && w.version !== null ? t('reports:trajectory.waveVersion', { wave: w.title, version: w.version }) : w.title,
  )
  return { versionBreaks, breaksAfter, titles }
}

const LINE_STYLES = ['solid', 'dashed', 'dotted', 'dashdot'] as const
