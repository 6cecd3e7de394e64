// The practice scorecard: bands at a glance, radar charts, the table of scales, strengths and priorities,
// the 0–10 items, responses, change since the previous wave and free text. Every figure is rounded here.
import { interventionIn } from '../../domain/programme.js'
import { formats, type Formats } from '../../i18n/format.js'
import { english, say, type Translate } from '../../i18n/translate.js'
import { allItems, fillIntervention, generalItems as generalItemsOf } from '../../questionnaires/questionnaire-model.js'
import {
  practiceHighlights,
  printableInterval,
  toScore100,
  viewsDifferWidely,
  type ChangeRow,
  type PracticeScaleResult,
  type ScaleStats,
  type ShownPracticeScale,
  type WaveScores,
} from '../../scoring/index.js'
import type { ScorecardData, ScoredQuestionnaire } from '../../services/report-service.js'
import { freeTextReviewPath, practicePath } from '../paths.js'
import { changeCell, type ChangeCell } from './change-cell.js'
import { chartModel } from './chart-data.js'
import { chartScore, fewerThan, formatCoefficient, formatCount, formatInterval, formatMean10, formatP, formatScore } from './display-numbers.js'
import { notPrinted, notPrintedNotes } from './not-printed.js'
import { REPORT_ASSETS } from './report-assets.js'
import { questionnaireLabel, questionnaireWords, textGroupWithheld, withheldGroupNote, type BandLabel, type QuestionnaireWords } from './report-labels.js'
import { responseRows } from './response-rates.js'
import { summaryRows } from './scorecard-summary.js'
import { earlierActions, withActions, type Highlight } from './scorecard-actions.js'
import { trajectorySection } from './trajectory-section.js'
import { breakOf, versionBreakSentence } from './version-break-words.js'
import { waveOptions } from './wave-options.js'

export interface ScaleRow {
  name: string
  /** Top-level scales (dimensions, constructs) head their children. */
  top: boolean
  /** The words shown instead of every practice figure, when withheld. */
  withheld: string | null
  score: string
  n: string
  /** The 95% CI, or (withheld) a word or two, explained under the table. */
  ci: { text: string; withheld: boolean }
  agreement: { text: string; low: boolean }
  /** Words beside the name where agreement is so low that the score reads differently (see WIDE_DISAGREEMENT). */
  disagreement: string | null
  /** The p-value of the change since the previous wave, for the details; '' without a previous wave. */
  p: string
  band: BandLabel | null
  median: string
  best: string
  worst: string
  change: ChangeCell | null
}

/** What every part of the page needs: its language's words and numbers, and the programme's threshold. */
interface Page {
  t: Translate
  format: Formats
  minPracticeN: number
  intervention: string
}

function scaleRow(
  ref: { scale: string; scaleName: string; scalePath: readonly string[] },
  row: PracticeScaleResult | undefined,
  stats: ScaleStats | undefined,
  change: ChangeRow | undefined | null,
  words: QuestionnaireWords,
  page: Page,
): ScaleRow {
  const { t, format } = page
  const benchmark = (x: number | null | undefined) => (x === null || x === undefined ? t('reports:notAvailable') : formatScore(x))
  const common = {
    name: words.scaleName(ref.scalePath, ref.scaleName),
    top: ref.scalePath.length === 1,
    median: benchmark(stats?.median),
    best: benchmark(stats?.best),
    worst: benchmark(stats?.worst),
    change: change === null ? null : changeCell(change, page),
    p: change === null ? '' : change && !change.withheld && change.pValue !== null ? formatP(change.pValue, format, t) : t('reports:details.notTested'),
  }
  if (!row || row.withheld) {
    return {
      ...common,
      withheld: fewerThan(page.minPracticeN, t),
      score: '',
      n: '',
      ci: { text: '', withheld: false },
      agreement: { text: '', low: false },
      disagreement: null,
      band: null,
    }
  }
  const rwg = row.rwg === null ? null : formatCoefficient(row.rwg, format)
  const widely = viewsDifferWidely(row.rwg)
  return {
    ...common,
    withheld: null,
    score: formatScore(row.score),
    n: formatCount(row.n, format),
    ci: ciCell(row, t),
    agreement:
      rwg === null
        ? { text: t('reports:scorecard.notKnown'), low: false }
        : { text: widely ? t('reports:scorecard.lowAgreement', { value: rwg }) : rwg, low: widely },
    disagreement: widely ? t('reports:wideDisagreement') : null,
    band: words.band(row.band),
  }
}

/** The 95% CI on 0–100 as printable-statistics.ts allows: clipped to the scale, or words saying why it is not shown. */
function ciCell(row: ShownPracticeScale, t: Translate): ScaleRow['ci'] {
  const ci = printableInterval(row.ci)
  if (ci.shown) return { text: formatInterval({ low: toScore100(ci.low), high: toScore100(ci.high) }), withheld: false }
  return { text: notPrinted({ reason: ci.reason, statistic: 'ci' }, t), withheld: true }
}

