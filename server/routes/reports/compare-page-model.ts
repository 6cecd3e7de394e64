// The programme comparison: practices × overall scores and top-level scales, sortable through links, with
// filters, a bar chart and a scatter of the overall scores, and the scale statistics. Figures rounded here.
import type { Practice } from '../../domain/practice.js'
import { SETTINGS } from '../../questionnaires/definition-schema.js'
import { overallScores, printableScaleStats, type Printable, type ScaleStats } from '../../scoring/index.js'
import { formats, type Formats } from '../../i18n/format.js'
import { english, say, type Translate } from '../../i18n/translate.js'
import type { ComparisonData, ScoredQuestionnaire } from '../../services/report-service.js'
import { settingLabel } from '../../survey/roles.js'
import { comparePath, compareWavesPath, instrumentQualityPath, practicePath, withQuery } from '../paths.js'
import { overallChangeWords, practiceFacts, type PracticeFacts } from './comparison-facts.js'
import { chartModel, type ChartModel } from './chart-data.js'
import { chartScore, fewerThan, formatCoefficient, formatCount, formatScore } from './display-numbers.js'
import { notPrinted, notPrintedNotes, type NotPrinted, type Statistic } from './not-printed.js'
import { REPORT_ASSETS } from './report-assets.js'
import { bandsOf, questionnaireLabel, questionnaireWords, withheldGroup, withheldGroupNote, type BandLabel } from './report-labels.js'
import type { CompareQuery } from './report-query.js'
import { waveOptions } from './wave-options.js'

export type SortDirection = 'asc' | 'desc'

export interface Cell {
  /** The unrounded score (or change), for sorting only; null when withheld. Never sent to the page. */
  value: number | null
  text: string
  band: BandLabel | null
  /** A change's significance in words; absent for a score, empty for a change not shown. */
  flag?: string
}

export interface PracticeRow {
  name: string
  code: string
  href: string
  facts: PracticeFacts
  cells: Cell[]
}

interface Column {
  key: string
  label: string
  questionnaire: string
  /** null: the questionnaire's overall score. */
  scale: string | null
  /** The change in its overall score since data.changes[change], instead of a score. */
  change?: number
}

/** The scatter's axes: overall good practice across, overall normalisation up, when a wave has both. */
const SCATTER = { x: 'good-practice', y: 'normalisation' } as const
const PRACTICE_KEY = 'practice'

function columnsOf(questionnaires: readonly ScoredQuestionnaire[], changes: ComparisonData['changes'], t: Translate): Column[] {
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
 * Sorted by the column at `index` (−1: practice name); withheld figures always last, ties by practice name, names in
 * the page's language's order with numbers by value ("Practice 2" before "Practice 10").
 */
export function sortRows(rows: readonly PracticeRow[], index: number, dir: SortDirection, format: Formats = formats('en-GB')): PracticeRow[] {
  const byName = (a: PracticeRow, b: PracticeRow) => format.compareNames(a.name, b.name) || format.compareNames(a.code, b.code)
  const sign = dir === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    if (index < 0) return sign * byName(a, b)
    const x = a.cells[index]!.value
    const y = b.cells[index]!.value
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1
    return x === y ? byName(a, b) : sign * (x - y)
  })
}

