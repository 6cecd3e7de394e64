// Making a practice's invitations from the Waves page: every mistake named, then the invitations made, audited, and
// the way on to their mail-merge list and letters.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { httpClient, type HttpClient } from '../../support/http-client.js'
import { addStaff, auditLines, signIn } from '../../support/staff-users.js'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let evaluator: HttpClient
const FORM = '/programmes/north/waves/spring/invitations/new'
const ACTION = '/programmes/north/waves/spring/invitations'

beforeAll(async () => {
  ls = await testLinkscore()
  await ls.services.admin.addProgramme({ slug: 'north', name: 'North PCN' })
  await ls.services.admin.addProgramme({ slug: 'south', name: 'South PCN' })
  await ls.services.admin.addPractice({ programme: 'north', code: 'N1', name: 'Alder Surgery' })
  await ls.services.admin.addPractice({ programme: 'south', code: 'S1', name: 'Southern Surgery' })
  await ls.services.admin.addWave({ programme: 'north', slug: 'spring', title: 'Spring', questionnaires: ['pilot'] })
  evaluator = httpClient(ls.app)
  await signIn(evaluator, 'eva@example.org', await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['north'] }))
})
afterAll(() => ls.close())

const send = async (fields: Record<string, string>) => evaluator.post(ACTION, fields, (await evaluator.get(FORM)).csrf)
const count = async () => (await ls.repos.invitations.listByWave(1)).length

it('offers the programme’s practices and the roles an invitation can fill in', async () => {
  const page = await evaluator.get(FORM)
  expect(page.heading).toBe('Make invitations: Spring')
  expect(
    page
      .$('#practice option')
      .map((_, o) => page.$(o).text())
      .get(),
  ).toEqual(['Choose a practice', 'Alder Surgery (N1)'])
  expect(page.$('#role option').first().text()).toBe('Let each person say')
  expect(page.$('#role option').length).toBeGreaterThan(5)
})

it.each([
  [{ practice: '', count: '', role: '' }, ['Choose the practice to invite', 'Enter how many invitations to make']],
  [{ practice: 'N1', count: '501', role: '' }, ['Enter how many invitations to make as a whole number from 1 to 500']],
  [{ practice: 'N1', count: '2.5', role: '' }, ['Enter how many invitations to make as a whole number from 1 to 500']],
  [{ practice: 'N1', count: '2', role: 'astronaut' }, ['Choose a role from the list']],
  [{ practice: 'S1', count: '2', role: '' }, ['Choose a practice of this programme']],
])('names each mistake in %j, keeps what was typed and makes nothing', async (fields, messages) => {
  const page = await send(fields)
  expect(page.status).toBe(422)
  expect(page.errorSummary.map((e) => e.text)).toEqual(messages)
  expect(page.$('#count').val() ?? '').toBe(fields.count)
  expect(await count()).toBe(0)
})

it('makes the invitations with their role, audits them, and leads to their list and letters', async () => {
  const sent = await send({ practice: 'N1', count: '3', role: 'link_worker' })
  expect([sent.status, sent.location]).toEqual([303, `${FORM}?made=3&practice=N1`])
  const made = await evaluator.get(sent.location!)
  expect(made.$('[role=status] strong').text()).toBe('3 invitations made for Alder Surgery.')
  expect(
    made
      .$('[role=status] a')
      .map((_, a) => made.$(a).attr('href'))
      .get(),
  ).toEqual(['/programmes/north/waves/spring/invitations.csv', '/programmes/north/waves/spring/letters?practice=N1'])
  const invitations = await ls.repos.invitations.listByWave(1)
  expect(invitations.map((i) => [i.practiceCode, i.presetRole, i.shortCode?.length])).toEqual([
    ['N1', 'link_worker', 8],
    ['N1', 'link_worker', 8],
    ['N1', 'link_worker', 8],
  ])
  expect((await auditLines(ls)).at(-1)).toBe(
    'invitations created eva@example.org {"programme":"north","wave":"spring","practice":"N1","count":3,"role":"link_worker"}',
  )
})

it('words its errors in Dutch for a Dutch reader', async () => {
  const dutch = httpClient(ls.app)
  await signIn(dutch, 'ed@example.org', await addStaff(ls, 'ed@example.org', 'evaluator', { programmes: ['north'] }))
  await dutch.get('/language?to=nl&next=%2F')
  const form = await dutch.get(FORM)
  const page = await dutch.post(ACTION, { practice: '', count: '0', role: '' }, form.csrf)
  expect(page.errorSummary.map((e) => e.text)).toEqual([
    'Kies de praktijk die u uitnodigt',
    'Vul het aantal uitnodigingen in als een heel getal van 1 tot en met 500',
  ])
})
