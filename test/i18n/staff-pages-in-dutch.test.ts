// The staff pages in Dutch: no English left beside the English pages of the same state, and each form's errors worded
// in Dutch. The audit log's stored lines stay as stored (marked lang="en-GB"); its chrome is Dutch.
import * as cheerio from 'cheerio'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newToken } from '../../server/services/tokens.js'
import { englishLeft } from '../support/english-left.js'
import { httpClient, type HttpClient, type Page } from '../support/http-client.js'
import { addStaff, signIn } from '../support/staff-users.js'
import { testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
/** Each kind of visitor once in English and once in Dutch. */
const clients: Record<'admin' | 'evaluator' | 'oneTime' | 'anonymous', { en: HttpClient; nl: HttpClient }> = {} as never
let sam: number

/** Names, codes and addresses of the fixture, the same in every language; "evaluator" is the glossary's Dutch word too. */
const DATA = new Set([
  ...['North PCN', 'South PCN', 'Empty PCN', 'North One', 'North Two', 'South One', 'north', 'N1', 'N2', 'S1', 'English', 'Nederlands'],
  ...['ada', 'eva', 'sam', 'dis', 'wait', 'once'].map((name) => `${name}@example.org`),
  ...['North One (N1)', 'North Two (N2)', 'South One (S1)'],
  'evaluator (north)',
])
const allowed = (text: string) => DATA.has(text)

async function client(language: 'en' | 'nl', account?: { email: string; password: string }): Promise<HttpClient> {
  const c = httpClient(ls.app)
  if (language === 'nl') await c.get('/language?to=nl&next=%2F')
  if (account) expect((await signIn(c, account.email, account.password)).status).toBe(303)
  return c
}

beforeAll(async () => {
  ls = await testLinkscore({ signIn: { accountFreeFailures: 1 } })
  const admin = ls.services.admin
  await admin.addProgramme({ slug: 'north', name: 'North PCN' })
  await admin.addProgramme({ slug: 'south', name: 'South PCN' })
  await admin.addProgramme({ slug: 'empty', name: 'Empty PCN' })
  await admin.addPractice({ programme: 'north', code: 'N1', name: 'North One' })
  await admin.addPractice({ programme: 'north', code: 'N2', name: 'North Two' })
  await admin.addPractice({ programme: 'south', code: 'S1', name: 'South One' })
  const ada = { email: 'ada@example.org', password: await addStaff(ls, 'ada@example.org', 'admin') }
  const eva = { email: 'eva@example.org', password: await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['north'] }) }
  await addStaff(ls, 'sam@example.org', 'steering', { practices: ['N1'] })
  await addStaff(ls, 'dis@example.org', 'steering', { practices: ['N2'] })
  await addStaff(ls, 'wait@example.org', 'steering', { practices: ['N2'] })
  const once = { email: 'once@example.org', password: await addStaff(ls, 'once@example.org', 'steering', { practices: ['N1'] }, { oneTime: true }) }
  await ls.services.staffAccounts.disableUser('dis@example.org', { kind: 'command line' })
  for (let i = 0; i < 2; i++) await ls.services.signIn.signIn('wait@example.org', 'not the password', '10.0.0.1')
  for (let i = 1; i <= 60; i++) await ls.services.auditLog.audit({ kind: 'command line' }, 'password reset', { user: `user${i}@example.org` })
  sam = (await ls.repos.staffUsers.findByEmail('sam@example.org'))!.id
  for (const language of ['en', 'nl'] as const) {
    ;(clients.admin ??= {} as never)[language] = await client(language, ada)
    ;(clients.evaluator ??= {} as never)[language] = await client(language, eva)
    ;(clients.oneTime ??= {} as never)[language] = await client(language, once)
    ;(clients.anonymous ??= {} as never)[language] = await client(language)
  }
})
afterAll(() => ls.close())

/** The audit log's cells that show entries as stored, in English by design, are left out of the comparison. */
const withoutStored = (page: Page) => {
  const $ = cheerio.load(page.$.html())
  $('td[lang="en-GB"]').remove()
  return $.html()
}

function expectDutch(en: Page, nl: Page) {
  expect([en.status, nl.status]).toEqual([200, 200])
  expect(nl.$('html').attr('lang')).toBe('nl')
  expect(englishLeft(withoutStored(nl), { sameAsEnglishPage: withoutStored(en), allowed })).toEqual([])
}

