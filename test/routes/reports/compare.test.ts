// The programme comparison over HTTP: figures against the CLI's exports, sorting and filtering through the query, and
// small-number withholding with and without the setting filter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Setting } from '../../../server/questionnaires/definition-schema.js'
import { scaleStatsRow } from '../../../server/exports/score-rows.js'
import { respondentScores, scoreBreakdowns, scoreWave, welchTest, type ShownBreakdown } from '../../../server/scoring/index.js'
import type { HttpClient, Page } from '../../support/http-client.js'
import { coefficient, exportCsv, scaleNames, score, staffClient, tableRows, type CsvRow } from '../../support/report-expectations.js'
import { changeAnswers, REPORT_PRACTICES, seedReportFixture } from '../../support/report-fixture.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let client: HttpClient
let scores: CsvRow[]
let stats: CsvRow[]
let baseline: CsvRow[]
const SCORED = ['normalisation', 'good-practice']
const NAMES = new Map(REPORT_PRACTICES.map((p) => [p.code, p.name]))
const WITHHELD = 'Fewer than 3 responses'

beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  await seedReportFixture(ls)
  client = await staffClient(ls, ls.app, 'admin@example.org', 'admin')
  scores = await exportCsv(ls, 'scores', '--wave', 'follow-up', '--programme', 'north')
  stats = await exportCsv(ls, 'scale-stats', '--wave', 'follow-up', '--programme', 'north')
  baseline = await exportCsv(ls, 'scores', '--wave', 'baseline', '--programme', 'north')
})
afterAll(() => ls.close())

const compare = (query = '') => client.get(`/programmes/north/compare${query}`)
const mainTable = (page: Page) => page.$('.ls-compare-table')
/** A row's practice and score cells: without responses, rate and stage (after the practice), nor the change after each overall score. */
const scoreCells = (row: string[]) => [row[0]!, ...row.slice(4)].filter((_, i) => i !== 2 && i !== 8)
const scoreRows = (page: Page) => tableRows(page.$, mainTable(page)).map(scoreCells)
const practicesShown = (page: Page) => tableRows(page.$, mainTable(page)).map((row) => row[0])
const topLevel = (questionnaire: string) => [...scaleNames(ls, questionnaire)].filter(([path]) => !path.includes('/'))
const bandOf = (questionnaire: string, x: number) => ls.services.catalogue.get(questionnaire).scoring!.bands.find((b) => x >= b.min)!.label

/** A practice's row as the exports give it: per questionnaire, the overall (mean of the top-level scores) then each top-level scale. */
function expectedRow(code: string, figures: (questionnaire: string, scale: string) => { score: number; band: string } | null, withheld = WITHHELD): string[] {
  const cells = SCORED.flatMap((questionnaire) => {
    const top = topLevel(questionnaire).map(([path]) => figures(questionnaire, path))
    const shown = top.every((f) => f !== null)
    const overall = shown ? top.reduce((sum, f) => sum + f!.score, 0) / top.length : null
    return [
      overall === null ? withheld : `${score(overall)} ${bandOf(questionnaire, overall)}`,
      ...top.map((f) => (f === null ? withheld : `${score(f.score)} ${f.band}`)),
    ]
  })
  return [`${NAMES.get(code)} (${code})`, ...cells]
}
const fromExport =
  (code: string, rows: CsvRow[] = scores) =>
  (questionnaire: string, scale: string) => {
    const row = rows.find((r) => r.practice_code === code && r.questionnaire === questionnaire && r.scale === scale)
    return !row || row.withheld === 'true' ? null : { score: Number(row.score), band: row.band! }
  }
const overallOf = (code: string, questionnaire: string, rows: CsvRow[] = scores) => {
  const top = topLevel(questionnaire).map(([path]) => fromExport(code, rows)(questionnaire, path))
  return top.some((f) => f === null) ? null : top.reduce((sum, f) => sum + f!.score, 0) / top.length
}
const ALL = ['N1', 'N2', 'N3', 'N4', 'N5']

