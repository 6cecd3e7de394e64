// Administrators disable and enable staff accounts in the browser: a disabled account's sessions end at their next
// request, it cannot sign in, and the changes the service refuses are shown on the page.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { httpClient, type HttpClient, type Page } from '../../support/http-client.js'
import { addStaff, auditLines, signIn } from '../../support/staff-users.js'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let admin: HttpClient
const passwords = new Map<string, string>()

beforeEach(async () => {
  ls = await testLinkscore()
  await ls.services.admin.addProgramme({ slug: 'north', name: 'North PCN' })
  await ls.services.admin.addPractice({ programme: 'north', code: 'N1', name: 'North One' })
  passwords.set('ada@example.org', await addStaff(ls, 'ada@example.org', 'admin'))
  passwords.set('eva@example.org', await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['north'] }))
  passwords.set('sam@example.org', await addStaff(ls, 'sam@example.org', 'steering', { practices: ['N1'] }))
  admin = await signedIn('ada@example.org')
})
afterEach(() => ls.close())

async function signedIn(email: string): Promise<HttpClient> {
  const client = httpClient(ls.app)
  expect((await signIn(client, email, passwords.get(email)!)).status).toBe(303)
  return client
}

const accounts = (page: Page) =>
  page
    .$('.ls-account')
    .map((_, el) => {
      const account = page.$(el)
      account.find('.nhsuk-u-visually-hidden').remove()
      return [account.find('h2').text(), account.find('p').first().text(), account.find('button').text()].map((t) => t.replace(/\s+/g, ' ').trim()).join(' | ')
    })
    .get()

/** Presses the button beside `email` on the accounts page. */
async function press(email: string): Promise<Page> {
  const page = await admin.get('/accounts')
  const form = page.$(`.ls-account form:has(input[name=email][value="${email}"])`)
  return admin.post(form.attr('action')!, { email }, page.csrf)
}

describe('the staff accounts page', () => {
  it('lists every account with its role and scope, and a button for each but your own', async () => {
    const page = await admin.get('/accounts')
    expect(page.heading).toBe('Staff accounts')
    expect(accounts(page)).toEqual([
      'ada@example.org (you) | admin | ',
      'eva@example.org | evaluator (north) | Disable',
      'sam@example.org | steering (N1) | Disable',
    ])
    expect((await admin.get('/staff')).$('a[href="/accounts"]').text()).toBe('Staff accounts')
  })

  it('disables an account: its session goes to the sign-in page at once, and it cannot sign in until enabled again', async () => {
    const eva = await signedIn('eva@example.org')
    const sam = await signedIn('sam@example.org')
    const done = await press('eva@example.org')
    expect([done.status, done.location]).toEqual([303, '/accounts'])
    expect(accounts(await admin.get('/accounts'))[1]).toBe('eva@example.org Disabled | evaluator (north) | Enable')

    const next = await eva.get('/staff')
    expect([next.status, next.location]).toEqual([303, '/sign-in?next=%2Fstaff'])
    expect((await sam.get('/staff')).status).toBe(200)
    const refused = await signIn(httpClient(ls.app), 'eva@example.org', passwords.get('eva@example.org')!)
    expect(refused.status).toBe(422)
    expect(refused.errorSummary.map((e) => e.text)).toEqual(['Enter a correct e-mail address and password'])

    expect((await press('eva@example.org')).status).toBe(303)
    expect((await signIn(httpClient(ls.app), 'eva@example.org', passwords.get('eva@example.org')!)).status).toBe(303)
    expect((await auditLines(ls)).filter((l) => /^user (disabled|enabled)/.test(l))).toEqual([
      'user disabled ada@example.org {"user":"eva@example.org","before":"enabled","after":"disabled"}',
      'user enabled ada@example.org {"user":"eva@example.org","before":"disabled","after":"enabled"}',
    ])
  })

  it.each([
    ['your own account', 'ada@example.org', '/accounts/disable', 'You cannot disable your own account: ask another administrator'],
    ['an account that does not exist', 'nobody@example.org', '/accounts/disable', 'No user with e-mail "nobody@example.org"'],
    ['an account that is not disabled', 'eva@example.org', '/accounts/enable', 'eva@example.org is not disabled'],
  ])('refuses to change %s, saying why, and changes nothing', async (_, email, action, message) => {
    const page = await admin.get('/accounts')
    const refused = await admin.post(action, { email }, page.csrf)
    expect(refused.status).toBe(422)
    expect(refused.title).toBe('Error: Staff accounts – Linkscore')
    expect(refused.errorSummary.map((e) => e.text)).toEqual([message])
    expect(accounts(refused)).toEqual(accounts(page))
    expect((await auditLines(ls)).some((l) => l.startsWith('user disabled') || l.startsWith('user enabled'))).toBe(false)
  })
})