const PAGES: [keyof typeof clients, string][] = [
  ['anonymous', '/sign-in'],
  ['admin', '/staff'],
  ['admin', '/staff?changed=password'],
  ['admin', '/accounts'],
  ['admin', '/accounts/new'],
  ['admin', '/accounts/3/role'],
  ['admin', '/accounts/3/password'],
  ['admin', '/account/password'],
  ['admin', '/account/sessions'],
  ['admin', '/account/sessions?ended=1'],
  ['admin', '/account/sessions?ended=2'],
  ['admin', '/audit'],
  ['admin', '/audit?page=2'],
  ['evaluator', '/staff'],
  ['evaluator', '/accounts'],
  ['evaluator', '/accounts/new'],
  ['evaluator', '/accounts/3/role'],
  ['oneTime', '/account/password'],
]

describe.each(PAGES)('as %s, %s in Dutch', (visitor, path) => {
  it('has no English left', async () => {
    expect(sam).toBe(3)
    expectDutch(await clients[visitor].en.get(path), await clients[visitor].nl.get(path))
  })
})

describe('the accounts page in Dutch', () => {
  it("shows each account's role, state and sign-in in Dutch", async () => {
    const page = await clients.admin.nl.get('/accounts')
    const account = (email: string) => page.$(`.ls-account:has(input[value="${email}"]), .ls-account:has(h2:contains("${email}"))`).first()
    const texts = (email: string) =>
      account(email)
        .find('h2, p, button')
        .map((_, e) => page.$(e).text().replace(/\s+/g, ' ').trim())
        .get()
    expect(texts('ada@example.org')).toEqual([
      'ada@example.org (u)',
      'beheerder',
      expect.stringMatching(/^Kan inloggen\. Laatst ingelogd op \d+ \w+ \d{4} om \d\d:\d\d\.$/),
    ])
    expect(texts('sam@example.org').slice(0, 3)).toEqual(['sam@example.org', 'stuurgroeplid (N1)', 'Kan inloggen. Heeft nog niet ingelogd.'])
    expect(texts('dis@example.org')[0]).toBe('dis@example.org Uitgeschakeld')
    expect(texts('dis@example.org')[2]).toMatch(/^Uitgeschakeld op \d+ \w+ \d{4} om \d\d:\d\d\. Heeft nog niet ingelogd\.$/)
    expect(texts('wait@example.org')[3]).toMatch(/^Moet tot \d\d:\d\d wachten met inloggen, na mislukte inlogpogingen$/)
    expect(texts('once@example.org')[3]).toBe('Heeft een eenmalig wachtwoord, te vervangen bij de volgende keer inloggen')
    expect(account('dis@example.org').find('button').text().trim()).toBe('Inschakelen dis@example.org')
  })
})

describe('the one-time password page in Dutch', () => {
  it('shows the password once, after adding an account or resetting its password, then says it was shown', async () => {
    for (const [kind, send] of [
      ['added', (c: HttpClient, csrf: string, n: string) => c.post('/accounts/new', { email: `new-${n}@example.org`, role: 'admin' }, csrf)],
      ['reset', (c: HttpClient, csrf: string) => c.post(`/accounts/${sam}/password`, {}, csrf)],
    ] as const) {
      const pages: Page[] = []
      for (const language of ['en', 'nl'] as const) {
        const c = clients.admin[language]
        const form = await c.get('/accounts/new')
        expect((await send(c, form.csrf, language)).location).toBe('/accounts/one-time-password')
        pages.push(await c.get('/accounts/one-time-password'))
      }
      const [en, nl] = pages as [Page, Page]
      expect(nl.heading).toBe(kind === 'added' ? 'Account toegevoegd voor new-nl@example.org' : 'Nieuw wachtwoord voor sam@example.org')
      expect(nl.$('#one-time-password').text()).toMatch(/^[A-Za-z0-9_-]{24}$/)
      expect(englishLeft(nl.$.html(), { sameAsEnglishPage: en.$.html(), allowed: (text) => allowed(text) || text.startsWith('new-') })).toEqual([])
      expectDutch(await clients.admin.en.get('/accounts/one-time-password'), await clients.admin.nl.get('/accounts/one-time-password'))
    }
  })
})

/** Sends a form in Dutch and returns the page that comes back, its error summary's texts checked for English. */
async function sendInDutch(visitor: keyof typeof clients, formPath: string, action: string, fields: Record<string, string | string[]>) {
  const c = clients[visitor].nl
  const sent = await c.post(action, fields, (await c.get(formPath)).csrf)
  expect(sent.status).toBe(422)
  expect(sent.title.startsWith('Fout: ')).toBe(true)
  expect(englishLeft(sent.$.html(), { allowed })).toEqual([])
  return sent.errorSummary.map((e) => e.text)
}