describe('the comparison table', () => {
  it('shows each practice, by name, with the overall and top-level scores and bands of the scores export, rounded', async () => {
    const page = await compare()
    expect(page.status).toBe(200)
    expect(page.$('.ls-report-wave').text()).toBe('Survey: Follow-up survey')
    expect(
      mainTable(page)
        .find('thead tr')
        .first()
        .find('th')
        .map((_, th) => `${page.$(th).text()} × ${page.$(th).attr('colspan')}`)
        .get(),
    ).toEqual(['Normalisation × 6', 'Good practice × 6'])
    expect(
      mainTable(page)
        .find('thead tr')
        .last()
        .find('th')
        .map((_, th) => page.$(th).text().replace(/\s+/g, ' ').trim())
        .get(),
    ).toEqual([
      'Practice ▲',
      'Responses',
      'Response rate',
      'Implementation stage',
      'Overall',
      'Change since Baseline survey',
      ...topLevel('normalisation').map(([, n]) => n),
      'Overall',
      'Change since Baseline survey',
      ...topLevel('good-practice').map(([, n]) => n),
    ])
    expect(scoreRows(page)).toEqual(ALL.map((code) => expectedRow(code, fromExport(code))))
    // Cedar (two respondents) and Damson (none) are withheld everywhere
    expect(scoreRows(page)[2]!.slice(1)).toEqual(Array(10).fill(WITHHELD))
  })

  it('colours each cell by band, and names the band too', async () => {
    const page = await compare()
    // Every score cell: not the responses, rate, stage and changes, which have no band.
    const alder = mainTable(page).find('tbody tr').first().find('td.ls-band-cell')
    expect(alder).toHaveLength(10)
    expect(
      alder
        .map((_, td) => page.$(td).attr('class'))
        .get()
        .every((c) => /ls-band-cell--(green|aqua-green|yellow|red)/.test(c!)),
    ).toBe(true)
    expect(
      alder
        .map((_, td) => page.$(td).find('.ls-band-cell__band').text())
        .get()
        .every((text) => text.length > 0),
    ).toBe(true)
  })

  it.each([
    ['good-practice', 'desc'],
    ['good-practice', 'asc'],
    ['normalisation.coherence', 'asc'],
    ['good-practice.policy', 'desc'],
  ] as const)('sorts by %s, %s, with withheld practices last and ties by name', async (key, dir) => {
    const page = await compare(`?sort=${key}&dir=${dir}`)
    const [questionnaire, scale] = key.split('.') as [string, string | undefined]
    const value = (code: string) => (scale ? (fromExport(code)(questionnaire, `${scale}`)?.score ?? null) : overallOf(code, questionnaire))
    const expected = [...ALL].sort((a, b) => {
      const [x, y] = [value(a), value(b)]
      if (x === null || y === null) return x === y ? NAMES.get(a)!.localeCompare(NAMES.get(b)!) : x === null ? 1 : -1
      return (dir === 'asc' ? x - y : y - x) || NAMES.get(a)!.localeCompare(NAMES.get(b)!)
    })
    expect(practicesShown(page)).toEqual(expected.map((code) => `${NAMES.get(code)} (${code})`))
    const sorted = mainTable(page).find('th[aria-sort]')
    expect(sorted).toHaveLength(1)
    expect(sorted.attr('aria-sort')).toBe(dir === 'asc' ? 'ascending' : 'descending')
    expect(sorted.find('a').attr('href')).toBe(`/programmes/north/compare?sort=${key}&dir=${dir === 'asc' ? 'desc' : 'asc'}`)
  })

  it('links every heading to its sort, keeping the filters, scores first from the highest', async () => {
    const page = await compare('?wave=follow-up&rurality=urban')
    expect(
      mainTable(page)
        .find('thead tr')
        .last()
        .find('a')
        .map((_, a) => page.$(a).attr('href'))
        .get(),
    ).toEqual([
      '/programmes/north/compare?wave=follow-up&rurality=urban&sort=practice&dir=desc',
      ...['responses', 'rate', 'stage'].map((key) => `/programmes/north/compare?wave=follow-up&rurality=urban&sort=${key}&dir=desc`),
      '/programmes/north/compare?wave=follow-up&rurality=urban&sort=normalisation&dir=desc',
      '/programmes/north/compare?wave=follow-up&rurality=urban&sort=normalisation.since.baseline&dir=desc',
      ...topLevel('normalisation').map(([path]) => `/programmes/north/compare?wave=follow-up&rurality=urban&sort=normalisation.${path}&dir=desc`),
      '/programmes/north/compare?wave=follow-up&rurality=urban&sort=good-practice&dir=desc',
      '/programmes/north/compare?wave=follow-up&rurality=urban&sort=good-practice.since.baseline&dir=desc',
      ...topLevel('good-practice').map(([path]) => `/programmes/north/compare?wave=follow-up&rurality=urban&sort=good-practice.${path}&dir=desc`),
    ])
    expect(mainTable(page).find('th[aria-sort]').text().trim()).toMatch(/^Practice/)
  })

  it('falls back to the default order for a sort it does not know, and answers an unknown survey with "Page not found"', async () => {
    expect(practicesShown(await compare('?sort=secret&dir=sideways'))).toEqual(practicesShown(await compare()))
    expect(practicesShown(await compare('?sort=practice&dir=desc'))).toEqual([...practicesShown(await compare())].reverse())
    expect((await compare('?wave=nope')).status).toBe(404)
  })
})

