// A wave's fieldwork page: each practice's invitations and responses, its response rate from invitations only, the
// open link's responses apart, responses by setting as the scorecard withholds them, and responses sent by day, from
// respondents who went through the real journey; a steering member sees their own practice's rows and nothing else.
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { httpClient, type HttpClient, type Page } from '../../support/http-client.js'
import { walkJourney } from '../../support/journey-walker.js'
import { addStaff, signIn } from '../../support/staff-users.js'
import { bodyRows } from '../../support/table-rows.js'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let evaluator: HttpClient
let steering: HttpClient

/** A table's body rows, found by its caption: the row header's words, then each cell's. */
function tableRows(page: Page, caption: string): string[][] {
  const table = page.$('table').filter((_, t) => page.$(t).find('caption').text().trim() === caption)
  expect(table.length, caption).toBe(1)
  return bodyRows(page, table)
}

beforeAll(async () => {
  ls = await testLinkscore()
  const admin = ls.services.admin
  await admin.addProgramme({ slug: 'north', name: 'North PCN' })
  for (const [code, name] of [
    ['N1', 'Alder Surgery'],
    ['N2', 'Birch Practice'],
    ['N3', 'Cedar Health'],
  ] as const)
    await admin.addPractice({ programme: 'north', code, name })
  await admin.addWave({ programme: 'north', slug: 'spring', title: 'Spring', questionnaires: ['pilot'], open: true })
  const invited = await admin.createInvitations({ wave: 'spring', practice: 'N1', count: 4 })
  await admin.createInvitations({ wave: 'spring', practice: 'N2', count: 2 })
  // N1: two invitations sent, one opened and left; two more by the open link, one sent.
  const walk = async (path: string, r: number) => {
    const client = httpClient(ls.app)
    await walkJourney(client, await client.get(path), r)
  }
  for (const [r, path] of invited.slice(0, 2).entries()) await walk(path, r)
  // N3: six invitations for GPs and six for link workers, all answered: link workers shown, GPs withheld beside
  // community's 0 (a lone withheld setting would be given away by the total).
  const presetRoles = [
    ...(await admin.createInvitations({ wave: 'spring', practice: 'N3', count: 6, role: 'gp' })),
    ...(await admin.createInvitations({ wave: 'spring', practice: 'N3', count: 6, role: 'link_worker' })),
  ]
  for (const [r, path] of presetRoles.entries()) await walk(path, 20 + r)
  const left = httpClient(ls.app)
  await left.post(invited[2]!, {}, (await left.get(invited[2]!)).csrf)
  await walk('/p/N1/spring', 5)
  const open = httpClient(ls.app)
  await open.post('/p/N1/spring', {}, (await open.get('/p/N1/spring')).csrf)
  evaluator = httpClient(ls.app)
  await signIn(evaluator, 'eva@example.org', await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['north'] }))
  steering = httpClient(ls.app)
  await signIn(steering, 'sam@example.org', await addStaff(ls, 'sam@example.org', 'steering', { practices: ['N1'] }))
})
afterAll(() => ls.close())

it('counts each practice’s invitations and responses, with the rate from invitations only and the open link apart', async () => {
  const page = await evaluator.get('/programmes/north/waves/spring/fieldwork')
  expect(page.heading).toBe('Fieldwork: Spring')
  const table = page.$('table').first()
  expect(
    table
      .find('thead th')
      .map((_, th) => page.$(th).text())
      .get(),
  ).toEqual(['Practice', 'Invitations made', 'Invitations opened', 'Sent, by invitation', 'Response rate', 'Sent, by open link', 'Started, not yet sent'])
  const rows = table
    .find('tbody tr')
    .map((_, tr) => [
      [
        page.$(tr).find('th').text().replace(/\s+/g, ' ').trim(),
        ...page
          .$(tr)
          .find('td')
          .map((_, td) => page.$(td).text())
          .get(),
      ],
    ])
    .get()
  expect(rows).toEqual([
    ['Alder Surgery (N1)', '4', '3', '2', '50%', '1', '2'],
    ['Birch Practice (N2)', '2', '0', '0', '0%', '0', '0'],
    ['Cedar Health (N3)', '12', '12', '12', '100%', '0', '0'],
    ['All practices', '18', '15', '14', '78%', '1', '2'],
  ])
})

