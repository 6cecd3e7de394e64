import request from 'supertest'
import * as cheerio from 'cheerio'
import { describe, expect, it } from 'vitest'
import { testLinkscore } from '../support/test-linkscore.js'

describe.each([
  { production: true, showsStack: false },
  { production: false, showsStack: true },
])('an unexpected error with production=$production', ({ production, showsStack }) => {
  it(`answers 500 with a helpful page${showsStack ? ' and the stack for developers' : ' and no stack trace'}`, async () => {
    const logged: unknown[] = []
    const ls = await testLinkscore({ production, log: (e) => logged.push(e) })
    // A closed database makes the home page fail the way a real outage would.
    await ls.repos.close()
    const res = await request(ls.app).get('/')
    const $ = cheerio.load(res.text)
    expect(res.status).toBe(500)
    expect($('h1').text()).toBe('Sorry, there is a problem with the service')
    // Kysely's own message for a query on a closed database, the same on SQLite and PostgreSQL.
    expect(res.text.includes('driver has already been destroyed')).toBe(showsStack)
    expect(logged).toHaveLength(1)
    await ls.close()
  })
})

describe('user errors', () => {
  it('answers an unknown page with the 404 page', async () => {
    const ls = await testLinkscore({ production: true })
    const res = await request(ls.app).get('/no/such/page')
    expect(res.status).toBe(404)
    expect(cheerio.load(res.text)('h1').text()).toBe('Page not found')
    await ls.close()
  })

  it('answers a body that is too large with 413 and no stack', async () => {
    const ls = await testLinkscore({ production: true })
    const res = await request(ls.app)
      .post('/p/X/y')
      .type('form')
      .send(`a=${'x'.repeat(300_000)}`)
    expect(res.status).toBe(413)
    expect(res.text).not.toMatch(/at .*\.ts:\d+/)
    await ls.close()
  })
})
