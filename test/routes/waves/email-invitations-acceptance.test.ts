// Issue 16, point 2, end to end with a real SMTP server: invitations to 20 addresses arrive with working links; 5
// respondents send their answers over HTTP; a reminder goes to the other 15 and to none of the 5, and not again within
// the days chosen; no export holds an address; closing the wave leaves the address table empty.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { addressCountsRow as countsRow } from '../../support/address-counts.js'
import { httpClient, type HttpClient } from '../../support/http-client.js'
import { walkJourney } from '../../support/journey-walker.js'
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../../support/smtp-server.js'
import { addStaff, auditLines, signIn } from '../../support/staff-users.js'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

const BASE_URL = 'http://linkscore.test'
const PAGE = '/programmes/north/waves/spring/email-invitations'
const ADDRESSES = Array.from({ length: 20 }, (_, i) => `person.${i + 1}@alder-surgery.example.org`)
const SUBMITTERS = ADDRESSES.slice(0, 5)
const OTHERS = ADDRESSES.slice(5)
const DAY_MS = 86_400_000

let now = new Date('2026-03-02T09:00:00.000Z')
let ls: TestLinkscore
let smtp: TestSmtpServer
let evaluator: HttpClient
let invitations: ReceivedMail[]
let evaluatorPassword: string

/** Days on: the staff session has expired by then, so the evaluator signs in again. */
async function daysLater(days: number) {
  now = new Date(now.getTime() + days * DAY_MS)
  evaluator = httpClient(ls.app)
  await signIn(evaluator, 'eva@example.org', evaluatorPassword)
}

beforeAll(async () => {
  smtp = await startSmtpServer()
  ls = await testLinkscore({ clock: { now: () => now }, config: { smtp: smtp.settings, baseUrl: BASE_URL } })
  await ls.services.admin.addProgramme({ slug: 'north', name: 'North PCN' })
  await ls.db.updateTable('programme').set({ organisation: 'Northshire Primary Care Network', contact: 'research@north.example.org' }).execute()
  await ls.services.admin.addPractice({ programme: 'north', code: 'N1', name: 'Alder Surgery' })
  await ls.services.admin.addWave({ programme: 'north', slug: 'spring', title: 'Spring', questionnaires: ['pilot'], open: true })
  await ls.services.admin.addWave({ programme: 'north', slug: 'autumn', title: 'Autumn', questionnaires: ['pilot'] })
  evaluator = httpClient(ls.app)
  evaluatorPassword = await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['north'] })
  await signIn(evaluator, 'eva@example.org', evaluatorPassword)
})
afterAll(async () => {
  await ls.close()
  await smtp.stop()
})

const tokenIn = (mail: ReceivedMail) => new RegExp(`${BASE_URL}/s/([A-Za-z0-9_-]+)`).exec(mail.text)![1]!
const remind = async (days: string) => evaluator.post(`${PAGE}/remind`, { days }, (await evaluator.get(PAGE)).csrf)

it('sends each of 20 addresses its own invitation: the study, its link, its short code and what is done with the address', async () => {
  const page = await evaluator.get(PAGE)
  expect(page.$('#address-privacy').text()).toContain('They are never joined to answers')
  const sent = await evaluator.upload(PAGE, page.csrf, undefined, { practice: 'N1', addresses: ADDRESSES.join('\n'), role: '' })
  expect([sent.status, sent.location]).toEqual([303, `${PAGE}?sent=20&bounced=0`])
  invitations = [...smtp.received]
  expect(invitations.map((m) => m.to).sort()).toEqual([...ADDRESSES].sort())
  const first = invitations[0]!
  expect(first.from).toBe('surveys@north.example.org')
  expect(first.subject).toBe('North PCN: your invitation to a short survey')
  const code = /type the code ([A-HJ-NP-Z]{4}-[A-HJ-NP-Z]{4})\./.exec(first.text)![1]
  expect(first.text).toBe(
    [
      'Northshire Primary Care Network invites you to take part in North PCN, a short survey on how social prescribing is working at your practice.',
      `Your personal link: ${BASE_URL}/s/${tokenIn(first)}`,
      `Or go to ${BASE_URL}/code and type the code ${code}.`,
      'The link is for you alone: please do not pass it on.',
      'Your e-mail address is kept only to send you reminders. It is never joined to your answers, and it is deleted when the survey closes.',
      'Questions about the study: research@north.example.org',
      'Northshire Primary Care Network',
    ].join('\n\n') + '\n',
  )
  expect(new Set(invitations.map(tokenIn)).size).toBe(20)
  const after = await evaluator.get(sent.location!)
  expect(after.$('[role=status]').text().trim()).toBe('20 invitations sent.')
  expect(countsRow(after)).toEqual(['20', '20', '0', '0', '0', '0'])
  expect((await auditLines(ls)).slice(-2)).toEqual([
    'invitations created eva@example.org {"programme":"north","wave":"spring","practice":"N1","count":20,"emailed":true}',
    'invitations e-mailed eva@example.org {"programme":"north","wave":"spring","practice":"N1","sent":20,"bounced":0}',
  ])
})

