// Starting surveys through an open practice link, counted per address and per link in the database (both databases).
import { afterEach, describe, expect, it } from 'vitest'
import { openLinkStartLimits } from '../../server/survey/open-link-starts.js'
import { httpClient } from '../support/http-client.js'
import { auditLines } from '../support/staff-users.js'
import { seedProgramme, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
afterEach(() => ls.close())

const TRY_LATER =
  'Too many surveys have been started through this link in a short time, so it has stopped starting new ones for now. Wait 10 minutes, then try again. If you have a survey in progress, use the link you were given to continue it.'

/** Posts the start form of an open link as a new visitor (no earlier cookies), from `address` when given; returns the status. */
async function start(path = '/p/P001/baseline', address?: string): Promise<number> {
  const client = httpClient(ls.app)
  const form = await client.get(path)
  return (await client.postRaw(path, `_csrf=${encodeURIComponent(form.csrf)}`, address ? { 'X-Forwarded-For': address } : {})).status
}

const responseCount = async () =>
  Number(
    (
      await ls.db
        .selectFrom('response')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('starting surveys through one open link from one address', () => {
  it('starts the documented 30, then answers every further start with "try again later" and one audit entry', async () => {
    ls = await testLinkscore()
    await seedProgramme(ls, ['pilot'])
    expect(ls.config.openLinkStarts).toEqual(openLinkStartLimits())
    const statuses: number[] = []
    for (let i = 0; i < 500; i++) statuses.push(await start())
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(303))
    expect(statuses.slice(30)).toEqual(Array(470).fill(429))
    expect(await responseCount()).toBe(30)
    expect((await auditLines(ls)).filter((line) => line.startsWith('open link limited'))).toEqual([
      'open link limited (web) {"practice":"P001","wave":"baseline","reason":"too many starts from one address"}',
    ])

    const refused = await httpClient(ls.app).submit('/p/P001/baseline', {})
    expect(refused.status).toBe(429)
    expect(refused.heading).toBe('Try again later')
    expect(refused.$('main p').first().text().trim()).toBe(TRY_LATER)
  })

  it('leaves personal invitations and other practices’ links alone', async () => {
    ls = await testLinkscore({ config: { openLinkStarts: openLinkStartLimits(2, 100) } })
    await seedProgramme(ls, ['pilot'])
    await seedProgramme(ls, ['pilot'], { practice: 'P002' })
    for (let i = 0; i < 2; i++) expect(await start()).toBe(303)
    expect(await start()).toBe(429)
    expect(await start('/p/P002/baseline')).toBe(303)
    const invitations = await ls.services.admin.createInvitations({ programme: 'test', wave: 'baseline', practice: 'P001', count: 3 })
    for (const path of invitations) expect((await httpClient(ls.app).submit(path, {})).status).toBe(303)
  })
})

describe('starting surveys through one open link from many addresses', () => {
  it('stops the link at its own limit, whichever addresses the starts come from', async () => {
    ls = await testLinkscore({ config: { trustProxy: 1, openLinkStarts: openLinkStartLimits(3, 5) } })
    await seedProgramme(ls, ['pilot'])
    const from = async (address: string, n: number) => {
      const statuses: number[] = []
      for (let i = 0; i < n; i++) statuses.push(await start('/p/P001/baseline', address))
      return statuses
    }
    expect(await from('203.0.113.1', 4)).toEqual([303, 303, 303, 429])
    expect(await from('203.0.113.2', 3)).toEqual([303, 303, 429])
    expect(await from('203.0.113.3', 1)).toEqual([429])
    expect(await responseCount()).toBe(5)
    expect(
      (await auditLines(ls)).filter((line) => line.startsWith('open link limited')).map((line) => JSON.parse(line.slice(line.indexOf('{'))).reason),
    ).toEqual(['too many starts from one address', 'too many starts through this link'])
  })
})