it('counts the responses sent by day, equal to the responses export', async () => {
  const page = await evaluator.get('/programmes/north/waves/spring/fieldwork')
  const days = tableRows(page, 'Responses sent each day (UTC)')
  const exported = (await evaluator.download('/programmes/north/exports/responses.csv?wave=spring')).text.trim().split('\n').slice(1)
  expect(days).toHaveLength(1)
  expect(days[0]![1]).toBe(String(exported.length))
  expect(exported.length).toBe(15)
  // The chart beside the table carries the same figures.
  const chart = JSON.parse(page.$('#chart-by-day-data').text())
  expect(chart.series[0].values).toEqual([15])
})

it('gives each practice’s responses sent (by invitation and by open link) as counted from the answers export', async () => {
  const page = await evaluator.get('/programmes/north/waves/spring/fieldwork')
  const answers = parse((await evaluator.download('/programmes/north/exports/answers.csv?wave=spring')).text, { columns: true }) as Record<string, string>[]
  const responsesOf = (code: string) => new Set(answers.filter((a) => a.practice_code === code).map((a) => a.response_id)).size
  for (const row of tableRows(page, 'Invitations and responses by practice').filter((r) => r[0] !== 'All practices')) {
    const code = /\(([^)]+)\)$/.exec(row[0]!)![1]!
    expect(Number(row[3]) + Number(row[5]), code).toBe(responsesOf(code))
  }
  expect(responsesOf('N3')).toBe(12)
})

it('gives each practice’s responses by setting as its scorecard does, each shown figure equal to the responses export', async () => {
  const page = await evaluator.get('/programmes/north/waves/spring/fieldwork')
  const rows = tableRows(page, 'Responses sent and response rate by setting, for each practice')
  const csv = (await evaluator.download('/programmes/north/exports/responses.csv?wave=spring')).text.trim().split('\n')
  const header = csv[0]!.split(',')
  const records = csv.slice(1).map((line) => Object.fromEntries(line.split(',').map((v, i) => [header[i], v])))
  const exportedIn = (code: string, setting: string) => records.filter((r) => r.practice_code === code && r.setting === setting).length
  const scorecard = await evaluator.get('/programmes/north/practices/N1?wave=spring')
  const scorecardCells = tableRows(scorecard, 'Submitted responses and response rate, by setting')
    .filter((r) => r[0] !== 'All settings')
    .map((r) => r[1])
  const n1 = rows.find((r) => r[0] === 'Alder Surgery (N1)')!
  const sent = [n1[1], n1[3], n1[5]]
  // the same words and figures as the scorecard's response table, setting by setting
  expect(sent).toEqual(scorecardCells)
  for (const [i, setting] of ['general_practice', 'link_worker', 'community'].entries()) {
    if (/^\d+$/.test(sent[i]!)) expect(Number(sent[i]), setting).toBe(exportedIn('N1', setting))
    else expect(sent[i]).toBe('Withheld')
  }
  expect(rows.find((r) => r[0] === 'Cedar Health (N3)')!.slice(1)).toEqual([
    'Withheld',
    'Withheld',
    '6',
    '100% (6 of 6 invitations)',
    'Withheld',
    'No role named',
  ])
  expect(exportedIn('N3', 'link_worker')).toBe(6)
  expect(page.$('main').text()).toContain('The programme’s totals by setting are not given')
})

it('shows a steering member their own practice’s progress only: no other practice, no total, no days', async () => {
  const page = await steering.get('/programmes/north/waves/spring/fieldwork')
  expect(page.status).toBe(200)
  expect(tableRows(page, 'Invitations and responses by practice')).toEqual([['Alder Surgery (N1)', '4', '3', '2', '50%', '1', '2']])
  expect(tableRows(page, 'Responses sent and response rate by setting, for each practice').map((r) => r[0])).toEqual(['Alder Surgery (N1)'])
  expect(page.$('main').text()).not.toContain('Birch Practice')
  expect(page.$('main').text()).not.toContain('Responses sent by day')
  expect(page.$('#chart-by-day-data')).toHaveLength(0)
  expect(page.$('main a').first().attr('href')).toBe('/staff')
  // The reports' table styles, on a page without a chart too.
  expect(page.$('link[href="/static/css/reports.css"]')).toHaveLength(1)
})
