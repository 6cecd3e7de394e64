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

  it('get a session with its token once a page has a form', async () => {
    const before = await sessionRows()
    const res = await request(ls.app).get('/sign-in')
    expect([res.headers['set-cookie']].flat().some((c) => String(c).startsWith('linkscore.sid='))).toBe(true)
    expect(res.text).toMatch(/name="_csrf" value="[^"]{16,}"/)
    expect(await sessionRows()).toBe(before + 1)
  })
})