describe('responses, stage and change', () => {
  /** Welch's test on the respondents' own overall scores (the mean of their top-level scale scores), worked out here. */
  async function changeWords(code: string, questionnaire: string): Promise<string> {
    const before = overallOf(code, questionnaire, baseline)
    const after = overallOf(code, questionnaire)
    if (before === null || after === null) return 'Fewer than 3 responses in a wave'
    const programme = (await ls.repos.programmes.findBySlug('north'))!
    const summary = async (slug: string) => {
      const wave = (await ls.repos.waves.findBySlug(programme.id, slug))!
      const rows = respondentScores(
        ls.services.catalogue.get(questionnaire),
        (await ls.repos.scoring.respondents(wave.id, questionnaire)).filter((r) => r.practiceCode === code),
      ).filter((r) => !r.scale.includes('/'))
      const byResponse = new Map<number, typeof rows>()
      for (const r of rows) byResponse.set(r.responseId, [...(byResponse.get(r.responseId) ?? []), r])
      const values = [...byResponse.values()]
        .filter((list) => list.every((r) => r.score !== null))
        .map((list) => list.reduce((a, r) => a + r.score!, 0) / list.length)
      const mean = values.reduce((a, b) => a + b, 0) / values.length
      const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1))
      return { n: values.length, mean, sd }
    }
    const test = welchTest(await summary('baseline'), await summary('follow-up'))
    const flag = test === null ? 'not tested' : test.p >= 0.05 ? 'not significant' : after > before ? 'significant rise' : 'significant fall'
    const text = score(after - before)
    return `${text.startsWith('\u2212') || text === '0' ? text : `+${text}`}, ${flag}`
  }

  it('gives each practice its responses and response rate, withheld with its scores, the stage recorded and the change since baseline', async () => {
    const programme = (await ls.repos.programmes.findBySlug('north'))!
    const followUp = (await ls.repos.waves.findBySlug(programme.id, 'follow-up'))!
    const alder = (await ls.repos.practices.findByCode('N1'))!
    await ls.repos.practices.setStage(alder.id, followUp.id, 'embedding')
    const rows = tableRows((await compare()).$, mainTable(await compare()))
    // Alder: 14 responses, 10 of them through its 20 invitations; Birch: 6 by open link, none of its 10 invitations
    // used; Cedar (2) and Damson (0) withheld; Elm: open link only.
    const openOnly = 'Not known: no invitations, open link only'
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ['Alder Surgery (N1)', '14', '50% (10 of 20 invitations)', 'Embedding'],
      ['Birch Practice (N2)', '6', '0% (0 of 10 invitations)', 'Not recorded'],
      ['Cedar Health (N3)', WITHHELD, openOnly, 'Not recorded'],
      ['Damson Lane (N4)', WITHHELD, openOnly, 'Not recorded'],
      ['Elm Tree Centre (N5)', '10', openOnly, 'Not recorded'],
    ])
    for (const [i, code] of ALL.entries()) {
      expect(rows[i]![5]).toBe(await changeWords(code, 'normalisation'))
      expect(rows[i]![11]).toBe(await changeWords(code, 'good-practice'))
    }
    // Sortable too: highest first by default, what is withheld or not known last (by name), and back again.
    const order = async (query: string) => practicesShown(await compare(query)).map((name) => /\((N\d)\)/.exec(name!)![1])
    expect(await order('?sort=responses')).toEqual(['N1', 'N5', 'N2', 'N3', 'N4'])
    expect(await order('?sort=responses&dir=asc')).toEqual(['N2', 'N5', 'N1', 'N3', 'N4'])
    expect(await order('?sort=rate')).toEqual(['N1', 'N2', 'N3', 'N4', 'N5'])
    expect(await order('?sort=rate&dir=asc')).toEqual(['N2', 'N1', 'N3', 'N4', 'N5'])
    expect(await order('?sort=stage&dir=desc')).toEqual(['N1', 'N2', 'N3', 'N4', 'N5'])
    await ls.repos.practices.setStage(alder.id, followUp.id, 'piloting')
    await ls.repos.practices.setStage((await ls.repos.practices.findByCode('N4'))!.id, followUp.id, 'embedded')
    expect(await order('?sort=stage')).toEqual(['N4', 'N1', 'N2', 'N3', 'N5'])
    expect(await order('?sort=stage&dir=asc')).toEqual(['N1', 'N4', 'N2', 'N3', 'N5'])
    await ls.repos.practices.setStage((await ls.repos.practices.findByCode('N4'))!.id, followUp.id, null)
    await ls.repos.practices.setStage(alder.id, followUp.id, null)
  })

  it('has no change column for the first wave, and sorts by a change with those withheld last', async () => {
    const first = await compare('?wave=baseline')
    expect(mainTable(first).find('thead tr').last().text()).not.toContain('Change since')
    const sorted = practicesShown(await compare('?sort=normalisation.since.baseline&dir=desc'))
    const diff = (code: string) => {
      const [a, b] = [overallOf(code, 'normalisation', baseline), overallOf(code, 'normalisation')]
      return a === null || b === null ? null : b - a
    }
    const expected = [...ALL].sort((a, b) => {
      const [x, y] = [diff(a), diff(b)]
      if (x === null || y === null) return x === y ? NAMES.get(a)!.localeCompare(NAMES.get(b)!) : x === null ? 1 : -1
      return y - x
    })
    expect(sorted).toEqual(expected.map((code) => `${NAMES.get(code)} (${code})`))
  })
})