/** Under the scale table: that some intervals were clipped, and why each kind withheld is not shown. */
function ciNotes(rows: Iterable<PracticeScaleResult>, t: Translate): string[] {
  const printed = [...rows].flatMap((row) => (row.withheld ? [] : [printableInterval(row.ci)]))
  const clipped = printed.some((ci) => ci.shown && ci.clipped) ? [t('reports:notPrinted.clippedNote')] : []
  return [
    ...clipped,
    ...notPrintedNotes(
      printed.flatMap((ci) => (ci.shown ? [] : [{ reason: ci.reason, statistic: 'ci' as const }])),
      t,
    ),
  ]
}

/** Under the scale table, when some score is flagged because views differ widely: what the flag means. */
function disagreementNote(rows: Iterable<PracticeScaleResult>, t: Translate): string[] {
  return [...rows].some((row) => !row.withheld && viewsDifferWidely(row.rwg)) ? [t('reports:wideDisagreementNote')] : []
}

/** The scorecard's strengths and priorities (practiceHighlights picks them), in the page's words. */
function highlights(scores: WaveScores, practiceCode: string, words: QuestionnaireWords, { t, intervention, minPracticeN }: Page) {
  const toHighlight = (row: ShownPracticeScale): Highlight => ({
    name: words.scaleName(row.scalePath, row.scaleName),
    parts: words.nameParts(row.scalePath, row.scaleName),
    scale: row.scale,
    score: formatScore(row.score),
    band: words.band(row.band),
    guidance: fillIntervention(words.guidance(row.scalePath), intervention),
  })
  const { strengths, priorities, shown } = practiceHighlights(scores, practiceCode, words.levels.length)
  return {
    strengths: strengths.map(toHighlight),
    priorities: priorities.map(toHighlight),
    noHighlights: shown > 0 ? t('reports:scorecard.tooFew') : t('reports:scorecard.noneShown', { count: minPracticeN }),
  }
}

/** "Dimension or Element": the names of the levels, for the column that lists scales of every level. */
const eitherOf = (names: string[], t: Translate) => names.reduce((first, second) => t('reports:scorecard.or', { first, second }))

function questionnaireSection(data: ScorecardData, scored: ScoredQuestionnaire, page: Page) {
  const { t, format } = page
  const { practice } = data
  const { scores } = scored
  const words = questionnaireWords(scored, t)
  const rows = new Map(scores.practices.filter((r) => r.practiceCode === practice.code).map((r) => [r.scale, r]))
  const stats = new Map(scores.scaleStats.map((s) => [s.scale, s]))
  const changes =
    data.change && new Map(data.change.filter((c) => c.practiceCode === practice.code && c.questionnaire === scores.questionnaire).map((c) => [c.scale, c]))
  const levels = words.levels
  const levelNames = levels.map((l) => l.name)
  const top = scores.scales.filter((s) => s.scalePath.length === 1)
  const label = questionnaireLabel(scores.questionnaire, t)
  const practiceScore = (scale: string) => {
    const row = rows.get(scale)
    return row && !row.withheld ? chartScore(row.score) : null
  }
  const median = (scale: string) => {
    const m = stats.get(scale)?.median
    return m === null || m === undefined ? null : chartScore(m)
  }
  const topLevel = levels[0]?.name ?? t('reports:levelFallback')
  const notAvailable = t('reports:notAvailable')
  return {
    id: scores.questionnaire,
    heading: label,
    topLevelName: topLevel,
    levelHeading: eitherOf(levelNames, t),
    glanceCaption: t('reports:scorecard.glanceCaption', { questionnaire: label, level: topLevel.toLowerCase() }),
    tableCaption: t('reports:scorecard.tableCaption', { questionnaire: label, levels: format.list(levelNames.map((n) => n.toLowerCase())) }),
    summary: summaryRows(top, rows, changes, words, page),
    summaryCaption: t('reports:summary.caption', { questionnaire: label }),
    detailsCaption: t('reports:details.caption', { questionnaire: label }),
    comparedCaption: t('reports:scorecard.glanceCaption', { questionnaire: label, level: topLevel.toLowerCase() }),
    compared: top.map((s) => {
      const row = rows.get(s.scale)
      const m = stats.get(s.scale)?.median
      return {
        name: words.scaleName(s.scalePath, s.scaleName),
        score: row && !row.withheld ? formatScore(row.score) : fewerThan(page.minPracticeN, t),
        median: m === null || m === undefined ? notAvailable : formatScore(m),
      }
    }),
    chart: chartModel(`chart-${scores.questionnaire}`, t('reports:barLabel', { questionnaire: label.toLowerCase(), level: topLevel.toLowerCase() }), {
      type: 'hbar',
      labels: top.map((s) => words.shortName(s.scalePath, s.scaleName)),
      series: [
        { label: practice.name, values: top.map((s) => practiceScore(s.scale)), style: 'filled' },
        { label: t('reports:columns.median'), values: top.map((s) => median(s.scale)), style: 'outlined' },
      ],
      min: 0,
      max: 100,
    }),
    notes: [...disagreementNote(rows.values(), t), ...ciNotes(rows.values(), t)],
    versionBreak: changeVersionBreak(data, scores.questionnaire, words, page),
    rows: scores.scales.map((s) => scaleRow(s, rows.get(s.scale), stats.get(s.scale), changes ? changes.get(s.scale) : null, words, page)),
    leafName: (levels.at(-1)?.name ?? t('reports:levelFallback')).toLowerCase(),
    trajectory: trajectorySection(data, scored, words, page),
    ...withActions(highlights(scores, practice.code, words, page), data, scores.questionnaire, page),
  }
}

