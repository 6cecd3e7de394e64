import request from 'supertest'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { httpClient, type HttpClient } from '../../support/http-client.js'
import { addStaff, auditLines, signIn } from '../../support/staff-users.js'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let client: HttpClient
let password: string

beforeEach(async () => {
  ls = await testLinkscore()
  await ls.services.admin.addProgramme({ slug: 'north', name: 'North PCN' })
  password = await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['north'] })
  client = httpClient(ls.app)
})
afterEach(() => ls.close())

const sessionCookie = (res: request.Response) =>
  [res.headers['set-cookie'] ?? []]
    .flat()
    .find((c) => c.startsWith('linkscore.sid='))
    ?.split(';')[0]

describe('the sign-in page', () => {
  it('asks for an e-mail address and password', async () => {
    const page = await client.get('/sign-in')
    expect(page.status).toBe(200)
    expect(page.title).toBe('Sign in – Linkscore')
    expect(page.heading).toBe('Sign in')
    expect(page.$('label[for=email]').text()).toBe('E-mail address')
    expect(page.$('#email').attr('autocomplete')).toBe('username')
    expect(page.$('#password').attr('type')).toBe('password')
    expect(page.$('#password').attr('autocomplete')).toBe('current-password')
  })

  it.each<{ case: string; fields: Record<string, string | string[]>; errors: string[][] }>([
    {
      case: 'an empty form',
      fields: {},
      errors: [
        ['Enter your e-mail address', '#email'],
        ['Enter your password', '#password'],
      ],
    },
    { case: 'no password', fields: { email: 'eva@example.org' }, errors: [['Enter your password', '#password']] },
    {
      case: 'an address without @',
      fields: { email: 'eva.example.org', password: 'x' },
      errors: [['Enter an e-mail address in the correct format, like name@example.org', '#email']],
    },
    { case: 'a repeated field', fields: { email: ['a@b.c', 'd@e.f'], password: 'x' }, errors: [['Enter your e-mail address', '#email']] },
  ])('shows the error summary for $case, keeping the address but never the password', async ({ fields, errors }) => {
    const form = await client.get('/sign-in')
    const page = await client.post('/sign-in', fields, form.csrf)
    expect(page.status).toBe(422)
    expect(page.title).toBe('Error: Sign in – Linkscore')
    expect(page.errorSummary.map((e) => [e.text, e.href])).toEqual(errors)
    for (const e of page.errorSummary) expect(page.$(e.href).length).toBe(1)
    expect(page.$('.nhsuk-error-message').length).toBe(errors.length)
    expect(page.$('#password').attr('value')).toBeUndefined()
    expect((await auditLines(ls)).filter((l) => l.startsWith('sign-in failed'))).toEqual([])
  })

  it.each([
    { case: 'a wrong password', email: 'eva@example.org', reason: 'wrong password' },
    { case: 'an unknown e-mail address', email: 'nobody@example.org', reason: 'no such account' },
  ])('refuses $case with the same words, and logs the failure', async ({ email, reason }) => {
    const page = await signIn(client, email, 'not the password at all')
    expect(page.status).toBe(422)
    expect(page.errorSummary).toEqual([{ text: 'Enter a correct e-mail address and password', href: '#email' }])
    expect(page.$('#email').val()).toBe(email)
    expect(page.$('#password').attr('value')).toBeUndefined()
    expect((await auditLines(ls)).at(-1)).toBe(`sign-in failed ${email} {"reason":"${reason}","failuresInARow":1}`)
    expect((await client.get('/staff')).status).toBe(303)
  })

  it('signs in whatever the case of the address, with a new session and CSRF token, and goes to the staff home', async () => {
    const agent = request.agent(ls.app)
    const form = await agent.get('/sign-in')
    // No session before signing in (the form's token is a signed cookie), so there is none an attacker could plant.
    expect(sessionCookie(form)).toBeUndefined()
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1]!
    const res = await agent.post('/sign-in').type('form').send({ _csrf: csrf, email: '  Eva@Example.ORG ', password })
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/staff')
    const after = [res.headers['set-cookie']].flat().find((c) => String(c).startsWith('linkscore.sid='))
    expect(after).toMatch(/; HttpOnly; SameSite=Lax$/)
    // The token from before signing in no longer works.
    const home = await agent.get('/staff')
    expect(home.status).toBe(200)
    expect(home.text).toContain('eva@example.org')
    expect(home.text).not.toContain(csrf)
    expect((await agent.post('/sign-out').type('form').send({ _csrf: csrf })).status).toBe(403)
    expect((await auditLines(ls)).at(-1)).toBe('signed in eva@example.org')
  })

  it('goes back to the page that asked for sign-in', async () => {
    const asked = await client.get('/audit?page=1')
    expect(asked.status).toBe(303)
    expect(asked.location).toBe('/sign-in?next=%2Faudit%3Fpage%3D1')
    const form = await client.get(asked.location!)
    expect(form.$('input[name=next]').val()).toBe('/audit?page=1')
    const done = await client.post('/sign-in', { email: 'eva@example.org', password, next: '/audit?page=1' }, form.csrf)
    expect(done.location).toBe('/audit?page=1')
  })

  it.each(['https://evil.example', '//evil.example/x', '/\\evil.example', 'staff'])('ignores a "next" of %s and goes to the staff home', async (next) => {
    const form = await client.get('/sign-in')
    const done = await client.post('/sign-in', { email: 'eva@example.org', password, next }, form.csrf)
    expect(done.location).toBe('/staff')
  })

  it('sends someone already signed in straight on', async () => {
    await signIn(client, 'eva@example.org', password)
    expect((await client.get('/sign-in')).location).toBe('/staff')
  })

  it('refuses a form without its CSRF token', async () => {
    const page = await client.post('/sign-in', { email: 'eva@example.org', password })
    expect(page.status).toBe(403)
  })
})

describe('signing out', () => {
  it('ends the session, clears the cookie and logs it', async () => {
    await signIn(client, 'eva@example.org', password)
    const home = await client.get('/staff')
    expect(home.$('.nhsuk-header__account').text()).toContain('eva@example.org')
    const form = home.$('form[action="/sign-out"]')
    expect(form.find('button').text()).toBe('Sign out')
    const out = await client.post('/sign-out', {}, form.find('input[name=_csrf]').val() as string)
    expect(out.status).toBe(303)
    expect(out.location).toBe('/sign-in')
    expect((await client.get('/staff')).status).toBe(303)
    expect((await auditLines(ls)).slice(-2)).toEqual(['signed in eva@example.org', 'signed out eva@example.org'])
  })

  it('signs out a session whose account has been disabled', async () => {
    await signIn(client, 'eva@example.org', password)
    await ls.db.updateTable('staff_user').set({ disabled_at: '2026-01-01T00:00:00.000Z' }).execute()
    expect((await client.get('/staff')).status).toBe(303)
  })
})