describe('the filters', () => {
  it.each([
    ['?deprivation=2', ['N1', 'N3']],
    ['?rurality=rural', ['N2', 'N4']],
    [`?model=${encodeURIComponent('Voluntary sector partner')}`, ['N2', 'N5']],
    [`?deprivation=2&rurality=urban&model=${encodeURIComponent('Employed by the network')}`, ['N1', 'N3']],
    ['?deprivation=4', []],
  ] as const)('%s keeps the practices of that context, with the same figures', async (query, codes) => {
    const page = await compare(query)
    if (codes.length === 0) {
      expect(page.$('main').text()).toContain('No practices match these filters.')
      return
    }
    expect(scoreRows(page)).toEqual(codes.map((code) => expectedRow(code, fromExport(code))))
    expect(page.$('main').text()).toContain(`Showing ${codes.length} of 5 practices.`)
  })

  it('remembers the chosen filters in the form, which is a GET form', async () => {
    const page = await compare('?deprivation=2&setting=link_worker&sort=good-practice&dir=asc')
    const form = page.$('form.ls-filter-form')
    expect(form.attr('method')).toBe('get')
    expect(form.find('#deprivation option[selected]').attr('value')).toBe('2')
    expect(form.find('#setting option[selected]').attr('value')).toBe('link_worker')
    expect(form.find('#rurality option[selected]').attr('value')).toBe('')
    expect(
      form
        .find('input[type=hidden]')
        .map((_, i) => `${page.$(i).attr('name')}=${page.$(i).attr('value')}`)
        .get(),
    ).toEqual(['sort=good-practice', 'dir=asc'])
  })

  /** What the page's cell says for each code a scale-stats `*_note` column can hold, and the start of the sentence under the table. */
  const NOT_PRINTED: Record<string, [string, string]> = {
    too_few_items: ['One statement', '"One statement": alpha compares'],
    too_few_respondents: [
      'Too few complete responses',
      '"Too few complete responses": too few people answered every statement of the scale to estimate alpha; it needs at least 10.',
    ],
    too_few_practices: [
      'Too few practices',
      '"Too few practices": the ICC needs at least 5 practices with 2 or more responses each; with fewer it could be almost anything.',
    ],
    no_variance: ['No variation', '"No variation": the answers did not vary'],
    negative: ['Below zero', '"Below zero" for'],
  }
  const expected = (rows: CsvRow[], questionnaire: string) =>
    topLevel(questionnaire).map(([path, name]) => {
      const s = rows.find((r) => r.questionnaire === questionnaire && r.scale === path)!
      const cell = (x: string, note: string, shown: () => string) => (x === '' ? NOT_PRINTED[note]![0] : shown())
      return [
        name,
        s.n_practices!,
        s.n_respondents!,
        cell(s.alpha!, s.alpha_note!, () => `${coefficient(s.alpha!)} (${s.alpha_n} complete responses)`),
        cell(s.icc1!, s.icc1_note!, () => coefficient(s.icc1!)),
        cell(s.icc2!, s.icc2_note!, () => coefficient(s.icc2!)),
      ]
    })
  /** Each reason the export gives for a top-level scale is explained in plain words under the page's table; returns the reasons. */
  const expectNotes = (page: Page, rows: CsvRow[], questionnaire: string) => {
    const text = page.$('main').text()
    const notes = rows
      .filter((r) => r.questionnaire === questionnaire && !r.scale!.includes('/'))
      .flatMap((r) => [r.alpha_note!, r.icc1_note!, r.icc2_note!])
      .filter((n) => n !== '')
    for (const note of notes) expect(text).toContain(NOT_PRINTED[note]![1])
    return notes
  }
  const statsTables = (page: Page) => page.$('.ls-compare table').filter((_, t) => page.$(t).find('caption').text().includes('scale statistics by'))

  it('leaves empty in the scale-stats export an alpha computed from 7 complete respondents, and an ICC from 3 practices, saying why', async () => {
    const programme = (await ls.repos.programmes.findBySlug('north'))!
    const wave = (await ls.repos.waves.findBySlug(programme.id, 'follow-up'))!
    const raw = scoreWave({
      wave: 'follow-up',
      questionnaire: ls.services.catalogue.get('good-practice'),
      respondents: await ls.repos.scoring.respondents(wave.id, 'good-practice'),
    }).scaleStats.find((s) => s.scale === 'policy/monitoring')!
    expect(raw).toMatchObject({ alphaN: 7, iccPractices: 3 })
    expect([raw.alpha, raw.icc1, raw.icc2].every((x) => typeof x === 'number')).toBe(true)
    expect(stats.find((r) => r.questionnaire === 'good-practice' && r.scale === 'policy/monitoring')).toMatchObject({
      alpha: '',
      alpha_n: '7',
      alpha_note: 'too_few_respondents',
      icc1: '',
      icc1_note: 'too_few_practices',
      icc2: '',
      icc2_note: 'too_few_practices',
    })
  })

  it('computes the scale statistics from the practices kept, printing those the rules allow and saying why for the others', async () => {
    const all = await compare()
    expect(tableRows(all.$, statsTables(all).eq(0))).toEqual(expected(stats, 'normalisation'))
    expect(tableRows(all.$, statsTables(all).eq(2))).toEqual(expected(stats, 'good-practice'))
    // The fixture has 3 practices with scores: no ICC is printed, and the page says why under each table.
    expect(stats.filter((r) => r.icc1 !== '' || r.icc2 !== '')).toEqual([])
    expect(expectNotes(all, stats, 'normalisation')).toContain('too_few_practices')
    expect(expectNotes(all, stats, 'good-practice')).toContain('too_few_respondents')

    const filtered = await compare('?rurality=urban')
    const programme = (await ls.repos.programmes.findBySlug('north'))!
    const wave = (await ls.repos.waves.findBySlug(programme.id, 'follow-up'))!
    const urban = new Set(['N1', 'N3', 'N5'])
    const rescored = scoreWave({
      wave: 'follow-up',
      questionnaire: ls.services.catalogue.get('good-practice'),
      respondents: (await ls.repos.scoring.respondents(wave.id, 'good-practice')).filter((r) => urban.has(r.practiceCode)),
    })
    const asCsv = rescored.scaleStats.map((s) => Object.fromEntries(Object.entries(scaleStatsRow(s)).map(([k, v]) => [k, v === null ? '' : String(v)])))
    expect(tableRows(filtered.$, statsTables(filtered).eq(2))).toEqual(expected(asCsv, 'good-practice'))
    expect(tableRows(filtered.$, statsTables(filtered).eq(2))).not.toEqual(expected(stats, 'good-practice'))
  })
})

