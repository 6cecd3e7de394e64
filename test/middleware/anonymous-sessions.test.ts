import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FORM_COOKIE } from '../../server/middleware/form-cookie-token.js'
import { httpClient } from '../support/http-client.js'
import { addStaff, signIn } from '../support/staff-users.js'
import { seedProgramme, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
beforeAll(async () => {
  ls = await testLinkscore()
  await seedProgramme(ls, ['pilot'])
})
afterAll(() => ls.close())

const cookieNames = (res: request.Response) => [res.headers['set-cookie'] ?? []].flat().map((c) => String(c).split('=')[0])

async function sessionRows(): Promise<number> {
  const { n } = await ls.db
    .selectFrom('session')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(n)
}

describe('visitors who fill in no form', () => {
  it('leave no session behind on pages without a form, 404s included: no row, no cookie', async () => {
    const before = await sessionRows()
    for (let i = 0; i < 25; i++) {
      for (const url of ['/', '/privacy', '/accessibility', '/no-such-page', '/healthz']) {
        const res = await request(ls.app).get(url)
        expect(res.headers['set-cookie'], url).toBeUndefined()
      }
    }
    expect(await sessionRows()).toBe(before)
  })

  // The same mix as a crawler or a monitor sends: pages, static files, the health check, unknown links and pages.
  const COOKIELESS_GETS: { url: string; status: number }[] = [
    { url: '/', status: 200 },
    { url: '/privacy', status: 200 },
    { url: '/accessibility', status: 200 },
    { url: '/healthz', status: 200 },
    { url: '/static/css/linkscore.css', status: 200 },
    { url: '/static/js/init.js', status: 200 },
    { url: '/static/favicon.svg', status: 200 },
    { url: '/vendor/nhsuk/nhsuk-frontend.min.css', status: 200 },
    { url: '/p/P001/no-such-wave', status: 404 },
    { url: '/p/NOPE/baseline', status: 404 },
    { url: '/s/no-such-invitation', status: 404 },
    { url: '/r/no-such-response', status: 404 },
    { url: '/no-such-page', status: 404 },
    { url: '/static/no-such-file.css', status: 404 },
    { url: '/programmes/test/exports', status: 303 },
    { url: '/staff', status: 303 },
    // Pages with a form: their token is a signed cookie, not a session.
    { url: '/p/P001/baseline', status: 200 },
    { url: '/sign-in', status: 200 },
  ]

  it('1,000 cookieless GETs over pages, forms, static files, the health check and 404s add no session row and set no session cookie', async () => {
    const before = await sessionRows()
    for (let i = 0; i < 1000; i++) {
      const { url, status } = COOKIELESS_GETS[i % COOKIELESS_GETS.length]!
      const res = await request(ls.app).get(url)
      expect(res.status, url).toBe(status)
      expect(cookieNames(res), url).toEqual(['/p/P001/baseline', '/sign-in'].includes(url) ? [FORM_COOKIE] : [])
    }
    expect(await sessionRows()).toBe(before)
  })

  it('start a survey and answer through it, still with no session', async () => {
    const before = await sessionRows()
    const visitor = httpClient(ls.app)
    const started = await visitor.submit('/p/P001/baseline', {})
    expect(started.status).toBe(303)
    const aboutYou = await visitor.follow(started.location!)
    expect(aboutYou.url).toMatch(/\/about-you$/)
    expect((await visitor.post(aboutYou.url, { role: 'gp' }, aboutYou.csrf)).status).toBe(303)
    expect(await sessionRows()).toBe(before)
  })

  it('may still sign out, with a form from the sign-in page: back to signing in, and no session made', async () => {
    const before = await sessionRows()
    const visitor = httpClient(ls.app)
    const signInPage = await visitor.get('/sign-in')
    const signedOut = await visitor.post('/sign-out', {}, signInPage.csrf)
    expect([signedOut.status, signedOut.location]).toEqual([303, '/sign-in'])
    expect(await sessionRows()).toBe(before)
  })
})

describe('a hundred visitors each', () => {
  it("open the home page, an open link's start page and a personal invitation, and the session table stays empty", async () => {
    const invitations = await ls.services.admin.createInvitations({ wave: 'baseline', practice: 'P001', count: 100 })
    expect(await sessionRows()).toBe(0)
    for (const invitation of invitations) {
      const visitor = httpClient(ls.app)
      expect((await visitor.get('/')).status).toBe(200)
      expect((await visitor.follow('/p/P001/baseline')).heading).toBe('Baseline survey')
      const start = await visitor.follow(invitation)
      expect([start.heading, start.csrf === '']).toEqual(['Baseline survey', false])
    }
    expect(await sessionRows()).toBe(0)
  })
})

describe('the token of a visitor without a session', () => {
  const startWith = (cookie: string | undefined, token: string) => {
    const req = request(ls.app).post('/p/P001/baseline').type('form').send({ _csrf: token })
    return cookie ? req.set('Cookie', cookie) : req
  }
  const formCookie = async () => {
    const res = await request(ls.app).get('/p/P001/baseline')
    return { cookie: String([res.headers['set-cookie']].flat()[0]).split(';')[0]!, token: /name="_csrf" value="([^"]+)"/.exec(res.text)![1]! }
  }

  it('is an HttpOnly SameSite cookie, and the form token made for it starts a survey', async () => {
    const res = await request(ls.app).get('/p/P001/baseline')
    expect(String([res.headers['set-cookie']].flat()[0])).toMatch(/^linkscore\.form=[A-Za-z0-9_-]{22}; Path=\/; HttpOnly; SameSite=Lax$/)
    const { cookie, token } = await formCookie()
    expect((await startWith(cookie, token)).status).toBe(303)
  })

  it.each([
    ['no cookie', async () => ({ cookie: undefined, token: (await formCookie()).token })],
    ['no token', async () => ({ cookie: (await formCookie()).cookie, token: '' })],
    ['the token of another cookie', async () => ({ cookie: (await formCookie()).cookie, token: (await formCookie()).token })],
    ['the cookie value itself as the token', async () => ({ cookie: (await formCookie()).cookie, token: (await formCookie()).cookie.split('=')[1]! })],
    ['a made-up cookie and token', async () => ({ cookie: 'linkscore.form=AAAAAAAAAAAAAAAAAAAAAA', token: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })],
  ])('refuses %s with "This form has expired", starting nothing', async (_, make) => {
    const responses = async () =>
      Number(
        (
          await ls.db
            .selectFrom('response')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const before = await responses()
    const { cookie, token } = await make()
    const res = await startWith(cookie, token)
    expect(res.status).toBe(403)
    expect(res.text).toContain('This form has expired')
    expect(await responses()).toBe(before)
  })
})

describe('staff', () => {
  it('get a session, and a token kept in it, only when they sign in', async () => {
    const password = await addStaff(ls, 'eva@example.org', 'admin')
    const client = httpClient(ls.app)
    const before = await sessionRows()
    expect((await signIn(client, 'eva@example.org', password)).status).toBe(303)
    expect(await sessionRows()).toBe(before + 1)
    const home = await client.get('/staff')
    const { csrfToken } = JSON.parse((await ls.db.selectFrom('session').select('data').orderBy('expires_at', 'desc').executeTakeFirstOrThrow()).data) as {
      csrfToken: string
    }
    expect(home.csrf).toBe(csrfToken)
    // A form token from before signing in no longer does: the session's token is the one that counts.
    const signedOut = await client.post('/sign-out', {}, 'not-the-session-token')
    expect(signedOut.status).toBe(403)
  })
})
