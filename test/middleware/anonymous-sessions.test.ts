import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedProgramme, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
beforeAll(async () => {
  ls = await testLinkscore()
  await seedProgramme(ls, ['pilot'])
})
afterAll(() => ls.close())

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
  ]

  it('1,000 cookieless GETs over pages, static files, the health check and 404s add no session row and set no cookie', async () => {
    const before = await sessionRows()
    for (let i = 0; i < 1000; i++) {
      const { url, status } = COOKIELESS_GETS[i % COOKIELESS_GETS.length]!
      const res = await request(ls.app).get(url)
      expect(res.status, url).toBe(status)
      expect(res.headers['set-cookie'], url).toBeUndefined()
    }
    expect(await sessionRows()).toBe(before)
  })

  // Known gap: the open link's start page has a Start form whose CSRF token lives in the session, so every cookieless
  // GET of it stores a session row. It needs a token kept out of the database (a signed double-submit cookie); when
  // that is done this test fails, and it should join the 1,000 GETs above.
  it.fails('leave no session behind on the open link start page either (known gap: its form token lives in the session)', async () => {
    const before = await sessionRows()
    for (let i = 0; i < 10; i++) expect((await request(ls.app).get('/p/P001/baseline')).status).toBe(200)
    expect(await sessionRows()).toBe(before)
  })

  it('get a session with its token once a page has a form', async () => {
    const before = await sessionRows()
    const res = await request(ls.app).get('/sign-in')
    expect([res.headers['set-cookie']].flat().some((c) => String(c).startsWith('linkscore.sid='))).toBe(true)
    expect(res.text).toMatch(/name="_csrf" value="[^"]{16,}"/)
    expect(await sessionRows()).toBe(before + 1)
  })
})
