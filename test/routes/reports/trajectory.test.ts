// The scorecard's scores over every wave: a three-wave synthetic programme, the page read as a user sees it, each
// figure checked against the exports (scores per wave, change from the first wave to the latest).
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateProgramme } from '../../../server/demo/generate-programme.js'
import { httpClient, type HttpClient, type Page } from '../../support/http-client.js'
import { addStaff, signIn } from '../../support/staff-users.js'
import { bodyRows } from '../../support/table-rows.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let evaluator: HttpClient
const PRACTICE = 'TREND-0001'
const WAVES = ['wave-1', 'wave-2', 'wave-3']

beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  await generateProgramme(ls.repos, ls.services, { slug: 'trend', practices: 3, respondents: 8, waves: 3, seed: 11 })
  evaluator = httpClient(ls.app)
  await signIn(evaluator, 'eva@example.org', await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['trend'] }))
})
afterAll(() => ls.close())

type Row = Record<string, string>
const csv = async (kind: string, query: string): Promise<Row[]> =>
  parse((await evaluator.download(`/programmes/trend/exports/${kind}.csv?${query}`)).text, { columns: true }) as Row[]

/** The trajectory table's body: for each scale, its words and then every cell's. */
function trajectoryRows(page: Page, questionnaire: string): string[][] {
  const table = page.$(`#trajectory-${questionnaire}-table`)
  expect(table).toHaveLength(1)
  return bodyRows(page, table)
}

const round = (x: number) => (Math.abs(x).toFixed(0) === '0' ? '0' : (x < 0 ? '\u2212' : '') + Math.abs(x).toFixed(0))

describe.each(['normalisation', 'good-practice'])('the %s trajectory', (questionnaire) => {
  it('shows every wave’s score, 95% CI and n, each equal to that wave’s scores export', async () => {
    const page = await evaluator.get(`/programmes/trend/practices/${PRACTICE}`)
    expect(page.$(`#trajectory-${questionnaire}-caption`).text()).toMatch(/from Wave 1 \(synthetic\) to Wave 3 \(synthetic\)/)
    const rows = trajectoryRows(page, questionnaire)
    const exported = await Promise.all(WAVES.map((w) => csv('scores', `wave=${w}`)))
    const scales = exported[0]!.filter((r) => r.practice_code === PRACTICE && r.questionnaire === questionnaire)
    expect(rows).toHaveLength(scales.length)
    expect(scales.length).toBeGreaterThan(4)
    for (const [i, scale] of scales.entries()) {
      const cells = rows[i]!.slice(1)
      WAVES.forEach((_, w) => {
        const e = exported[w]!.find((r) => r.practice_code === PRACTICE && r.questionnaire === questionnaire && r.scale === scale.scale)!
        expect(e.withheld, scale.scale).toBe('false')
        const ci = e.ci_low === '' ? 'not shown' : `${round(((Number(e.ci_low) - 1) / 4) * 100)}\u2013${round(((Number(e.ci_high) - 1) / 4) * 100)}`
        expect(cells.slice(3 * w, 3 * w + 3), `${scale.scale} ${WAVES[w]}`).toEqual([round(Number(e.score)), ci, e.n])
      })
    }
  })

  it('gives the change since the first wave, equal to the change export from the first wave to the latest', async () => {
    const page = await evaluator.get(`/programmes/trend/practices/${PRACTICE}`)
    const heading = page.$(`#trajectory-${questionnaire}-table thead tr`).last().find('th').last().text().trim()
    expect(heading).toBe('Change since Wave 1 (synthetic)')
    const rows = trajectoryRows(page, questionnaire)
    const change = (await csv('change', 'from=wave-1&to=wave-3')).filter((r) => r.practice_code === PRACTICE && r.questionnaire === questionnaire)
    expect(change).toHaveLength(rows.length)
    for (const [i, c] of change.entries()) {
      const cell = rows[i]!.at(-1)!
      const points = round(Number(c.difference) * 25)
      const flag =
        c.changed === '' ? 'not tested' : c.changed === 'false' ? 'not significant' : Number(c.difference) > 0 ? 'significant rise' : 'significant fall'
      expect(cell, c.scale).toBe(`${Number(points.replace('\u2212', '-')) > 0 ? '+' : ''}${points}, ${flag}`)
    }
  })
})

it('draws the top-level scales as lines over the waves, with the table’s figures', async () => {
  const page = await evaluator.get(`/programmes/trend/practices/${PRACTICE}`)
  const chart = JSON.parse(page.$('#chart-trajectory-normalisation-data').text())
  expect(chart.type).toBe('line')
  expect(chart.labels).toEqual(['Wave 1 (synthetic)', 'Wave 2 (synthetic)', 'Wave 3 (synthetic)'])
  const rows = trajectoryRows(page, 'normalisation')
  const top = page
    .$('#trajectory-normalisation-table tbody tr.ls-row-top th')
    .map((_, th) => page.$(th).text().trim())
    .get()
  expect(chart.series.map((s: { label: string }) => s.label)).toEqual(top)
  for (const series of chart.series as { label: string; values: number[] }[]) {
    const row = rows.find((r) => r[0] === series.label)!
    expect(series.values.map(String)).toEqual([row[1], row[4], row[7]])
  }
})

it('shows no trajectory for the first wave, which has nothing before it', async () => {
  const page = await evaluator.get(`/programmes/trend/practices/${PRACTICE}?wave=wave-1`)
  expect(page.$('.ls-trajectory')).toHaveLength(0)
})
