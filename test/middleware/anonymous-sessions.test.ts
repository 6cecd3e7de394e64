import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedProgramme, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
beforeAll(() => {
  ls = testLinkscore()
  seedProgramme(ls, ['pilot'])
})
afterAll(() => ls.close())

const sessionRows = () => ls.db.prepare('SELECT count(*) FROM session').pluck().get() as number

describe('visitors who fill in no form', () => {
  it('leave no session behind on pages without a form, 404s included: no row, no cookie', async () => {
    const before = sessionRows()
    for (let i = 0; i < 25; i++) {
      for (const url of ['/', '/privacy', '/accessibility', '/no-such-page', '/healthz']) {
        const res = await request(ls.app).get(url)
        expect(res.headers['set-cookie'], url).toBeUndefined()
      }
    }
    expect(sessionRows()).toBe(before)
  })

  it('get a session with its token once a page has a form', async () => {
    const before = sessionRows()
    const res = await request(ls.app).get('/sign-in')
    expect([res.headers['set-cookie']].flat().some((c) => String(c).startsWith('linkscore.sid='))).toBe(true)
    expect(res.text).toMatch(/name="_csrf" value="[^"]{16,}"/)
    expect(sessionRows()).toBe(before + 1)
  })
})