describe('the setting filter', () => {
  async function breakdowns(setting: Setting) {
    const programme = (await ls.repos.programmes.findBySlug('north'))!
    const wave = (await ls.repos.waves.findBySlug(programme.id, 'follow-up'))!
    const rows: ReturnType<typeof scoreBreakdowns> = []
    for (const q of SCORED) {
      rows.push(
        ...scoreBreakdowns({ wave: 'follow-up', questionnaire: ls.services.catalogue.get(q), respondents: await ls.repos.scoring.respondents(wave.id, q) }),
      )
    }
    return (code: string) => (questionnaire: string, scale: string) => {
      const b = rows.find((r) => r.practiceCode === code && r.questionnaire === questionnaire && r.scale === scale && r.by === 'setting' && r.group === setting)
      return !b || b.withheld ? null : { score: (b as ShownBreakdown).score, band: bandOf(questionnaire, (b as ShownBreakdown).score) }
    }
  }

  it.each(['general_practice', 'link_worker', 'community'] as const)(
    "shows %s respondents' figures exactly where the scorecard breakdowns show them",
    async (setting) => {
      const page = await compare(`?setting=${setting}`)
      const figures = await breakdowns(setting)
      expect(scoreRows(page)).toEqual(ALL.map((code) => expectedRow(code, figures(code), 'Withheld')))
      expect(page.$('.nhsuk-inset-text').text()).toContain('Scores from respondents in one setting only')
    },
  )

  it('changes the figures, and withholds the link workers of Alder Surgery, a group of five hidden beside a smaller one', async () => {
    const gp = tableRows((await compare('?setting=general_practice')).$, mainTable(await compare('?setting=general_practice')))
    const everyone = tableRows((await compare()).$, mainTable(await compare()))
    expect(gp[0]).not.toEqual(everyone[0])
    const lw = await compare('?setting=link_worker')
    expect(scoreRows(lw)[0]!.slice(1)).toEqual(Array(10).fill('Withheld'))
    expect(scoreRows(lw)[4]!.slice(1)).not.toContain('Withheld')
  })
})

