// The comparison of a programme too large for one page: 50 practices a page in the order asked for, pagination links
// that keep the filters and the sort, a page past the last, and the CSV download of every row in the same order.
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateProgramme } from '../../../server/demo/generate-programme.js'
import type { HttpClient, Page } from '../../support/http-client.js'
import { staffClient, tableRows, type CsvRow } from '../../support/report-expectations.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let client: HttpClient
const PRACTICES = 120
const BASE = '/programmes/synthetic/compare'

beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  await generateProgramme(ls.repos, ls.services, { slug: 'synthetic', practices: PRACTICES, respondents: 3, waves: 2, seed: 7 })
  client = await staffClient(ls, ls.app, 'evaluator@example.org', 'admin')
}, 120_000)
afterAll(() => ls.close())

const rowsOf = (page: Page) => tableRows(page.$, page.$('.ls-compare-table'))
const codeOf = (row: string[]) => /\((SYNTHETIC-\d{4})\)$/.exec(row[0]!)![1]!
const pageLinks = (page: Page) =>
  page
    .$('.nhsuk-pagination a')
    .map((_, a) => `${page.$(a).text().replace(/\s+/g, ' ').trim()} ${page.$(a).attr('href')}`)
    .get()

/** Every row of the comparison, read page by page through its own "Next" links. */
async function allPages(query: string): Promise<{ rows: string[][]; pages: string[] }> {
  const rows: string[][] = []
  const pages: string[] = []
  let url: string | undefined = `${BASE}${query}`
  while (url) {
    const page = await client.get(url)
    expect(page.status).toBe(200)
    pages.push(url)
    rows.push(...rowsOf(page))
    url = page.$('.nhsuk-pagination__next').attr('href')
  }
  return { rows, pages }
}

