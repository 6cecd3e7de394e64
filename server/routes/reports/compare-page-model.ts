// The programme comparison: practices × overall scores and top-level scales, sortable through links, with
// filters, a bar chart and a scatter of the overall scores, and the scale statistics. Figures rounded here.
import { interventionIn } from '../../domain/programme.js'
import { SETTINGS } from '../../questionnaires/definition-schema.js'
import { printableScaleStats, type Printable, type ScaleStats } from '../../scoring/index.js'
import { formats, type Formats } from '../../i18n/format.js'
import { english, say, type Translate } from '../../i18n/translate.js'
import type { ComparisonData, ScoredQuestionnaire } from '../../services/report-service.js'
import { settingLabel } from '../../survey/roles.js'
import { pageNumbers, pageWindow } from '../page-numbers.js'
import { compareCsvPath, comparePath, compareWavesPath, instrumentQualityPath, withQuery } from '../paths.js'
import { comparisonTable, FACT_KEYS, PRACTICE_KEY, type Column, type PracticeRow } from './compare-rows.js'
import { chartModel } from './chart-data.js'
import { countAxis, crossTab, tensDistribution } from './compare-distribution.js'
import { chartScore, formatCoefficient, formatCount } from './display-numbers.js'
import { notPrinted, notPrintedNotes, type NotPrinted, type Statistic } from './not-printed.js'
import { REPORT_ASSETS } from './report-assets.js'
import { questionnaireLabel, questionnaireWords, withheldGroupNote } from './report-labels.js'
import type { CompareQuery } from './report-query.js'
import { versionBreakSentence } from './version-break-words.js'
import { waveOptions } from './wave-options.js'

/** The scatter's axes: overall good practice across, overall normalisation up, when a wave has both. */
const SCATTER = { x: 'good-practice', y: 'normalisation' } as const

/**
 * Practices a page of the table: a few screens at 1280 px, few enough to scan by eye. With the charts summarised beyond
 * one page, the whole page is about 250 KB at 1,000 practices (bench/report-speed.ts), where one page of all was 3.3 MB.
 * A programme of up to 50 practices (a PCN or a place) fits on one page and shows no pagination; the download has every row.
 */
export const COMPARE_PAGE_SIZE = 50

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

/** The bar chart of every practice's overall scores, or (more practices than a page) how many fall in each range. */
function barChart(rows: PracticeRow[], overallColumns: (Column & { index: number })[], label: (id: string) => string, t: Translate, format: Formats) {
  if (overallColumns.length === 0) return null
  const scores = format.list(overallColumns.map((c) => label(c.questionnaire).toLowerCase()))
  const shown = (r: PracticeRow, c: { index: number }) => (r.cells[c.index]!.value === null ? null : chartScore(r.cells[c.index]!.value!))
  const headings = overallColumns.map((c) => label(c.questionnaire))
  if (rows.length <= COMPARE_PAGE_SIZE) {
    return {
      summarised: false,
      chart: chartModel('chart-overall', t('reports:compare.barLabel', { scores }), {
        type: 'bar',
        labels: rows.map((r) => r.name),
        series: overallColumns.map((c, i) => ({ label: label(c.questionnaire), values: rows.map((r) => shown(r, c)), style: i === 0 ? 'filled' : 'outlined' })),
        min: 0,
        max: 100,
      }),
      headings,
      rows: rows.map((r) => ({ name: r.name, values: overallColumns.map((c) => r.cells[c.index]!.text) })),
    }
  }
  const distributions = overallColumns.map((c) => tensDistribution(rows.map((r) => shown(r, c))))
  const axis = countAxis(Math.max(...distributions.flatMap((d) => d.counts)))
  const labels = distributions[0]!.labels
  return {
    summarised: true,
    chart: chartModel('chart-overall', t('reports:compare.distributionLabel', { scores }), {
      type: 'bar',
      labels,
      series: overallColumns.map((c, i) => ({ label: label(c.questionnaire), values: distributions[i]!.counts, style: i === 0 ? 'filled' : 'outlined' })),
      min: 0,
      ...axis,
    }),
    headings,
    rows: [
      ...labels.map((name, i) => ({ name, values: distributions.map((d) => formatCount(d.counts[i]!, format)) })),
      { name: t('reports:compare.distributionWithheld'), values: distributions.map((d) => formatCount(d.withheld, format)) },
    ],
  }
}

