import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { httpClient, type HttpClient } from '../../support/http-client.js'
import { addStaff, auditLines, signIn } from '../../support/staff-users.js'
import type { Schema } from '../../../server/data/schema.js'
import { TEST_DATABASE, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
afterEach(() => ls.close())

const LOCKED = 'There have been too many attempts to sign in with this e-mail address. Wait 15 minutes, then try again.'
const WRONG = 'Enter a correct e-mail address and password'
const errorOf = (page: { errorSummary: { text: string }[] }) => page.errorSummary.map((e) => e.text).join()

describe('locking an account after 10 wrong passwords in a row', () => {
  let now: Date
  let client: HttpClient
  let password: string

  async function setUp() {
    now = new Date('2026-03-02T09:00:00.000Z')
    // The address limit is set out of reach, to see the account lock alone.
    ls = await testLinkscore({ clock: { now: () => now }, signIn: { addressMaxFailures: 1000 } })
    password = await addStaff(ls, 'admin@example.org', 'admin')
    client = httpClient(ls.app)
  }
  const minutesLater = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000))

  it.each([
    { account: 'an account', email: 'admin@example.org', reason: 'wrong password' },
    { account: 'an unknown address, in the same words', email: 'nobody@example.org', reason: 'no such account' },
  ])('refuses the 11th try, even with the right password, for $account', async ({ email, reason }) => {
    await setUp()
    for (let i = 1; i <= 9; i++) expect(errorOf(await signIn(client, email, `wrong password ${i}`))).toBe(WRONG)
    const tenth = await signIn(client, email, 'wrong password 10')
    expect(tenth.status).toBe(422)
    expect(errorOf(tenth)).toBe(LOCKED)
    const eleventh = await signIn(client, email, email === 'admin@example.org' ? password : 'anything')
    expect(eleventh.status).toBe(422)
    expect(errorOf(eleventh)).toBe(LOCKED)
    expect((await client.get('/staff')).status).toBe(303)
    const log = (await auditLines(ls)).filter((l) => !l.startsWith('user added'))
    expect(log).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `sign-in failed ${email} {"reason":"${reason}","failuresInARow":${i + 1}}`),
      `account locked ${email} {"minutes":15}`,
      `sign-in failed ${email} {"reason":"account locked"}`,
    ])
  })

  it('lets the right password in once 15 minutes have passed, and starts counting again', async () => {
    await setUp()
    for (let i = 1; i <= 10; i++) await signIn(client, 'admin@example.org', 'wrong password')
    minutesLater(14)
    expect(errorOf(await signIn(client, 'admin@example.org', password))).toBe(LOCKED)
    minutesLater(1)
    expect(errorOf(await signIn(client, 'admin@example.org', 'wrong again'))).toBe(WRONG)
    expect((await auditLines(ls)).at(-1)).toBe('sign-in failed admin@example.org {"reason":"wrong password","failuresInARow":1}')
    expect((await signIn(client, 'admin@example.org', password)).location).toBe('/staff')
  })

  it('counts only wrong passwords in a row: signing in starts again from zero', async () => {
    await setUp()
    for (let i = 1; i <= 9; i++) await signIn(client, 'admin@example.org', 'wrong password')
    expect((await signIn(client, 'admin@example.org', password)).location).toBe('/staff')
    const other = httpClient(ls.app)
    for (let i = 1; i <= 9; i++) expect(errorOf(await signIn(other, 'admin@example.org', 'wrong password'))).toBe(WRONG)
  })

  it('does not lock other accounts', async () => {
    await setUp()
    const otherPassword = await addStaff(ls, 'other@example.org', 'admin')
    for (let i = 1; i <= 10; i++) await signIn(client, 'admin@example.org', 'wrong password')
    expect((await signIn(client, 'other@example.org', otherPassword)).location).toBe('/staff')
  })
})

describe('limiting failed sign-ins from one address', () => {
  it('answers 429 with a friendly page once the limit is passed, counting failures only, and logs it once', async () => {
    ls = await testLinkscore({ signIn: { addressMaxFailures: 3 } })
    const password = await addStaff(ls, 'eva@example.org', 'admin')
    const client = httpClient(ls.app)
    expect((await signIn(client, 'eva@example.org', 'wrong 1')).status).toBe(422)
    expect((await signIn(client, 'eva@example.org', 'wrong 2')).status).toBe(422)
    // Signing in does not count against the address.
    expect((await signIn(client, 'eva@example.org', password)).status).toBe(303)
    const form = await client.get('/staff')
    await client.post('/sign-out', {}, form.csrf)
    expect((await signIn(client, 'eva@example.org', 'wrong 3')).status).toBe(422)

    const blocked = await signIn(client, 'eva@example.org', password)
    expect(blocked.status).toBe(429)
    expect(blocked.heading).toBe('Too many attempts')
    expect(blocked.$('main p').first().text()).toBe('There have been too many attempts to sign in from your network. Wait 15 minutes, then try again.')
    expect((await signIn(client, 'someone@example.org', 'x')).status).toBe(429)
    expect((await auditLines(ls)).filter((l) => l.includes('one address'))).toEqual([
      'sign-in failed eva@example.org {"reason":"too many failures from one address","minutes":15}',
    ])
  })

  it('keeps no client address in the database', async () => {
    ls = await testLinkscore({ signIn: { addressMaxFailures: 1 } })
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
