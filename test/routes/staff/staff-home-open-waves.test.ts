// The staff home page says of each open wave of a whole programme how long it runs and what it has gathered.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Clock } from '../../../server/clock.js'
import { httpClient } from '../../support/http-client.js'
import { addStaff, signIn } from '../../support/staff-users.js'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

const clock: Clock = { now: () => new Date('2026-03-20T09:00:00.000Z') }
let ls: TestLinkscore

beforeAll(async () => {
  ls = await testLinkscore({ clock })
  const admin = ls.services.admin
  await admin.addProgramme({ slug: 'north', name: 'North PCN' })
  await admin.addPractice({ programme: 'north', code: 'N1', name: 'Alder Surgery' })
  await admin.addWave({
    programme: 'north',
    slug: 'spring',
    title: 'Spring',
    questionnaires: ['pilot'],
    opensOn: '2026-03-02',
    closesOn: '2026-03-31',
    open: true,
  })
  await admin.addWave({ programme: 'north', slug: 'rolling', title: 'Rolling', questionnaires: ['pilot'], open: true })
  await admin.addWave({ programme: 'north', slug: 'today', title: 'Last day', questionnaires: ['pilot'], closesOn: '2026-03-20', open: true })
  await admin.addWave({ programme: 'north', slug: 'draft', title: 'Not yet', questionnaires: ['pilot'] })
  await admin.createInvitations({ wave: 'spring', practice: 'N1', count: 1200 })
})
afterAll(() => ls.close())

const openWaves = async (email: string, role: 'evaluator' | 'steering', scope: { programmes?: string[]; practices?: string[] }, lang = 'en-GB') => {
  const client = httpClient(ls.app)
  await signIn(client, email, await addStaff(ls, email, role, scope))
  if (lang !== 'en-GB') await client.get(`/language?to=${lang}&next=%2F`)
  const page = await client.get('/staff')
  return page
    .$('.ls-open-waves li')
    .map((_, li) => page.$(li).text().replace(/\s+/g, ' ').trim())
    .get()
}

it("lists an evaluator's open waves with the days left, the closing day counted, and the programme's totals", async () => {
  expect(await openWaves('eva@example.org', 'evaluator', { programmes: ['north'] })).toEqual([
    'Spring: open, closes on 31 March 2026 (11 days left) 0 sent, 1,200 invitations made Progress by practice',
    'Rolling: open, with no closing date 0 sent, 0 invitations made Progress by practice',
    'Last day: open, closes at the end of today 0 sent, 0 invitations made Progress by practice',
  ])
})

it('says it in Dutch, with Dutch numbers', async () => {
  expect((await openWaves('ed@example.org', 'evaluator', { programmes: ['north'] }, 'nl'))[0]).toBe(
    'Spring: open, sluit op 31 maart 2026 (nog 11 dagen) 0 verstuurd, 1.200 uitnodigingen gemaakt Voortgang per praktijk',
  )
})

it("shows a steering member the days left and a link to their own practice's progress, but no programme's totals", async () => {
  expect(await openWaves('sam@example.org', 'steering', { practices: ['N1'] })).toEqual([
    'Spring: open, closes on 31 March 2026 (11 days left) Your practice’s progress',
    'Rolling: open, with no closing date Your practice’s progress',
    'Last day: open, closes at the end of today Your practice’s progress',
  ])
})

it('links each open wave to its fieldwork page, which a steering member opens for their own practice', async () => {
  const client = httpClient(ls.app)
  await signIn(client, 'sue@example.org', await addStaff(ls, 'sue@example.org', 'steering', { practices: ['N1'] }))
  const home = await client.get('/staff')
  const href = home.$('.ls-open-waves a').first().attr('href')!
  expect(href).toBe('/programmes/north/waves/spring/fieldwork')
  expect((await client.get(href)).heading).toBe('Fieldwork: Spring')
})