/** Under the change since the previous wave: which statements it compares, when that wave was answered in another version. */
function changeVersionBreak(data: ScorecardData, questionnaire: string, words: QuestionnaireWords, page: Page): string | null {
  const { change, previousWave, wave } = data
  const found = breakOf(data.changeBreaks, questionnaire)
  return change && previousWave && wave && found ? versionBreakSentence(found, { from: previousWave.title, to: wave.title }, words, page) : null
}

function generalItems(data: ScorecardData, { t, format, minPracticeN, intervention }: Page) {
  const { practice } = data
  return data.questionnaires.flatMap((scored) => {
    const { scores } = scored
    const results = new Map(scores.general.filter((g) => g.practiceCode === practice.code).map((g) => [g.item, g]))
    return generalItemsOf(questionnaireWords(scored).shown).map((item) => {
      const result = results.get(item.id)
      const shown = result && !result.withheld ? result : null
      return {
        text: fillIntervention(item.text, intervention),
        scale: t('reports:scorecard.general.scale', { min: item.labels.min, max: item.labels.max }),
        withheld: shown ? null : fewerThan(minPracticeN, t),
        mean: shown ? formatMean10(shown.mean, format) : '',
        n: shown ? formatCount(shown.n, format) : '',
      }
    })
  })
}

function textAnswers(data: ScorecardData, { t, format, minPracticeN, intervention }: Page) {
  const reviewHref =
    data.canReviewText && data.wave ? `${freeTextReviewPath(data.programme.slug, data.practice.code)}?wave=${encodeURIComponent(data.wave.slug)}` : null
  if (data.textAnswers === null) return { withheld: t('reports:scorecard.freeText.withheld', { count: minPracticeN }), groups: [], reviewHref: null }
  const wording = new Map(
    data.questionnaires.flatMap((scored) => allItems(questionnaireWords(scored).shown).map((item) => [`${scored.definition.id}\u0000${item.id}`, item.text])),
  )
  return {
    withheld: null,
    reviewHref,
    groups: data.textAnswers.map((group) => ({
      heading: fillIntervention(wording.get(`${group.questionnaireId}\u0000${group.itemId}`) ?? group.text, intervention),
      answers: group.answers.map(({ text, language }) => ({ text, language })),
      hidden: group.hidden ? t('reports:scorecard.freeText.hiddenCount', { count: group.hidden }) : null,
      withheld: textGroupWithheld(group.withheldFor, t, format),
    })),
  }
}

function responseTableRows(data: ScorecardData, { t, format }: Page) {
  const { total, settings } = responseRows(data.responses, data.programme, t, format)
  return [...settings, total]
}

function changeWords(data: ScorecardData, t: Translate) {
  const previous = data.previousWave
  const problem = data.changeProblem
  return {
    changeHeading: previous && data.change ? t('reports:scorecard.changeHeading', { wave: previous.title }) : null,
    sinceHeading: previous && data.change ? t('reports:summary.change.heading') : null,
    comparedWith: previous && data.change ? t('reports:summary.comparedWith', { wave: previous.title }) : null,
    changeProblem:
      previous && problem
        ? t('reports:scorecard.changeProblem', { wave: previous.title, problem: typeof problem === 'string' ? problem : say(t, problem) })
        : null,
  }
}

/** `t` and `format`: the page's language (res.locals); English when not given. */
export function scorecardPageModel(data: ScorecardData, t: Translate = english, format: Formats = formats('en-GB')) {
  const { programme, practice, wave } = data
  const path = practicePath(programme.slug, practice.code)
  const page: Page = { t, format, minPracticeN: programme.minPracticeN, intervention: interventionIn(programme, format.language) }
  const sections = data.questionnaires.map((q) => questionnaireSection(data, q, page))
  return {
    title: practice.name,
    caption: t('reports:scorecard.caption', { programme: programme.name }),
    wide: true,
    /** Less space above the title, so the first screen holds the summary. */
    compact: true,
    demo: programme.isDemo,
    ...REPORT_ASSETS,
    backLink: { href: '/staff', text: t('reports:back') },
    waveTitle: wave?.title ?? null,
    waveForm: { action: path, options: waveOptions(data.waves, wave, t) },
    minPracticeN: programme.minPracticeN,
    withheldText: fewerThan(programme.minPracticeN, t),
    hasScores: sections.length > 0,
    sections,
    ...changeWords(data, t),
    earlierActions: earlierActions(data, page),
    general: generalItems(data, page),
    responses: { rows: responseTableRows(data, page), note: withheldGroupNote(programme.minBreakdownN, t) },
    text: textAnswers(data, page),
  }
}
