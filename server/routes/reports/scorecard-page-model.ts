// The practice scorecard: bands at a glance, radar charts, the table of scales, strengths and priorities,
// the 0–10 items, responses, change since the previous wave and free text. Every figure is rounded here.
import type { Questionnaire } from '../../questionnaires/definition-schema.js'
import { fillIntervention, generalItems as generalItemsOf } from '../../questionnaires/questionnaire-model.js'
import type { ChangeRow, PracticeScaleResult, ScaleStats, ShownPracticeScale } from '../../scoring/index.js'
import type { ScorecardData, ScoredQuestionnaire } from '../../services/report-service.js'
import { practicePath } from '../paths.js'
import { chartModel } from './chart-data.js'
import { chartScore, fewerThan, formatChange, formatCoefficient, formatCount, formatInterval, formatMean10, formatScore } from './display-numbers.js'
import { REPORT_ASSETS } from './report-assets.js'
import { bandLabel, bandsOf, questionnaireLabel, scaleNode, withheldGroupNote, type BandLabel } from './report-labels.js'
import { responseRows } from './response-rates.js'
import { waveOptions } from './wave-options.js'

export interface ScaleRow {
  name: string
  /** Top-level scales (dimensions, constructs) head their children. */
  top: boolean
  /** The words shown instead of every practice figure, when withheld. */
  withheld: string | null
  score: string
  n: string
  ci: string
  agreement: { text: string; low: boolean }
  band: BandLabel | null
  median: string
  best: string
  worst: string
  change: { text: string; flag: string } | null
}

export interface Highlight {
  name: string
  score: string
  band: BandLabel
  guidance: string
}

const NOT_AVAILABLE = 'Not available'
const HIGHLIGHTS = 3

function changeCell(row: ChangeRow | undefined, minPracticeN: number): ScaleRow['change'] {
  if (!row || row.withheld) return { text: `${fewerThan(minPracticeN)} in a wave`, flag: '' }
  const flag = row.changed === null ? 'not tested' : row.changed ? (row.difference > 0 ? 'significant rise' : 'significant fall') : 'not significant'
  // The change export gives the difference on 1–5; on 0–100 it is 25 times that.
  return { text: formatChange(row.difference * 25), flag }
}

function scaleRow(
  ref: { scale: string; scaleName: string; scalePath: readonly string[] },
  row: PracticeScaleResult | undefined,
  stats: ScaleStats | undefined,
  change: ChangeRow | undefined | null,
  definition: Questionnaire,
  minPracticeN: number,
): ScaleRow {
  const benchmark = (x: number | null | undefined) => (x === null || x === undefined ? NOT_AVAILABLE : formatScore(x))
  const common = {
    name: ref.scaleName,
    top: ref.scalePath.length === 1,
    median: benchmark(stats?.median),
    best: benchmark(stats?.best),
    worst: benchmark(stats?.worst),
    change: change === null ? null : changeCell(change, minPracticeN),
  }
  if (!row || row.withheld) {
    return { ...common, withheld: fewerThan(minPracticeN), score: '', n: '', ci: '', agreement: { text: '', low: false }, band: null }
  }
  return {
    ...common,
    withheld: null,
    score: formatScore(row.score),
    n: formatCount(row.n),
    ci: row.scoreCi ? formatInterval(row.scoreCi) : 'Not available (one response)',
    agreement:
      row.rwg === null
        ? { text: 'Not known', low: false }
        : { text: `${formatCoefficient(row.rwg)}${row.lowAgreement ? ' Low agreement' : ''}`, low: Boolean(row.lowAgreement) },
    band: bandLabel(bandsOf(definition), row.band),
  }
}

/**
 * Strengths: the highest-scoring shown scales of the lowest level; priorities: the lowest. Up to three each, and never
 * the same scale in both: with fewer than six shown, each list takes half (ties keep the definition's order).
 */
function highlights(shown: ShownPracticeScale[], definition: Questionnaire, intervention: string, minPracticeN: number) {
  const toHighlight = (row: ShownPracticeScale): Highlight => ({
    name: row.scaleName,
    score: formatScore(row.score),
    band: bandLabel(bandsOf(definition), row.band),
    guidance: fillIntervention(scaleNode(definition, row.scalePath)?.guidance ?? '', intervention),
  })
  const count = Math.min(HIGHLIGHTS, Math.floor(shown.length / 2))
  const highest = [...shown].sort((a, b) => b.score - a.score).slice(0, count)
  const lowest = [...shown].sort((a, b) => a.score - b.score).slice(0, count)
  return {
    strengths: highest.map(toHighlight),
    priorities: lowest.map(toHighlight),
    noHighlights: shown.length === 0 ? `None shown: ${fewerThan(minPracticeN).toLowerCase()}` : 'Too few scores are shown to pick these out',
  }
}

