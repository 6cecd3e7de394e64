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

describe('adding an account, changing its role, resetting its password', () => {
  const addForm = async (client: HttpClient, fields: Record<string, string | string[]>) => {
    const form = await client.get('/accounts/new')
    return client.post('/accounts/new', fields, form.csrf)
  }

  it.each<{ fields: Record<string, string>; summary: string[] }>([
    {
      fields: {},
      summary: ['Enter an e-mail address in the correct format, like name@example.org', 'Choose a role: administrator, evaluator or steering group member'],
    },
    { fields: { email: 'new@example.org' }, summary: ['Choose a role: administrator, evaluator or steering group member'] },
    {
      fields: { email: 'new@example.org', role: 'evaluator', practices: 'N1' },
      summary: ['An evaluator needs a programme (and no practice): they see whole programmes'],
    },
    { fields: { email: 'eva@example.org', role: 'admin' }, summary: ['A user with e-mail "eva@example.org" already exists'] },
  ])('refuses $fields with a message naming the field', async ({ fields, summary }) => {
    const page = await addForm(admin, fields)
    expect([page.status, page.title.startsWith('Error: '), page.errorSummary.map((e) => e.text)]).toEqual([422, true, summary])
  })

  it('shows the one-time password once, and not again on reload; the new account must choose its own at sign-in', async () => {
    const added = await addForm(admin, { email: 'New@Example.org', role: 'steering', practices: ['N1'] })
    expect([added.status, added.location]).toEqual([303, '/accounts/one-time-password'])
    const shown = await admin.get('/accounts/one-time-password')
    expect(shown.heading).toBe('Account added for new@example.org')
    const password = shown.$('#one-time-password').text()
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect(shown.$('main').text()).toContain('/sign-in')
    const again = await admin.get('/accounts/one-time-password')
    expect([again.heading, again.$('#one-time-password').length]).toEqual(['This password has been shown already', 0])
    const newcomer = httpClient(ls.app)
    expect((await signIn(newcomer, 'new@example.org', password)).status).toBe(303)
    expect((await newcomer.get('/staff')).location).toBe('/account/password')
    expect((await auditLines(ls)).filter((l) => l.startsWith('user added'))).toContain(
      'user added ada@example.org {"user":"new@example.org","role":"steering","scope":["N1"]}',
    )
  })

  it('changes a role and scope, prefilled, audited before → after, ending their sessions; an unchanged save writes nothing', async () => {
    const sam = await signedIn('sam@example.org')
    const id = (await ls.repos.staffUsers.findByEmail('sam@example.org'))!.id
    const form = await admin.get(`/accounts/${id}/role`)
    expect(form.$('input[name=role]:checked').val()).toBe('steering')
    expect(form.$('input[name=practices]:checked').val()).toBe('N1')
    const before = (await auditLines(ls)).length
    expect((await admin.post(`/accounts/${id}/role`, { role: 'steering', practices: 'N1' }, form.csrf)).status).toBe(303)
    expect((await auditLines(ls)).length).toBe(before)
    expect((await sam.get('/staff')).status).toBe(200)
    const changed = await admin.post(`/accounts/${id}/role`, { role: 'evaluator', programmes: 'north' }, form.csrf)
    expect(changed.location).toBe(`/accounts#account-${id}`)
    expect((await auditLines(ls)).at(-1)).toBe('role changed ada@example.org {"user":"sam@example.org","before":"steering (N1)","after":"evaluator (north)"}')
    expect((await sam.get('/staff')).location).toBe('/sign-in?next=%2Fstaff')
  })

  it('resets a password after a confirmation page, showing the new one once', async () => {
    const id = (await ls.repos.staffUsers.findByEmail('sam@example.org'))!.id
    const confirm = await admin.get(`/accounts/${id}/password`)
    expect(confirm.heading).toBe('Reset the password of sam@example.org')
    expect((await admin.post(`/accounts/${id}/password`, {}, confirm.csrf)).location).toBe('/accounts/one-time-password')
    const shown = await admin.get('/accounts/one-time-password')
    expect(shown.heading).toBe('New password for sam@example.org')
    expect((await auditLines(ls)).at(-1)).toBe('password reset ada@example.org {"user":"sam@example.org"}')
    expect((await ls.repos.staffUsers.findByEmail('sam@example.org'))?.mustChangePassword).toBe(true)
  })

  it('lets an evaluator manage only the steering members of their programmes, and add them only for its practices', async () => {
    await ls.services.admin.addProgramme({ slug: 'south', name: 'South PCN' })
    await ls.services.admin.addPractice({ programme: 'south', code: 'S1', name: 'South One' })
    await addStaff(ls, 'sue@example.org', 'steering', { practices: ['S1'] })
    const eva = await signedIn('eva@example.org')
    const list = await eva.get('/accounts')
    expect([
      list.heading,
      list
        .$('.ls-account h2')
        .map((_, h) => list.$(h).text().trim())
        .get(),
    ]).toEqual(['Steering group members', ['sam@example.org']])
    const sue = (await ls.repos.staffUsers.findByEmail('sue@example.org'))!.id
    const ada = (await ls.repos.staffUsers.findByEmail('ada@example.org'))!.id
    expect((await eva.get(`/accounts/${sue}/password`)).status).toBe(404)
    expect((await eva.get(`/accounts/${ada}/role`)).status).toBe(404)
    expect((await eva.post('/accounts/disable', { email: 'ada@example.org' }, list.csrf)).status).toBe(404)
    const form = await eva.get('/accounts/new')
    expect(
      form
        .$('input[name=practices]')
        .map((_, i) => form.$(i).val())
        .get(),
    ).toEqual(['N1'])
    const other = await eva.post('/accounts/new', { email: 'x@example.org', practices: 'S1' }, form.csrf)
    expect([other.status, other.errorSummary.map((e) => e.text)]).toEqual([422, ['Choose practices of your own programmes only']])
    const admin2 = await eva.post('/accounts/new', { email: 'x@example.org', role: 'admin' }, form.csrf)
    expect(admin2.errorSummary.map((e) => e.text)).toEqual(['A steering group member needs a practice (and no programme): they see single practices'])
    expect(await ls.repos.staffUsers.findByEmail('x@example.org')).toBeUndefined()
    expect((await eva.post('/accounts/new', { email: 'x@example.org', practices: 'N1' }, form.csrf)).location).toBe('/accounts/one-time-password')
    expect((await ls.repos.staffUsers.findByEmail('x@example.org'))?.role).toBe('steering')
  })
})