describe('the charts', () => {
  it('draw the overall scores of the table, in its order, with withheld figures left out of the data', async () => {
    const page = await compare('?sort=normalisation&dir=desc')
    const order = practicesShown(page).map((name) => name!.replace(/ \(N\d\)$/, ''))
    const codes = order.map((name) => REPORT_PRACTICES.find((p) => p.name === name)!.code)
    const overall = (code: string, q: string) => {
      const x = overallOf(code, q)
      return x === null ? null : Number(score(x))
    }
    expect(JSON.parse(page.$('#chart-overall-data').text())).toEqual({
      type: 'bar',
      labels: order,
      series: [
        { label: 'Overall normalisation', values: codes.map((c) => overall(c, 'normalisation')), style: 'filled' },
        { label: 'Overall good practice', values: codes.map((c) => overall(c, 'good-practice')), style: 'outlined' },
      ],
      min: 0,
      max: 100,
    })
    expect(JSON.parse(page.$('#chart-scatter-data').text())).toEqual({
      type: 'scatter',
      xLabel: 'Overall good practice',
      yLabel: 'Overall normalisation',
      points: codes
        .filter((c) => overall(c, 'good-practice') !== null)
        .map((c) => ({ label: NAMES.get(c), x: overall(c, 'good-practice'), y: overall(c, 'normalisation') })),
      min: 0,
      max: 100,
    })
    expect(tableRows(page.$, page.$('#chart-overall').parent().find('table'))).toEqual(
      codes.map((c) => [NAMES.get(c), ...['normalisation', 'good-practice'].map((q) => (overall(c, q) === null ? WITHHELD : String(overall(c, q))))]),
    )
    for (const id of ['chart-overall', 'chart-scatter']) {
      expect(page.$(`#${id}`).attr('hidden')).toBe('hidden')
      expect(page.$(`#${id} canvas`).attr('role')).toBe('img')
      expect(page.$(`#${id} canvas`).attr('aria-label')).toContain('The figures are in the table that follows.')
    }
  })
})

