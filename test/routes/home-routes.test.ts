// The home page: the demo's start pages, each also offered in the demo's other language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../server/demo/seed-demo.js'
import { httpClient } from '../support/http-client.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  await seedDemo(ls.repos, ls.services)
})
afterAll(() => ls.close())

const demoLinks = async (acceptLanguage?: string) => {
  const client = httpClient(ls.app)
  if (acceptLanguage === 'nl') await client.get('/language?to=nl&next=%2F')
  const home = await client.get('/')
  return home
    .$('main li')
    .map((_, li) => ({
      text: home.$(li).text().replace(/\s+/g, ' ').trim(),
      links: home
        .$(li)
        .find('a')
        .map((_, a) => [[home.$(a).attr('href'), home.$(a).attr('lang') ?? '']])
        .get(),
    }))
    .get()
}

describe('the home page', () => {
  it('offers each demo start page, and the same page in Dutch, marked as Dutch', async () => {
    const links = await demoLinks()
    expect(links[0]).toEqual({
      text: 'Riverside Medical Centre (demo): Twelve-month survey (demo) – also in Nederlands',
      links: [
        ['/p/DEMO01/twelve-months', ''],
        ['/p/DEMO01/twelve-months?lang=nl', 'nl'],
      ],
    })
    expect(links).toHaveLength(3)
  })

  it('offers English from the Dutch home page', async () => {
    expect((await demoLinks('nl'))[0]).toEqual({
      text: 'Riverside Medical Centre (demo): Twelve-month survey (demo) – ook in English',
      links: [
        ['/p/DEMO01/twelve-months', ''],
        ['/p/DEMO01/twelve-months?lang=en-GB', 'en-GB'],
      ],
    })
  })

  it('leads to a start page in Dutch', async () => {
    const start = await httpClient(ls.app).get('/p/DEMO01/twelve-months?lang=nl')
    expect(start.status).toBe(200)
    expect(start.$('html').attr('lang')).toBe('nl')
  })
})