describe('a comparison of 120 practices', () => {
  it('shows practices 51 to 100 on page 2 in the order asked for, with the pagination keeping the filters and sort', async () => {
    const query = 'sort=normalisation&dir=desc'
    const page = await client.get(`${BASE}?${query}&page=2`)
    expect(page.status).toBe(200)
    expect(page.$('.ls-page-showing').text()).toBe('Showing 51 to 100 of 120 practices')
    const { rows } = await allPages(`?${query}`)
    expect(rows).toHaveLength(PRACTICES)
    expect(rowsOf(page)).toEqual(rows.slice(50, 100))
    // Highest overall normalisation first, withheld ones last.
    const overall = rows.map((r) => (/^\d+/.test(r[4]!) ? Number(/^\d+/.exec(r[4]!)![0]) : -1))
    expect(overall).toEqual([...overall].sort((a, b) => b - a))
    expect(pageLinks(page)).toEqual([
      `Previous page ${BASE}?${query}`,
      `1 ${BASE}?${query}`,
      `2 ${BASE}?${query}&page=2`,
      `3 ${BASE}?${query}&page=3`,
      `Next page ${BASE}?${query}&page=3`,
    ])
    expect(page.$('.nhsuk-pagination__item--current a').attr('aria-current')).toBe('page')
    expect(page.$('.nhsuk-pagination__item--current a').attr('aria-label')).toBe('Page 2')
  })

  it('keeps every filter in the page links and the download, and a sort heading goes back to page 1', async () => {
    const query = 'wave=wave-2&rurality=urban&sort=rate&dir=asc'
    const first = await client.get(`${BASE}?${query}`)
    const kept = Number(/Showing (\d+) of 120 practices\./.exec(first.$('main').text())![1])
    expect(kept).toBeGreaterThan(50)
    const page = await client.get(`${BASE}?${query}&page=2`)
    expect(page.$('.ls-page-showing').text()).toBe(`Showing 51 to ${Math.min(100, kept)} of ${kept} practices`)
    for (const link of pageLinks(page)) expect(link).toContain(`${BASE}?${query}`)
    expect(page.$('a[download]').attr('href')).toBe(`/programmes/synthetic/compare.csv?${query}`)
    const headings = page
      .$('.ls-compare-table thead a')
      .map((_, a) => page.$(a).attr('href'))
      .get()
    for (const href of headings) expect(href).not.toContain('page=')
    expect(page.$('form.ls-filter-form input[name=page]')).toHaveLength(0)
  })

  it('shows the last page for a page past it, and page 1 for a page number that is not one', async () => {
    const last = await client.get(`${BASE}?page=3`)
    expect(last.$('.ls-page-showing').text()).toBe('Showing 101 to 120 of 120 practices')
    expect(rowsOf(last)).toHaveLength(20)
    expect(last.$('.nhsuk-pagination__next')).toHaveLength(0)
    for (const page of ['999', '4', '1e9']) {
      const past = await client.get(`${BASE}?page=${page}`)
      expect(past.status).toBe(200)
      expect(rowsOf(past)).toEqual(rowsOf(last))
    }
    const first = await client.get(BASE)
    for (const page of ['0', '-2', 'two', '1.5', '']) {
      const odd = await client.get(`${BASE}?page=${page}`)
      expect(odd.status).toBe(200)
      expect(rowsOf(odd)).toEqual(rowsOf(first))
    }
  })

  it('shows no pagination when the practices kept fit on one page, as for a small programme', async () => {
    const page = await client.get(`${BASE}?deprivation=1`)
    const kept = Number(/Showing (\d+) of 120 practices/.exec(page.$('main').text())![1])
    expect(kept).toBeLessThanOrEqual(50)
    expect(rowsOf(page)).toHaveLength(kept)
    expect(page.$('.nhsuk-pagination')).toHaveLength(0)
    expect(page.$('.ls-page-showing')).toHaveLength(0)
    expect(page.$('a[download]').attr('href')).toBe('/programmes/synthetic/compare.csv?deprivation=1')
  })

  it('downloads every row as CSV, in the order of the pages and with the figures they show', async () => {
    const query = 'sort=good-practice&dir=asc'
    const { rows } = await allPages(`?${query}`)
    const csv = await client.download(`/programmes/synthetic/compare.csv?${query}&page=2`)
    expect(csv.status).toBe(200)
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.headers['content-disposition']).toBe('attachment; filename="synthetic-wave-2-comparison.csv"')
    const records = parse(csv.text, { columns: true }) as CsvRow[]
    expect(records.map((r) => r.practice_code)).toEqual(rows.map(codeOf))
    const columns = Object.keys(records[0]!)
    expect(columns.slice(0, 9)).toEqual([
      'practice_code',
      'practice_name',
      'responses',
      'response_rate_percent',
      'practice_stage',
      'normalisation_overall',
      'normalisation_overall_band',
      'normalisation_change_since_wave_1',
      'normalisation_change_since_wave_1_significance',
    ])
    for (const [i, row] of rows.entries()) {
      const record = records[i]!
      expect(row[0]).toBe(`${record.practice_name} (${record.practice_code})`)
      expect(row[1]).toBe(record.responses || 'Fewer than 3 responses')
      // Each score cell is "62 Embedding": the CSV's score and band; a change cell "+6, not significant".
      const cells = row.slice(4)
      const scoreNames = columns.filter((c, j) => j >= 5 && !c.endsWith('_band') && !c.endsWith('_significance'))
      expect(cells).toHaveLength(scoreNames.length)
      for (const [j, name] of scoreNames.entries()) {
        const value = record[name]!
        const second = record[`${name}_band`] ?? record[`${name}_significance`]
        if (value === '') expect(cells[j]).toMatch(/^Fewer than 3 responses/)
        else if (name.includes('_change_since_')) expect(cells[j]).toBe(`${Number(value) > 0 ? '+' : ''}${value.replace('-', '\u2212')}, ${second}`)
        else expect(cells[j]).toBe(`${value.replace('-', '\u2212')} ${second}`)
      }
    }
  })

  it('summarises every practice in the charts: counts by range of overall score, and by range of both', async () => {
    const { rows } = await allPages('')
    const page = await client.get(`${BASE}?page=3`)
    // Row cells: practice, responses, rate, stage, then normalisation's overall, its change, its 4 constructs, then good practice's.
    const overall = (row: string[], i: number) => (/^\d+ /.test(row[i]!) ? Number(row[i]!.split(' ')[0]) : null)
    const columns = [4, 10].map((i) => rows.map((r) => overall(r, i)))
    const ranges = ['0–9', '10–19', '20–29', '30–39', '40–49', '50–59', '60–69', '70–79', '80–89', '90–100']
    const inRange = (x: number | null, k: number) => x !== null && (k === 9 ? x >= 90 : x >= k * 10 && x < k * 10 + 10)
    const barTable = page.$('.ls-chart-table').first()
    expect(barTable.find('caption').text()).toBe('Practices by overall score, in ranges of 10 points')
    expect(tableRows(page.$, barTable)).toEqual([
      ...ranges.map((range, k) => [range, ...columns.map((xs) => String(xs.filter((x) => inRange(x, k)).length))]),
      ['Not shown (too few responses)', ...columns.map((xs) => String(xs.filter((x) => x === null).length))],
    ])
    const bar = JSON.parse(page.$('#chart-overall-data').text()) as { labels: string[]; series: { values: number[] }[] }
    expect(bar.labels).toEqual(ranges)
    expect(bar.series.map((s) => s.values)).toEqual(columns.map((xs) => ranges.map((_, k) => xs.filter((x) => inRange(x, k)).length)))

    // The scatter draws every practice with both scores; its table counts them by 20-point range, good practice across.
    const both = rows.flatMap((r) => (overall(r, 10) !== null && overall(r, 4) !== null ? [{ x: overall(r, 10)!, y: overall(r, 4)! }] : []))
    const scatter = JSON.parse(page.$('#chart-scatter-data').text()) as { points: unknown[] }
    expect(scatter.points).toHaveLength(both.length)
    const twenty = (v: number) => Math.min(4, Math.floor(v / 20))
    const crossTable = page.$('.ls-chart-table').last()
    expect(tableRows(page.$, crossTable)).toEqual(
      ['80–100', '60–79', '40–59', '20–39', '0–19'].map((range, r) => [
        range,
        ...[0, 1, 2, 3, 4].map((c) => String(both.filter((p) => twenty(p.y) === 4 - r && twenty(p.x) === c).length)),
      ]),
    )
    expect(page.$('main').text()).not.toContain("Each practice's two overall scores")
  })

  it('says it all in Dutch', async () => {
    const dutch = await staffClient(ls, ls.app, 'nl@example.org', 'admin')
    await dutch.get('/language?to=nl&next=%2F')
    const page = await dutch.get(`${BASE}?page=2`)
    expect(page.$('.ls-page-showing').text()).toBe('U ziet 51 tot en met 100 van 120 praktijken')
    expect(page.$('.nhsuk-pagination').attr('aria-label')).toBe('Paginering')
    expect(page.$('.nhsuk-pagination__item--current a').attr('aria-label')).toBe('Pagina 2')
    expect(page.$('.nhsuk-pagination__previous').text().replace(/\s+/g, ' ').trim()).toBe('Vorige pagina')
    expect(page.$('a[download]').text()).toBe('De hele vergelijking downloaden (CSV)')
  })

  it('audits the download as an export', async () => {
    await client.download('/programmes/synthetic/compare.csv?rurality=urban')
    const last = (await ls.repos.auditLog.page(1, 0))[0]!
    expect([last.action, last.actorEmail, last.detail]).toEqual([
      'data exported',
      'evaluator@example.org',
      JSON.stringify({ export: 'comparison', programme: 'synthetic', wave: 'wave-2' }),
    ])
  })
})
