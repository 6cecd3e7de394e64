import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Clock } from '../../server/clock.js'
import { TOUCH_EVERY_MS } from '../../server/middleware/database-session-store.js'
import { httpClient, type HttpClient } from '../support/http-client.js'
import { addStaff, signIn } from '../support/staff-users.js'
import { testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

const MINUTE = 60_000
let now = Date.parse('2026-12-01T09:00:00Z')
const clock: Clock = { now: () => new Date(now) }

let ls: TestLinkscore
let client: HttpClient
beforeAll(async () => {
  ls = await testLinkscore({ clock })
  const password = await addStaff(ls, 'eva@example.org', 'admin')
  client = httpClient(ls.app)
  expect((await signIn(client, 'eva@example.org', password)).status).toBe(303)
})
afterAll(() => ls.close())

const sessionRow = async () => {
  const rows = await ls.db.selectFrom('session').select(['last_active_at', 'expires_at', 'data']).execute()
  expect(rows).toHaveLength(1)
  return { lastActiveAt: Number(rows[0]!.last_active_at), expiresAt: Number(rows[0]!.expires_at), data: rows[0]!.data }
}

it('writes a signed-in session row at most once in five minutes, then extends it', async () => {
  const signedIn = await sessionRow()
  expect(signedIn.lastActiveAt).toBe(now)
  const signedInAt = now
  for (let minute = 0; minute < 5; minute++) {
    for (let i = 0; i < 10; i++) expect((await client.get('/staff')).status).toBe(200)
    expect(await sessionRow(), `after ${minute} minutes`).toEqual(signedIn)
    now += MINUTE - 1
  }
  now = signedInAt + TOUCH_EVERY_MS
  expect((await client.get('/staff')).status).toBe(200)
  const extended = await sessionRow()
  expect(extended.lastActiveAt).toBe(signedInAt + 5 * MINUTE)
  // The time the store read is not kept in the data.
  expect(extended.data).toBe(signedIn.data)
  expect(extended.data).not.toContain('storedActiveAt')
  now += MINUTE
  expect((await client.get('/staff')).status).toBe(200)
  expect(await sessionRow()).toEqual(extended)
})
