import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { httpClient, type HttpClient, type Page } from '../../support/http-client.js'
import { addStaff, auditLines, signIn } from '../../support/staff-users.js'
import type { Schema } from '../../../server/data/schema.js'
import { TEST_DATABASE, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
afterEach(() => ls.close())

const WRONG = 'Enter a correct e-mail address and password'
const waitFor = (minutes: number) =>
  `There have been too many failed attempts to sign in. Wait ${minutes === 1 ? '1 minute' : `${minutes} minutes`} before trying again.`
const errorOf = (page: { errorSummary: { text: string }[] }) => page.errorSummary.map((e) => e.text).join()
const waitShown = (page: Page) => [page.status, page.heading, page.$('main p').first().text()]

let now: Date
const clock = { now: () => now }
const minutesLater = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000))

describe('a growing wait after failed sign-ins for one e-mail address', () => {
  let client: HttpClient
  let password: string

  async function setUp() {
    now = new Date('2026-03-02T09:00:00.000Z')
    // The address allowance is set out of reach, to see the account's waits alone.
    ls = await testLinkscore({ clock, signIn: { addressFreeFailures: 1000 } })
    password = await addStaff(ls, 'admin@example.org', 'admin')
    client = httpClient(ls.app)
  }

  it.each([
    { account: 'an account', email: 'admin@example.org', reason: 'wrong password' },
    { account: 'an unknown address, in the same words', email: 'nobody@example.org', reason: 'no such account' },
  ])('lets 5 failures by, then makes $account wait a minute without checking the password, and logs both', async ({ email, reason }) => {
    await setUp()
    for (let i = 1; i <= 6; i++) expect(errorOf(await signIn(client, email, `wrong password ${i}`))).toBe(WRONG)
    const waiting = await signIn(client, email, email === 'admin@example.org' ? password : 'anything')
    expect(waitShown(waiting)).toEqual([429, 'Too many attempts', waitFor(1)])
    expect(waiting.$('main a:contains("Back to sign in")').attr('href')).toBe('/sign-in')
    expect((await client.get('/staff')).status).toBe(303)
    const log = (await auditLines(ls)).filter((l) => !l.startsWith('user added'))
    expect(log).toEqual([
      ...Array.from({ length: 6 }, (_, i) => `sign-in failed ${email} {"reason":"${reason}","failuresInARow":${i + 1}}`),
      `sign-in delayed ${email} {"by":"e-mail address","minutes":1}`,
    ])
  })

  it('doubles the wait with each failure after it, up to 15 minutes, and lets the right password in once it is over', async () => {
    await setUp()
    for (let i = 1; i <= 5; i++) await signIn(client, 'admin@example.org', 'wrong')
    const waits = []
    for (let i = 6; i <= 11; i++) {
      expect(errorOf(await signIn(client, 'admin@example.org', 'wrong'))).toBe(WRONG)
      const refused = await signIn(client, 'admin@example.org', password)
      const minutes = Number(/Wait (\d+) minute/.exec(refused.$('main p').first().text())![1])
      waits.push(minutes)
      minutesLater(minutes - 0.01)
      expect((await signIn(client, 'admin@example.org', password)).status).toBe(429)
      minutesLater(0.01)
    }
    expect(waits).toEqual([1, 2, 4, 8, 15, 15])
    expect((await signIn(client, 'admin@example.org', password)).location).toBe('/staff')
  })

  it('starts again from zero after signing in', async () => {
    await setUp()
    for (let i = 1; i <= 5; i++) await signIn(client, 'admin@example.org', 'wrong password')
    expect((await signIn(client, 'admin@example.org', password)).location).toBe('/staff')
    const other = httpClient(ls.app)
    for (let i = 1; i <= 6; i++) expect(errorOf(await signIn(other, 'admin@example.org', 'wrong password'))).toBe(WRONG)
  })

  it('does not hold up other accounts', async () => {
    await setUp()
    const otherPassword = await addStaff(ls, 'other@example.org', 'admin')
    for (let i = 1; i <= 8; i++) await signIn(client, 'admin@example.org', 'wrong password')
    expect((await signIn(client, 'other@example.org', otherPassword)).location).toBe('/staff')
  })

  it('keeps a victim waiting no longer than 15 minutes after an attack from many addresses stops', async () => {
    await setUp()
    // Two hours of tries as fast as they come, each from a new address.
    for (let second = 0; second < 2 * 3600; second += 20) {
      now = new Date(Date.parse('2026-03-02T09:00:00.000Z') + second * 1000)
      const result = await ls.services.signIn.signIn('admin@example.org', 'guess', `10.1.${Math.floor(second / 5000)}.${second % 250}`)
      expect(result.outcome).not.toBe('signed in')
    }
    const attackEnded = now.getTime()
    const lastFailure = Date.parse((await ls.repos.signInFailures.find('admin@example.org'))!.lastFailedAt)
    now = new Date(lastFailure + 15 * 60_000 - 1000)
    expect(await ls.services.signIn.signIn('admin@example.org', password, '192.0.2.7')).toEqual({ outcome: 'waiting', minutes: 1 })
    now = new Date(attackEnded + 15 * 60_000)
    expect((await ls.services.signIn.signIn('admin@example.org', password, '192.0.2.7')).outcome).toBe('signed in')
  })
})

