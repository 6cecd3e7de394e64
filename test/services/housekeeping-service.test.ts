import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Clock } from '../../server/clock.js'
import { testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

const NOW = Date.parse('2026-12-01T12:00:00Z')
const clock: Clock = { now: () => new Date(NOW) }
const iso = (ms: number) => new Date(ms).toISOString()
const HOUR = 3600_000

let ls: TestLinkscore
beforeEach(async () => {
  ls = await testLinkscore({ clock })
})
afterEach(async () => {
  await ls.close()
})

it('removes expired sessions and keeps live ones', async () => {
  await ls.repos.sessions.save('gone', { data: '{}', expiresAt: NOW - 1, lastActiveAt: NOW, owner: null })
  await ls.repos.sessions.save('ends-now', { data: '{}', expiresAt: NOW, lastActiveAt: NOW, owner: null })
  await ls.repos.sessions.save('live', { data: '{}', expiresAt: NOW + 1, lastActiveAt: NOW, owner: null })
  expect(await ls.services.housekeeping.prune()).toEqual({ sessions: 2, signInFailures: 0, rateLimits: 0, signInAuditLines: 0 })
  expect((await ls.db.selectFrom('session').select('sid').orderBy('sid').execute()).map((r) => r.sid)).toEqual(['live'])
})

it('forgets sign-in failure counts a day old', async () => {
  await ls.db
    .insertInto('sign_in_failure')
    .values([
      { key: 'old@example.org', failures: 30, last_failed_at: iso(NOW - 25 * HOUR) },
      { key: 'address:0123abcd', failures: 3, last_failed_at: iso(NOW - 24 * HOUR - 1) },
      { key: 'recent@example.org', failures: 2, last_failed_at: iso(NOW - 23 * HOUR) },
    ])
    .execute()
  expect(await ls.services.housekeeping.prune()).toEqual({ sessions: 0, signInFailures: 2, rateLimits: 0, signInAuditLines: 0 })
  expect((await ls.db.selectFrom('sign_in_failure').select('key').orderBy('key').execute()).map((r) => r.key)).toEqual(['recent@example.org'])
})

it('forgets rate-limit windows that have ended', async () => {
  await ls.repos.rateLimits.hit('ended', NOW - 2 * HOUR, HOUR)
  await ls.repos.rateLimits.hit('running', NOW - 1000, HOUR)
  expect(await ls.services.housekeeping.prune()).toEqual({ sessions: 0, signInFailures: 0, rateLimits: 1, signInAuditLines: 0 })
  expect((await ls.db.selectFrom('rate_limit').select('key').orderBy('key').execute()).map((r) => r.key)).toEqual(['running'])
})

it('forgets audit lines about failed sign-ins after 90 days, and keeps every other line however old', async () => {
  const line = (action: string, at: number) =>
    ls.repos.auditLog.add({ at: iso(at), actorUserId: null, actorEmail: 'x@example.org', source: 'web', action, detail: null })
  const DAY = 24 * HOUR
  await line('sign-in failed', NOW - 91 * DAY)
  await line('sign-in delayed', NOW - 90 * DAY - 1)
  await line('sign-in failed', NOW - 89 * DAY)
  await line('signed in', NOW - 400 * DAY)
  await line('data exported', NOW - 400 * DAY)
  expect(await ls.services.housekeeping.prune()).toEqual({ sessions: 0, signInFailures: 0, rateLimits: 0, signInAuditLines: 2 })
  expect((await ls.repos.auditLog.page(10, 0)).map((e) => e.action)).toEqual(['data exported', 'signed in', 'sign-in failed'])
})
