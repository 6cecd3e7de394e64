// The comparison's rows, in the order asked for: what the page shows a page of and the CSV download gives whole, so
// that the two always agree. Practices × responses, rate and stage, then overall scores, changes and top-level scales.
import { IMPLEMENTATION_STAGES, type Practice } from '../../domain/practice.js'
import { overallScores } from '../../scoring/index.js'
import { formats, type Formats } from '../../i18n/format.js'
import type { Translate } from '../../i18n/translate.js'
import type { ComparisonData, ScoredQuestionnaire } from '../../services/report-service.js'
import { practicePath, withQuery } from '../paths.js'
import { overallChangeWords, practiceFacts, type PracticeFacts } from './comparison-facts.js'
import { fewerThan, formatScore } from './display-numbers.js'
import { bandsOf, questionnaireWords, withheldGroup, type BandLabel } from './report-labels.js'
import type { CompareQuery } from './report-query.js'

export type SortDirection = 'asc' | 'desc'

export interface Cell {
  /** The unrounded score (or change), for sorting only; null when withheld. Never sent to the page. */
  value: number | null
  text: string
  band: BandLabel | null
  /** A change's significance in words; absent for a score, empty for a change not shown. */
  flag?: string
}

/** The facts as numbers, for sorting (and the CSV); null when withheld or not known. */
export interface FactValues {
  responses: number | null
  /** Responses through an invitation ÷ invitations, 0 to 1. */
  rate: number | null
  /** The stage's place in IMPLEMENTATION_STAGES. */
  stage: number | null
}

export interface PracticeRow {
  name: string
  code: string
  href: string
  facts: PracticeFacts
  factValues: FactValues
  cells: Cell[]
}

export interface Column {
  key: string
  label: string
  questionnaire: string
  /** null: the questionnaire's overall score. */
  scale: string | null
  /** The change in its overall score since data.changes[change], instead of a score. */
  change?: number
}

export const PRACTICE_KEY = 'practice'
/** The sort keys of the facts between the practice and the scores. */
export const FACT_KEYS = ['responses', 'rate', 'stage'] as const
type FactKey = (typeof FACT_KEYS)[number]
const isFactKey = (key: string | undefined): key is FactKey => (FACT_KEYS as readonly string[]).includes(key ?? '')

export function columnsOf(questionnaires: readonly ScoredQuestionnaire[], changes: ComparisonData['changes'], t: Translate): Column[] {
  return questionnaires.flatMap((scored) => {
    const { scores } = scored
    const words = questionnaireWords(scored)
    return [
      { key: scores.questionnaire, label: t('reports:compare.overall'), questionnaire: scores.questionnaire, scale: null },
      ...changes.map((c, i) => ({
        key: `${scores.questionnaire}.since.${c.since.slug}`,
        label: t('reports:compare.changeSince', { wave: c.since.title }),
        questionnaire: scores.questionnaire,
        scale: null,
        change: i,
      })),
      ...scores.scales
        .filter((s) => s.scalePath.length === 1)
        .map((s) => ({
          key: `${scores.questionnaire}.${s.scale}`,
          label: words.scaleName(s.scalePath, s.scaleName),
          questionnaire: scores.questionnaire,
          scale: s.scale,
        })),
    ]
  })
}

/**
 * Sorted by `value` (null: practice name); withheld figures always last, ties by practice name, names in the page's
 * language's order with numbers by value ("Practice 2" before "Practice 10").
 */
export function sortRows(
  rows: readonly PracticeRow[],
  value: ((row: PracticeRow) => number | null) | null,
  dir: SortDirection,
  format: Formats = formats('en-GB'),
): PracticeRow[] {
  const byName = (a: PracticeRow, b: PracticeRow) => format.compareNames(a.name, b.name) || format.compareNames(a.code, b.code)
  const sign = dir === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    if (!value) return sign * byName(a, b)
    const x = value(a)
    const y = value(b)
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1
    return x === y ? byName(a, b) : sign * (x - y)
  })
}