describe('the browser its owner signed in with before, during an attack on the address', () => {
  async function attacked() {
    now = new Date('2026-03-02T09:00:00.000Z')
    ls = await testLinkscore({ clock, signIn: { addressFreeFailures: 1000 } })
    const password = await addStaff(ls, 'admin@example.org', 'admin')
    const known = httpClient(ls.app)
    expect((await signIn(known, 'admin@example.org', password)).status).toBe(303)
    expect((await known.post('/sign-out', {}, (await known.get('/staff')).csrf)).status).toBe(303)
    const attacker = httpClient(ls.app)
    for (let i = 0; i < 20; i++) await signIn(attacker, 'admin@example.org', `guess ${i}`)
    return { password, known, attacker }
  }

  it('signs its owner in at once, while a new browser, and the attacker, wait', async () => {
    const { password, known, attacker } = await attacked()
    expect(waitShown(await signIn(attacker, 'admin@example.org', password))).toEqual([429, 'Too many attempts', waitFor(1)])
    expect(waitShown(await signIn(httpClient(ls.app), 'admin@example.org', password))).toEqual([429, 'Too many attempts', waitFor(1)])
    expect((await signIn(known, 'admin@example.org', password)).location).toBe('/staff')
  })

  it('keeps a count of its own: five wrong passwords in it, then it waits too', async () => {
    const { password, known } = await attacked()
    for (let i = 1; i <= 6; i++) expect(errorOf(await signIn(known, 'admin@example.org', `typo ${i}`))).toBe(WRONG)
    expect(waitShown(await signIn(known, 'admin@example.org', password))).toEqual([429, 'Too many attempts', waitFor(1)])
  })

  it('is known only for the address it signed in with, and only when this app made its cookie', async () => {
    const { known, attacker } = await attacked()
    const evaPassword = await addStaff(ls, 'eva@example.org', 'admin')
    for (let i = 0; i < 6; i++) await signIn(attacker, 'eva@example.org', `guess ${i}`)
    expect((await signIn(known, 'eva@example.org', evaPassword)).status).toBe(429)

    const forged = httpClient(ls.app)
    const form = await forged.get('/sign-in')
    const body = `_csrf=${encodeURIComponent(form.csrf)}&email=eva%40example.org&password=${encodeURIComponent(evaPassword)}`
    expect((await forged.postRaw('/sign-in', body, { Cookie: `linkscore.device=${'A'.repeat(22)}.${'B'.repeat(43)}` })).status).toBe(429)
  })
})

describe('a growing wait after failed sign-ins from one client address', () => {
  it('answers 429 once the allowance is used, for any e-mail address, counting failures only', async () => {
    now = new Date('2026-03-02T09:00:00.000Z')
    ls = await testLinkscore({ clock, signIn: { addressFreeFailures: 3 } })
    const password = await addStaff(ls, 'eva@example.org', 'admin')
    const client = httpClient(ls.app)
    expect((await signIn(client, 'a@example.org', 'wrong 1')).status).toBe(422)
    expect((await signIn(client, 'b@example.org', 'wrong 2')).status).toBe(422)
    // Signing in does not count against the address.
    expect((await signIn(client, 'eva@example.org', password)).status).toBe(303)
    const form = await client.get('/staff')
    await client.post('/sign-out', {}, form.csrf)
    expect((await signIn(client, 'c@example.org', 'wrong 3')).status).toBe(422)
    expect((await signIn(client, 'd@example.org', 'wrong 4')).status).toBe(422)

    expect(waitShown(await signIn(client, 'eva@example.org', password))).toEqual([429, 'Too many attempts', waitFor(1)])
    expect((await signIn(client, 'someone@example.org', 'x')).status).toBe(429)
    expect((await auditLines(ls)).filter((l) => l.includes('delayed'))).toEqual(['sign-in delayed d@example.org {"by":"client address","minutes":1}'])
    minutesLater(1)
    expect((await signIn(client, 'eva@example.org', password)).status).toBe(303)
  })

  it('keeps no client address in the database', async () => {
    ls = await testLinkscore({ signIn: { addressFreeFailures: 1 } })
    const client = httpClient(ls.app)
    await signIn(client, 'eva@example.org', 'wrong')
    await signIn(client, 'eva@example.org', 'wrong')
    // Every table, on either database; with PostgreSQL, only this test's own schema (other tests have schemas of their own).
    const schema = TEST_DATABASE === 'postgres' ? (await sql<{ name: string }>`SELECT current_schema() AS name`.execute(ls.db)).rows[0]!.name : undefined
    const tables = (await ls.db.introspection.getTables())
      .filter((table) => table.schema === schema)
      .map((table) => table.name)
      .sort()
    expect(tables).toContain('rate_limit')
    const dump = []
    for (const table of tables)
      dump.push(
        await ls.db
          .selectFrom(table as keyof Schema)
          .selectAll()
          .execute(),
      )
    expect(JSON.stringify(dump)).not.toMatch(/127\.0\.0\.1|::1|::ffff/)
  })
})