describe('withheld figures', () => {
  it('never depend on the answers they come from, in the whole page or with the setting filter', async () => {
    const pages = ['', '?setting=link_worker', '?sort=good-practice&dir=desc']
    const before = await Promise.all(pages.map(async (q) => (await compare(q)).$.html()))
    const followUp = async (code: string, setting?: Setting) => {
      let query = ls.db
        .selectFrom('response as r')
        .innerJoin('wave as w', 'w.id', 'r.wave_id')
        .innerJoin('practice as p', 'p.id', 'r.practice_id')
        .select('r.id')
        .where('p.code', '=', code)
        .where('w.slug', '=', 'follow-up')
      if (setting) query = query.where('r.setting', '=', setting)
      return (await query.orderBy('r.id').execute()).map((r) => r.id)
    }
    // Cedar is withheld everywhere; Alder's link workers are withheld under the link worker filter.
    expect(await changeAnswers(ls, await followUp('N3'))).toBeGreaterThan(40)
    expect(await Promise.all(pages.map(async (q) => (await compare(q)).$.html()))).toEqual(before)
    // Alder's link workers are shown on some sub-constructs and elements (where no community respondent has a score, so
    // there is no smaller group to protect), and the statistics for those rightly change: leave those tables out.
    const withoutChildStats = (html: string) => html.replace(/<details class="nhsuk-details">[\s\S]*?<\/details>/g, '')
    expect(await changeAnswers(ls, await followUp('N1', 'link_worker'))).toBeGreaterThan(100)
    expect(withoutChildStats((await compare('?setting=link_worker')).$.html())).toBe(withoutChildStats(before[1]!))
    expect((await compare()).$.html()).not.toBe(before[0])
  })
})