function practiceRows(data: ComparisonData, columns: Column[], withheldText: string, t: Translate, format: Formats): PracticeRow[] {
  const lookups = new Map(
    data.questionnaires.map((scored) => {
      const { definition, scores } = scored
      const rows = new Map(scores.practices.map((r) => [`${r.practiceCode}\u0000${r.scale}`, r]))
      const overall = new Map(overallScores(scores, bandsOf(definition)).map((o) => [o.practiceCode, o]))
      return [scores.questionnaire, { words: questionnaireWords(scored), rows, overall }]
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
    const { words, rows, overall } = lookups.get(column.questionnaire)!
    const result = column.scale === null ? overall.get(practice.code) : rows.get(`${practice.code}\u0000${column.scale}`)
    if (!result || result.withheld) return { value: null, text: withheldText, band: null }
    return { value: result.score, text: formatScore(result.score), band: words.band(result.band) }
  }
  return data.practices.map((practice) => ({
    name: practice.name,
    code: practice.code,
    href: withQuery(practicePath(data.programme.slug, practice.code), { wave: data.wave?.slug }),
    facts: practiceFacts(data, practice, t, format),
    cells: columns.map((column) => cell(practice, column)),
  }))
}

/** A statistic's cell: the figure, or (withheld) a word or two, explained under the table. */
export interface StatCell {
  text: string
  withheld: boolean
}

/** Alpha and the ICCs as printable-statistics.ts allows; a withheld one says why. */
function statsRow(s: ScaleStats, name: string, t: Translate, format: Formats) {
  const printable = printableScaleStats(s)
  const withheld: NotPrinted[] = []
  const cell = (x: Printable, statistic: Statistic, shown: (value: number) => string): StatCell => {
    if (x.shown) return { text: shown(x.value), withheld: false }
    withheld.push({ reason: x.reason, statistic })
    return { text: notPrinted({ reason: x.reason, statistic }, t), withheld: true }
  }
  const coefficient = (value: number) => formatCoefficient(value, format)
  return {
    row: {
      name,
      practices: formatCount(s.nPractices, format),
      respondents: formatCount(s.nRespondents, format),
      alpha: cell(printable.alpha, 'alpha', (alpha) => t('reports:compare.alphaOf', { alpha: coefficient(alpha), count: s.alphaN })),
      icc1: cell(printable.icc1, 'icc', coefficient),
      icc2: cell(printable.icc2, 'icc', coefficient),
    },
    withheld,
  }
}

function statsGroup(scored: ScoredQuestionnaire, t: Translate, format: Formats) {
  const words = questionnaireWords(scored)
  const table = (stats: ScaleStats[]) => {
    const rows = stats.map((s) => statsRow(s, words.scaleName(s.scalePath, s.scaleName), t, format))
    return {
      rows: rows.map((r) => r.row),
      notes: notPrintedNotes(
        rows.flatMap((r) => r.withheld),
        t,
      ),
    }
  }
  const stats = scored.scores.scaleStats
  const top = table(stats.filter((s) => s.scalePath.length === 1))
  const children = table(stats.filter((s) => s.scalePath.length > 1))
  return {
    heading: questionnaireLabel(scored.scores.questionnaire, t),
    topLevel: words.levels[0]?.name ?? t('reports:levelFallback'),
    childLevel: words.levels[1]?.name ?? t('reports:childLevelFallback'),
    rows: top.rows,
    notes: top.notes,
    childRows: children.rows,
    childNotes: children.notes,
  }
}

function charts(rows: PracticeRow[], columns: Column[], questionnaires: readonly ScoredQuestionnaire[], withheldText: string, t: Translate, format: Formats) {
  const overallColumns = columns.map((c, i) => ({ ...c, index: i })).filter((c) => c.scale === null && c.change === undefined)
  const label = (id: string) => t('reports:compare.overallOf', { questionnaire: questionnaireLabel(id, t).toLowerCase() })
  const bar: ChartModel | null =
    overallColumns.length === 0
      ? null
      : chartModel('chart-overall', t('reports:compare.barLabel', { scores: format.list(overallColumns.map((c) => label(c.questionnaire).toLowerCase())) }), {
          type: 'bar',
          labels: rows.map((r) => r.name),
          series: overallColumns.map((c, i) => ({
            label: label(c.questionnaire),
            values: rows.map((r) => (r.cells[c.index]!.value === null ? null : chartScore(r.cells[c.index]!.value!))),
            style: i === 0 ? 'filled' : 'outlined',
          })),
          min: 0,
          max: 100,
        })
  const ids = questionnaires.map((q) => q.scores.questionnaire)
  const [xId, yId] = ids.includes(SCATTER.x) && ids.includes(SCATTER.y) ? [SCATTER.x, SCATTER.y] : [ids[0], ids[1]]
  const x = overallColumns.find((c) => c.questionnaire === xId)
  const y = overallColumns.find((c) => c.questionnaire === yId)
  const scatter =
    x && y
      ? {
          heading: t('reports:compare.scatterHeading', { y: label(y.questionnaire), x: label(x.questionnaire).toLowerCase() }),
          xLabel: label(x.questionnaire),
          yLabel: label(y.questionnaire),
          chart: chartModel(
            'chart-scatter',
            t('reports:compare.scatterLabel', { y: label(y.questionnaire).toLowerCase(), x: label(x.questionnaire).toLowerCase() }),
            {
              type: 'scatter',
              xLabel: label(x.questionnaire),
              yLabel: label(y.questionnaire),
              points: rows.flatMap((r) => {
                const [a, b] = [r.cells[x.index]!.value, r.cells[y.index]!.value]
                return a === null || b === null ? [] : [{ label: r.name, x: chartScore(a), y: chartScore(b) }]
              }),
              min: 0,
              max: 100,
            },
            { pointsLabel: t('reports:compare.scatterPoints') },
          ),
          rows: rows.map((r) => ({ name: r.name, x: r.cells[x.index]!.text, y: r.cells[y.index]!.text })),
        }
      : null
  return {
    bar: bar && {
      chart: bar,
      headings: overallColumns.map((c) => label(c.questionnaire)),
      rows: rows.map((r) => ({ name: r.name, values: overallColumns.map((c) => r.cells[c.index]!.text) })),
    },
    scatter,
    withheldText,
  }
}

function filterForm(data: ComparisonData, query: CompareQuery, path: string, t: Translate) {
  const option = (value: string, text: string, current: string | undefined) => ({ value, text, selected: value === (current ?? '') })
  const any = t('reports:compare.filters.any')
  const models = [...new Set(data.allPractices.map((p) => p.spModel).filter((m): m is string => m !== null))].sort()
  return {
    action: path,
    wave: waveOptions(data.waves, data.wave, t),
    deprivation: [
      option('', any, query.deprivation),
      ...['1', '2', '3', '4', '5'].map((q) =>
        option(q, q === '1' ? t('reports:compare.filters.mostDeprived') : q === '5' ? t('reports:compare.filters.leastDeprived') : q, query.deprivation),
      ),
    ],
    rurality: [
      option('', any, query.rurality),
      option('urban', t('reports:compare.filters.urban'), query.rurality),
      option('rural', t('reports:compare.filters.rural'), query.rurality),
    ],
    model: [option('', any, query.model), ...models.map((m) => option(m, m, query.model))],
    setting: [option('', t('reports:compare.filters.allSettings'), query.setting), ...SETTINGS.map((s) => option(s, settingLabel(s, t), query.setting))],
    sort: query.sort,
    dir: query.dir,
    clearHref: withQuery(path, { wave: query.wave, sort: query.sort, dir: query.dir }),
  }
}

/** `t` and `format`: the page's language (res.locals); English when not given. */
export function comparePageModel(data: ComparisonData, query: CompareQuery, t: Translate = english, format: Formats = formats('en-GB')) {
  const { programme } = data
  const path = comparePath(programme.slug)
  const columns = columnsOf(data.questionnaires, data.changes, t)
  const index = columns.findIndex((c) => c.key === query.sort)
  const sortKey = index < 0 ? PRACTICE_KEY : query.sort!
  const dir: SortDirection = query.dir ?? (index < 0 ? 'asc' : 'desc')
  const withheldText = query.setting ? withheldGroup(t) : fewerThan(programme.minPracticeN, t)
  const rows = sortRows(practiceRows(data, columns, withheldText, t, format), index, dir, format)
  const keep = { wave: query.wave, deprivation: query.deprivation, rurality: query.rurality, model: query.model, setting: query.setting }
  const header = (key: string, label: string, numeric: boolean) => {
    const sorted = key === sortKey
    const nextDir = sorted ? (dir === 'asc' ? 'desc' : 'asc') : numeric ? 'desc' : 'asc'
    return {
      label,
      numeric,
      href: withQuery(path, { ...keep, sort: key, dir: nextDir }),
      ariaSort: sorted ? (dir === 'asc' ? 'ascending' : 'descending') : undefined,
      arrow: sorted ? (dir === 'asc' ? '\u25b2' : '\u25bc') : undefined,
    }
  }
  return {
    title: t('reports:compare.title', { name: programme.name }),
    wide: true,
    demo: programme.isDemo,
    ...REPORT_ASSETS,
    backLink: { href: '/staff', text: t('reports:back') },
    waveTitle: data.wave?.title ?? null,
    form: filterForm(data, query, path, t),
    settingNote: query.setting
      ? t('reports:compare.settingNote', { setting: settingLabel(query.setting, t), note: withheldGroupNote(programme.minBreakdownN, t) })
      : null,
    shownCount: t('reports:compare.shownCount', { shown: formatCount(data.practices.length, format), total: formatCount(data.allPractices.length, format) }),
    groups: data.questionnaires.map(({ scores }) => ({
      label: questionnaireLabel(scores.questionnaire, t),
      span: columns.filter((c) => c.questionnaire === scores.questionnaire).length,
    })),
    caption: t('reports:compare.caption', {
      levels: format.list(data.questionnaires.map((q) => (questionnaireWords(q).levels[0]?.name ?? t('reports:levelFallback')).toLowerCase())),
    }),
    headers: [header(PRACTICE_KEY, t('reports:columns.practice'), false), ...columns.map((c) => header(c.key, c.label, true))],
    /** Between the practice and the scores, not sortable: responses, response rate and stage at the wave shown. */
    factHeaders: [t('reports:columns.responses'), t('reports:compare.rate'), t('reports:compare.stage')],
    changeProblems: data.changes.flatMap((c) => (c.problem ? [t('reports:scorecard.changeProblem', { wave: c.since.title, problem: say(t, c.problem) })] : [])),
    hasChanges: data.changes.length > 0,
    compareWavesHref: compareWavesPath(programme.slug),
    instrumentQualityHref: instrumentQualityPath(programme.slug, { wave: data.wave?.slug }),
    rows: rows.map((r) => ({ ...r, cells: r.cells.map(({ text, band, flag }) => ({ text, band, ...(flag === undefined ? {} : { flag }) })) })),
    charts: charts(rows, columns, data.questionnaires, withheldText, t, format),
    stats: data.questionnaires.map((q) => statsGroup(q, t, format)),
  }
}
