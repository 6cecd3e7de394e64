// Every staff member changes their own password; after a one-time password, it is the only page open to them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { httpClient, type HttpClient } from '../../support/http-client.js'
import { addStaff, auditLines, signIn } from '../../support/staff-users.js'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

const CHOSEN = 'violet kettle marching quietly'
let ls: TestLinkscore
let password: string
beforeEach(async () => {
  ls = await testLinkscore()
  password = await addStaff(ls, 'eva@example.org', 'admin')
})
afterEach(() => ls.close())

async function signedIn(pass = password): Promise<HttpClient> {
  const client = httpClient(ls.app)
  expect((await signIn(client, 'eva@example.org', pass)).status).toBe(303)
  return client
}

async function send(client: HttpClient, fields: Record<string, string>) {
  const form = await client.get('/account/password')
  return client.post('/account/password', fields, form.csrf)
}

describe('changing your own password', () => {
  it.each<{ fields: Record<string, string>; summary: string[] }>([
    { fields: {}, summary: ['Enter your current password', 'Enter a new password'] },
    { fields: { currentPassword: 'wrong one', newPassword: CHOSEN, confirmPassword: CHOSEN }, summary: ['Your current password is not right: enter it again'] },
    { fields: { newPassword: 'short one' }, summary: ['Enter your current password', 'Enter a new password of at least 12 characters'] },
    { fields: { newPassword: 'x'.repeat(1025) }, summary: ['Enter your current password', 'Enter a new password of 1024 characters or fewer'] },
    {
      fields: { newPassword: 'password12345' },
      summary: [
        'Enter your current password',
        'Enter a new password that is not among the most common passwords or made from them: try three or four unrelated words',
      ],
    },
    {
      fields: { newPassword: 'eva@example.org!!' },
      summary: ['Enter your current password', 'Enter a new password that does not contain your e-mail address or its name part'],
    },
    {
      fields: { newPassword: CHOSEN, confirmPassword: 'something else' },
      summary: ['Enter your current password', 'Enter the same new password again in "Confirm your new password"'],
    },
  ])('refuses $fields with messages naming each field, never the password', async ({ fields, summary }) => {
    // Confirmed as typed unless the case is about confirming.
    const page = await send(await signedIn(), { confirmPassword: fields.newPassword ?? '', ...fields })
    expect([page.status, page.title.startsWith('Error: '), page.errorSummary.map((e) => e.text)]).toEqual([422, true, summary])
    expect(page.$('input[type=password][value]').length).toBe(0)
  })

  it('refuses the current password as the new one', async () => {
    const page = await send(await signedIn(), { currentPassword: password, newPassword: password, confirmPassword: password })
    expect(page.errorSummary.map((e) => e.text)).toEqual(['Enter a new password that is different from your current one'])
  })

  it('saves a new password, keeps this session (under a new id), ends the others, and logs it without the password', async () => {
    const other = await signedIn()
    const client = await signedIn()
    const done = await send(client, { currentPassword: password, newPassword: CHOSEN, confirmPassword: CHOSEN })
    expect([done.status, done.location]).toEqual([303, '/staff?changed=password'])
    expect((await client.get('/staff?changed=password')).$('.nhsuk-inset-text').text()).toContain('Your new password is saved')
    expect((await other.get('/staff')).location).toBe('/sign-in?next=%2Fstaff')
    expect((await auditLines(ls)).at(-1)).toBe('password changed eva@example.org {"user":"eva@example.org"}')
    expect((await signIn(httpClient(ls.app), 'eva@example.org', password)).status).toBe(422)
    await signedIn(CHOSEN)
  })
})

describe('after signing in with a one-time password', () => {
  it('sends every page but the password page and sign-out to choose a new password, GET and POST alike', async () => {
    const oneTime = await addStaff(ls, 'new@example.org', 'admin', {}, { oneTime: true })
    const client = httpClient(ls.app)
    expect((await signIn(client, 'new@example.org', oneTime)).status).toBe(303)
    const form = await client.get('/account/password')
    expect([form.status, form.heading]).toEqual([200, 'Choose a new password before you go on'])
    for (const path of ['/staff', '/accounts', '/audit', '/programmes', '/account/sessions', '/privacy'])
      expect([path, (await client.get(path)).location]).toEqual([path, '/account/password'])
    for (const path of ['/accounts/new', '/account/sessions/end-others', '/programmes'])
      expect([path, (await client.post(path, {}, form.csrf)).location]).toEqual([path, '/account/password'])
    expect(await ls.repos.staffUsers.findByEmail('zzz@example.org')).toBeUndefined()
    const done = await client.post('/account/password', { currentPassword: oneTime, newPassword: CHOSEN, confirmPassword: CHOSEN }, form.csrf)
    expect(done.location).toBe('/staff?changed=password')
    expect((await client.get('/staff')).status).toBe(200)
    expect((await auditLines(ls)).at(-1)).toBe('password changed new@example.org {"user":"new@example.org","instead":"a one-time password"}')
  })

  it('lets them sign out', async () => {
    const oneTime = await addStaff(ls, 'new@example.org', 'admin', {}, { oneTime: true })
    const client = httpClient(ls.app)
    expect((await signIn(client, 'new@example.org', oneTime)).status).toBe(303)
    const form = await client.get('/account/password')
    expect((await client.post('/sign-out', {}, form.csrf)).location).toBe('/sign-in')
  })
})