function questionnaireSection(data: ScorecardData, { definition, scores }: ScoredQuestionnaire) {
  const { practice, programme } = data
  const rows = new Map(scores.practices.filter((r) => r.practiceCode === practice.code).map((r) => [r.scale, r]))
  const stats = new Map(scores.scaleStats.map((s) => [s.scale, s]))
  const changes =
    data.change && new Map(data.change.filter((c) => c.practiceCode === practice.code && c.questionnaire === scores.questionnaire).map((c) => [c.scale, c]))
  const levels = definition.scoring?.levels ?? []
  const top = scores.scales.filter((s) => s.scalePath.length === 1)
  const leaves = scores.scales.filter((s) => s.scalePath.length === levels.length)
  const label = questionnaireLabel(scores.questionnaire)
  const practiceScore = (scale: string) => {
    const row = rows.get(scale)
    return row && !row.withheld ? chartScore(row.score) : null
  }
  const median = (scale: string) => {
    const m = stats.get(scale)?.median
    return m === null || m === undefined ? null : chartScore(m)
  }
  const topLevelName = (levels[0]?.name ?? 'Scale').toLowerCase()
  const shownLeaves = leaves.map((s) => rows.get(s.scale)).filter((r): r is ShownPracticeScale => r !== undefined && !r.withheld)
  return {
    id: scores.questionnaire,
    heading: label,
    topLevelName: levels[0]?.name ?? 'Scale',
    levelHeading: levels.map((l) => l.name).join(' or '),
    glanceCaption: `${label} by ${topLevelName}, 0 to 100`,
    tableCaption: `${label}: every ${levels.map((l) => l.name.toLowerCase()).join(' and ')}`,
    glance: top.map((s) => {
      const row = rows.get(s.scale)
      const m = stats.get(s.scale)?.median
      const shown = row && !row.withheld ? row : null
      return {
        name: s.scaleName,
        score: shown ? formatScore(shown.score) : fewerThan(programme.minPracticeN),
        band: shown ? bandLabel(bandsOf(definition), shown.band) : null,
        median: m === null || m === undefined ? NOT_AVAILABLE : formatScore(m),
      }
    }),
    chart: chartModel(
      `chart-${scores.questionnaire}`,
      `Radar chart of the practice's ${label.toLowerCase()} score on each ${topLevelName}, 0 to 100, with the programme median. The figures are in the table beside it.`,
      {
        type: 'radar',
        labels: top.map((s) => s.scaleName),
        series: [
          { label: practice.name, values: top.map((s) => practiceScore(s.scale)), style: 'solid' },
          { label: 'Programme median', values: top.map((s) => median(s.scale)), style: 'dashed' },
        ],
        min: 0,
        max: 100,
      },
    ),
    rows: scores.scales.map((s) =>
      scaleRow(s, rows.get(s.scale), stats.get(s.scale), changes ? changes.get(s.scale) : null, definition, programme.minPracticeN),
    ),
    leafName: (levels.at(-1)?.name ?? 'Scale').toLowerCase(),
    ...highlights(shownLeaves, definition, programme.intervention, programme.minPracticeN),
  }
}

function generalItems(data: ScorecardData) {
  const { practice, programme } = data
  return data.questionnaires.flatMap(({ definition, scores }) => {
    const results = new Map(scores.general.filter((g) => g.practiceCode === practice.code).map((g) => [g.item, g]))
    return generalItemsOf(definition).map((item) => {
      const result = results.get(item.id)
      const shown = result && !result.withheld ? result : null
      return {
        text: fillIntervention(item.text, programme.intervention),
        scale: `0 = ${item.labels.min}, 10 = ${item.labels.max}`,
        withheld: shown ? null : fewerThan(programme.minPracticeN),
        mean: shown ? formatMean10(shown.mean) : '',
        n: shown ? formatCount(shown.n) : '',
      }
    })
  })
}

function textAnswers(data: ScorecardData) {
  if (data.textAnswers === null) return { withheld: `Not shown: ${fewerThan(data.programme.minPracticeN).toLowerCase()} from this practice.`, groups: [] }
  return {
    withheld: null,
    groups: data.textAnswers.map((group) => ({ heading: fillIntervention(group.text, data.programme.intervention), answers: group.answers })),
  }
}

function responseTableRows(data: ScorecardData) {
  const { total, settings } = responseRows(data.responses, data.programme)
  return [...settings, total]
}

export function scorecardPageModel(data: ScorecardData) {
  const { programme, practice, wave } = data
  const path = practicePath(programme.slug, practice.code)
  const sections = data.questionnaires.map((q) => questionnaireSection(data, q))
  return {
    title: practice.name,
    caption: `Practice scorecard, ${programme.name}`,
    wide: true,
    demo: programme.isDemo,
    ...REPORT_ASSETS,
    backLink: { href: '/staff', text: 'Your programmes' },
    waveTitle: wave?.title ?? null,
    waveForm: { action: path, options: waveOptions(data.waves, wave) },
    minPracticeN: programme.minPracticeN,
    withheldText: fewerThan(programme.minPracticeN),
    hasScores: sections.length > 0,
    sections,
    changeHeading: data.previousWave && data.change ? `Change since ${data.previousWave.title}` : null,
    changeProblem: data.previousWave && data.changeProblem ? `The change since ${data.previousWave.title} is not shown. ${data.changeProblem}` : null,
    general: generalItems(data),
    responses: { rows: responseTableRows(data), note: withheldGroupNote(programme.minBreakdownN) },
    text: textAnswers(data),
  }
}