describe('the staff forms in Dutch', () => {
  it('sign-in says what is missing, and refuses a wrong address or password', async () => {
    expect(await sendInDutch('anonymous', '/sign-in', '/sign-in', {})).toEqual(['Vul uw e-mailadres in', 'Vul uw wachtwoord in'])
    expect(await sendInDutch('anonymous', '/sign-in', '/sign-in', { email: 'not an address', password: 'x'.repeat(1025) })).toEqual([
      'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl',
      'Uw wachtwoord mag hoogstens 1.024 tekens lang zijn',
    ])
    expect(await sendInDutch('anonymous', '/sign-in', '/sign-in', { email: 'nobody@example.org', password: 'a guess' })).toEqual([
      'Vul een juist e-mailadres en wachtwoord in',
    ])
  })

  it('the account form says what is wrong with a new account', async () => {
    const add = (fields: Record<string, string | string[]>) => sendInDutch('admin', '/accounts/new', '/accounts/new', fields)
    expect(await add({})).toEqual(['Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl', 'Kies een rol: beheerder, evaluator of stuurgroeplid'])
    expect(await add({ email: 'x@example.org', role: 'evaluator', practices: 'N1' })).toEqual([
      "Een evaluator heeft een programma nodig (en geen praktijk): evaluatoren zien hele programma's",
    ])
    expect(await add({ email: 'eva@example.org', role: 'admin' })).toEqual(['Er bestaat al een gebruiker met e-mailadres "eva@example.org"'])
    expect(await sendInDutch('evaluator', '/accounts/new', '/accounts/new', { email: 'x@example.org', practices: 'S1' })).toEqual([
      "Kies alleen praktijken van uw eigen programma's",
    ])
  })

  it('the role form says what a role needs', async () => {
    expect(await sendInDutch('admin', `/accounts/${sam}/role`, `/accounts/${sam}/role`, { role: 'steering' })).toEqual([
      'Een stuurgroeplid heeft een praktijk nodig (en geen programma): stuurgroepleden zien afzonderlijke praktijken',
    ])
  })

  it('the accounts page says why an account cannot be disabled or enabled', async () => {
    expect(await sendInDutch('admin', '/accounts', '/accounts/disable', { email: 'ada@example.org' })).toEqual([
      'U kunt uw eigen account niet uitschakelen: vraag dit aan een andere beheerder',
    ])
    expect(await sendInDutch('admin', '/accounts', '/accounts/enable', { email: 'eva@example.org' })).toEqual(['eva@example.org is niet uitgeschakeld'])
    expect(await sendInDutch('admin', '/accounts', '/accounts/disable', { email: 'dis@example.org' })).toEqual(['dis@example.org is al uitgeschakeld'])
  })

  it('the password form says what is wrong with each field', async () => {
    const change = (fields: Record<string, string>) => sendInDutch('admin', '/account/password', '/account/password', fields)
    expect(await change({})).toEqual(['Vul uw huidige wachtwoord in', 'Vul een nieuw wachtwoord in'])
    expect(await change({ currentPassword: 'wrong one', newPassword: 'kort', confirmPassword: 'anders' })).toEqual([
      'Uw huidige wachtwoord klopt niet: vul het opnieuw in',
      'Vul een nieuw wachtwoord in van minstens 12 tekens',
      'Vul hetzelfde nieuwe wachtwoord nog eens in bij "Bevestig uw nieuwe wachtwoord"',
    ])
    expect(await change({ newPassword: 'x'.repeat(1025), confirmPassword: 'x'.repeat(1025) })).toEqual([
      'Vul uw huidige wachtwoord in',
      'Vul een nieuw wachtwoord in van hoogstens 1.024 tekens',
    ])
    expect(await change({ newPassword: 'password12345', confirmPassword: 'password12345' })).toEqual([
      'Vul uw huidige wachtwoord in',
      'Vul een nieuw wachtwoord in dat niet bij de meest gebruikte wachtwoorden hoort en daar ook niet van is gemaakt: probeer drie of vier woorden die niets met elkaar te maken hebben',
    ])
    expect(await change({ newPassword: 'ada@example.org rules', confirmPassword: 'ada@example.org rules' })).toEqual([
      'Vul uw huidige wachtwoord in',
      'Vul een nieuw wachtwoord in zonder uw e-mailadres of het deel daarvan vóór de @',
    ])
  })

  it('ending a session that has already ended says so in Dutch', async () => {
    const c = clients.admin.nl
    const page = await c.get('/account/sessions')
    const ended = await c.post('/account/sessions/end', { session: newToken() }, page.csrf)
    expect([ended.status, ended.heading]).toEqual([409, 'Deze sessie is al beëindigd'])
    expect(englishLeft(ended.$.html(), { allowed })).toEqual([])
  })
})
