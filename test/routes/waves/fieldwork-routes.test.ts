// A wave's fieldwork page: each practice's invitations and responses, its response rate from invitations only, the
// open link's responses apart, and responses sent by day, from respondents who went through the real journey.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { httpClient, type HttpClient } from '../../support/http-client.js'
import { walkJourney } from '../../support/journey-walker.js'
import { addStaff, signIn } from '../../support/staff-users.js'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let evaluator: HttpClient

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
  const left = httpClient(ls.app)
  await left.post(invited[2]!, {}, (await left.get(invited[2]!)).csrf)
  await walk('/p/N1/spring', 5)
  const open = httpClient(ls.app)
  await open.post('/p/N1/spring', {}, (await open.get('/p/N1/spring')).csrf)
  evaluator = httpClient(ls.app)
  await signIn(evaluator, 'eva@example.org', await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['north'] }))
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
    ['Cedar Health (N3)', '0', '0', '0', 'No invitations', '0', '0'],
    ['All practices', '6', '3', '2', '33%', '1', '2'],
  ])
})

it('counts the responses sent by day, equal to the responses export', async () => {
  const page = await evaluator.get('/programmes/north/waves/spring/fieldwork')
  const days = page
    .$('table')
    .eq(1)
    .find('tbody tr')
    .map((_, tr) => [
      page
        .$(tr)
        .find('td')
        .map((_, td) => page.$(td).text())
        .get(),
    ])
    .get()
  const exported = (await evaluator.download('/programmes/north/exports/responses.csv?wave=spring')).text.trim().split('\n').slice(1)
  expect(days).toHaveLength(1)
  expect(days[0]![1]).toBe(String(exported.length))
  expect(exported.length).toBe(3)
})