function charts(rows: PracticeRow[], columns: Column[], questionnaires: readonly ScoredQuestionnaire[], withheldText: string, t: Translate, format: Formats) {
  const overallColumns = columns.map((c, i) => ({ ...c, index: i })).filter((c) => c.scale === null && c.change === undefined)
  const label = (id: string) => t('reports:compare.overallOf', { questionnaire: questionnaireLabel(id, t).toLowerCase() })
  const ids = questionnaires.map((q) => q.scores.questionnaire)
  const [xId, yId] = ids.includes(SCATTER.x) && ids.includes(SCATTER.y) ? [SCATTER.x, SCATTER.y] : [ids[0], ids[1]]
  const x = overallColumns.find((c) => c.questionnaire === xId)
  const y = overallColumns.find((c) => c.questionnaire === yId)
  const points = (x: { index: number }, y: { index: number }) =>
    rows.flatMap((r) => {
      const [a, b] = [r.cells[x.index]!.value, r.cells[y.index]!.value]
      return a === null || b === null ? [] : [{ label: r.name, x: chartScore(a), y: chartScore(b) }]
    })
  const scatter =
    x && y
      ? {
          heading: t('reports:compare.scatterHeading', { y: label(y.questionnaire), x: label(x.questionnaire).toLowerCase() }),
          xLabel: label(x.questionnaire),
          yLabel: label(y.questionnaire),
          chart: chartModel(
            'chart-scatter',
            t('reports:compare.scatterLabel', { y: label(y.questionnaire).toLowerCase(), x: label(x.questionnaire).toLowerCase() }),
            { type: 'scatter', xLabel: label(x.questionnaire), yLabel: label(y.questionnaire), points: points(x, y), min: 0, max: 100 },
            { pointsLabel: t('reports:compare.scatterPoints') },
          ),
          rows: rows.length <= COMPARE_PAGE_SIZE ? rows.map((r) => ({ name: r.name, x: r.cells[x.index]!.text, y: r.cells[y.index]!.text })) : null,
          /** More practices than a page: the table beside the chart counts them by range of both scores. */
          crossTab: rows.length <= COMPARE_PAGE_SIZE ? null : crossTabModel(crossTab(points(x, y)), format),
        }
      : null
  return { bar: barChart(rows, overallColumns, label, t, format), scatter, withheldText }
}

function crossTabModel(tab: ReturnType<typeof crossTab>, format: Formats) {
  return { xLabels: tab.xLabels, rows: tab.yLabels.map((name, i) => ({ name, counts: tab.counts[i]!.map((n) => formatCount(n, format)) })) }
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

const factLabel = (key: (typeof FACT_KEYS)[number], t: Translate) =>
  key === 'responses' ? t('reports:columns.responses') : key === 'rate' ? t('reports:compare.rate') : t('reports:compare.stage')

/** views/components/numbered-pagination.ejs's params; null when every row fits on one page. */
function pagination(window: ReturnType<typeof pageWindow>, href: (page: number) => string, t: Translate) {
  if (window.pages < 2) return null
  const { page, pages } = window
  return {
    previous: page > 1 ? { href: href(page - 1) } : null,
    next: page < pages ? { href: href(page + 1) } : null,
    items: pageNumbers(page, pages).map((n) =>
      n === null ? { ellipsis: true } : { number: n, href: href(n), current: n === page, ariaLabel: t('pagination.pageNumber', { number: n }) },
    ),
  }
}

/** Under the table: for each change since a wave answered in another version, which statements it compares and leaves out. */
function changeBreaks(data: ComparisonData, t: Translate, format: Formats): string[] {
  const page = { t, format, intervention: interventionIn(data.programme, format.language) }
  return data.changes.flatMap((change) =>
    change.breaks.flatMap((found) => {
      const scored = data.questionnaires.find((q) => q.scores.questionnaire === found.questionnaire)
      return scored && data.wave ? [versionBreakSentence(found, { from: change.since.title, to: data.wave.title }, questionnaireWords(scored), page)] : []
    }),
  )
}

/** `t` and `format`: the page's language (res.locals); English when not given. */
export function comparePageModel(data: ComparisonData, query: CompareQuery, t: Translate = english, format: Formats = formats('en-GB')) {
  const { programme } = data
  const path = comparePath(programme.slug)
  const { columns, rows, sortKey, dir, withheldText } = comparisonTable(data, query, t, format)
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
  const ordered = { ...keep, sort: query.sort, dir: query.dir }
  const window = pageWindow(rows.length, COMPARE_PAGE_SIZE, query.page)
  const shown = rows.slice(window.first === 0 ? 0 : window.first - 1, window.last)
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
    /** Between the practice and the scores: responses, response rate and stage at the wave shown. */
    factHeaders: FACT_KEYS.map((key) => header(key, factLabel(key, t), true)),
    changeProblems: data.changes.flatMap((c) => (c.problem ? [t('reports:scorecard.changeProblem', { wave: c.since.title, problem: say(t, c.problem) })] : [])),
    changeBreaks: changeBreaks(data, t, format),
    hasChanges: data.changes.length > 0,
    compareWavesHref: compareWavesPath(programme.slug),
    instrumentQualityHref: instrumentQualityPath(programme.slug, { wave: data.wave?.slug }),
    rows: shown.map(({ name, code, href, facts, cells }) => ({
      name,
      code,
      href,
      facts,
      cells: cells.map(({ text, band, flag }) => ({ text, band, ...(flag === undefined ? {} : { flag }) })),
    })),
    pageShowing:
      window.pages > 1
        ? t('reports:compare.pageShowing', {
            first: formatCount(window.first, format),
            last: formatCount(window.last, format),
            total: formatCount(rows.length, format),
          })
        : null,
    pagination: pagination(window, (page) => withQuery(path, { ...ordered, page: page === 1 ? undefined : String(page) }), t),
    downloadHref: compareCsvPath(programme.slug, ordered),
    charts: charts(rows, columns, data.questionnaires, withheldText, t, format),
    stats: data.questionnaires.map((q) => statsGroup(q, t, format)),
  }
}