it('leads 5 respondents through their links to the end; the page counts them, and the start page says the address is not linked to answers', async () => {
  for (const [r, address] of SUBMITTERS.entries()) {
    const respondent = httpClient(ls.app)
    const mail = invitations.find((m) => m.to === address)!
    // The first types the short code from the message at /code, as someone reading it on another device would.
    const code = /type the code ([A-Z-]+)\./.exec(mail.text)![1]!
    if (r === 0) expect((await respondent.post('/code', { code }, (await respondent.get('/code')).csrf)).location).toBe(`/s/${tokenIn(mail)}`)
    const start = await respondent.get(`/s/${tokenIn(mail)}`)
    expect(start.status).toBe(200)
    expect(start.$('main').text()).toContain('your address is kept apart from your answers, only to send you reminders. It is never joined to your answers')
    await walkJourney(respondent, start, r)
  }
  // A sixth starts and stops: unfinished, so still reminded.
  const sixth = httpClient(ls.app)
  const start = await sixth.get(`/s/${tokenIn(invitations.find((m) => m.to === OTHERS[0])!)}`)
  expect((await sixth.post(start.$('main form[method=post]').attr('action')!, {}, start.csrf)).status).toBe(303)
  expect(countsRow(await evaluator.get(PAGE))).toEqual(['20', '20', '0', '6', '5', '0'])
})

it('reminds the other 15 (the unfinished one among them) and none of the 5, then nobody again within the days chosen', async () => {
  const before = smtp.received.length
  const sent = await remind('7')
  expect([sent.status, sent.location]).toEqual([303, `${PAGE}?reminded=15`])
  const reminders = smtp.received.slice(before)
  expect(reminders.map((m) => m.to).sort()).toEqual([...OTHERS].sort())
  expect(reminders.every((m) => m.subject === 'Reminder – North PCN: your invitation to a short survey')).toBe(true)
  expect(reminders.find((m) => m.to === OTHERS[1])!.text).toContain(`${BASE_URL}/s/${tokenIn(invitations.find((m) => m.to === OTHERS[1])!)}`)
  expect((await auditLines(ls)).at(-1)).toBe('reminders e-mailed eva@example.org {"programme":"north","wave":"spring","days":7,"sent":15,"bounced":0}')

  await daysLater(6)
  expect((await remind('7')).location).toBe(`${PAGE}?reminded=0`)
  await daysLater(2)
  expect((await remind('7')).location).toBe(`${PAGE}?reminded=15`)
  expect(smtp.received.length).toBe(before + 30)
  expect(countsRow(await evaluator.get(PAGE))).toEqual(['20', '20', '0', '6', '5', '30'])
})

it('holds no address in any export, nor on the pages staff see', async () => {
  const downloads = [
    '/programmes/north/exports/answers.csv?wave=spring&include-partial=yes',
    '/programmes/north/exports/responses.csv?wave=spring&include-partial=yes',
    '/programmes/north/exports/codebook.csv',
    '/programmes/north/exports/scores.csv?wave=spring',
    '/programmes/north/exports/scale-stats.csv?wave=spring',
    '/programmes/north/exports/change.csv?from=spring&to=autumn',
    '/programmes/north/exports/actions.csv',
    '/programmes/north/exports/linkscore.R?wave=spring',
    '/programmes/north/waves/spring/invitations.csv',
  ]
  const admin = httpClient(ls.app)
  await signIn(admin, 'admin@example.org', await addStaff(ls, 'admin@example.org', 'admin'))
  const texts: string[] = []
  for (const path of downloads) {
    const download = await admin.download(path)
    expect(download.status, path).toBe(200)
    texts.push(download.text)
  }
  expect(texts[1]!.split('\n').length).toBeGreaterThan(6)
  for (const path of [PAGE, '/audit', '/programmes/north/waves/spring/fieldwork', '/programmes/north/exports']) texts.push((await admin.download(path)).text)
  for (const text of texts) for (const address of ADDRESSES) expect(text.toLowerCase()).not.toContain(address)
})

it('deletes the addresses when the wave closes, in the same step, and audits how many', async () => {
  const confirm = await evaluator.get('/programmes/north/waves/spring/close')
  expect((await evaluator.post('/programmes/north/waves/spring/close', {}, confirm.csrf)).status).toBe(303)
  const left = await ls.db
    .selectFrom('invitation_address')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  expect(Number(left.n)).toBe(0)
  expect((await auditLines(ls)).at(-1)).toBe('wave closed eva@example.org {"programme":"north","wave":"spring","status":"open → closed","addressesDeleted":20}')
  const page = await evaluator.get(PAGE)
  expect(page.$('main').text()).toContain('No address is held for this wave.')
  expect(page.$('#send-form').length).toBe(0)
})