function factValues(data: ComparisonData, practice: Practice): FactValues {
  const counts = data.responses.get(practice.id) ?? { submitted: [], invitations: [] }
  const sum = (list: readonly { n: number }[]) => list.reduce((total, c) => total + c.n, 0)
  const total = sum(counts.submitted)
  const invited = sum(counts.invitations)
  const shown = total >= data.programme.minPracticeN
  const stage = data.stages.get(practice.id)
  return {
    responses: shown ? total : null,
    rate: shown && invited > 0 ? sum(counts.submitted.filter((c) => c.viaInvitation)) / invited : null,
    stage: stage ? IMPLEMENTATION_STAGES.indexOf(stage) : null,
  }
}

function practiceRows(data: ComparisonData, columns: Column[], withheldText: string, t: Translate, format: Formats): PracticeRow[] {
  const lookups = new Map(
    data.questionnaires.map((scored) => {
      const { definition, scores } = scored
      // Only the top-level scales have columns: a map of every practice × every scale was most of the page's time at 1,000 practices.
      const byPractice = new Map<string, Map<string, (typeof scores.practices)[number]>>()
      for (const r of scores.practices) {
        if (r.scalePath.length !== 1) continue
        let scales = byPractice.get(r.practiceCode)
        if (!scales) byPractice.set(r.practiceCode, (scales = new Map()))
        scales.set(r.scale, r)
      }
      const overall = new Map(overallScores(scores, bandsOf(definition)).map((o) => [o.practiceCode, o]))
      return [scores.questionnaire, { words: questionnaireWords(scored), byPractice, overall }]
    }),
  )
  const changes = data.changes.map(({ byQuestionnaire }) =>
    byQuestionnaire ? new Map([...byQuestionnaire].map(([id, list]) => [id, new Map(list.map((c) => [c.practiceCode, c]))])) : null,
  )
  const cell = (practice: Practice, column: Column): Cell => {
    if (column.change !== undefined) {
      const found = changes[column.change]?.get(column.questionnaire)
      const { value, text, flag } = overallChangeWords(found?.get(practice.code), found !== undefined, t, data.programme.minPracticeN)
      return { value, text, band: null, flag }
    }
    const { words, byPractice, overall } = lookups.get(column.questionnaire)!
    const result = column.scale === null ? overall.get(practice.code) : byPractice.get(practice.code)?.get(column.scale)
    if (!result || result.withheld) return { value: null, text: withheldText, band: null }
    return { value: result.score, text: formatScore(result.score), band: words.band(result.band) }
  }
  return data.practices.map((practice) => ({
    name: practice.name,
    code: practice.code,
    href: withQuery(practicePath(data.programme.slug, practice.code), { wave: data.wave?.slug }),
    facts: practiceFacts(data, practice, t, format),
    factValues: factValues(data, practice),
    cells: columns.map((column) => cell(practice, column)),
  }))
}

export interface ComparisonTable {
  columns: Column[]
  /** Every practice the filters keep, in the order asked for. */
  rows: PracticeRow[]
  /** The key sorted by (an unknown one is the practice name) and its direction. */
  sortKey: string
  dir: SortDirection
  withheldText: string
}

/** The rows in the query's order: by practice name (A to Z) unless a known column is asked for, numbers highest first. */
export function comparisonTable(data: ComparisonData, query: CompareQuery, t: Translate, format: Formats): ComparisonTable {
  const columns = columnsOf(data.questionnaires, data.changes, t)
  const index = columns.findIndex((c) => c.key === query.sort)
  const fact = isFactKey(query.sort) ? query.sort : null
  const sortKey = index >= 0 || fact ? query.sort! : PRACTICE_KEY
  const dir: SortDirection = query.dir ?? (sortKey === PRACTICE_KEY ? 'asc' : 'desc')
  const withheldText = query.setting ? withheldGroup(t) : fewerThan(data.programme.minPracticeN, t)
  const value = index >= 0 ? (r: PracticeRow) => r.cells[index]!.value : fact ? (r: PracticeRow) => r.factValues[fact] : null
  const rows = sortRows(practiceRows(data, columns, withheldText, t, format), value, dir, format)
  return { columns, rows, sortKey, dir, withheldText }
}
