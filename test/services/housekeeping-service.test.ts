import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Clock } from '../../server/clock.js'
import { testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

const NOW = Date.parse('2026-12-01T12:00:00Z')
const clock: Clock = { now: () => new Date(NOW) }
const iso = (ms: number) => new Date(ms).toISOString()
const HOUR = 3600_000

let ls: TestLinkscore
beforeEach(() => {
  ls = testLinkscore({ clock })
})
afterEach(() => ls.close())

it('removes expired sessions and keeps live ones', () => {
  ls.repos.sessions.save('gone', '{}', NOW - 1)
  ls.repos.sessions.save('ends-now', '{}', NOW)
  ls.repos.sessions.save('live', '{}', NOW + 1)
  expect(ls.services.housekeeping.prune()).toEqual({ sessions: 2, signInFailures: 0 })
  expect(ls.db.prepare('SELECT sid FROM session').pluck().all()).toEqual(['live'])
})

it('forgets sign-in failure counts a day old, unless they still hold a lock', () => {
  const insert = ls.db.prepare('INSERT INTO sign_in_failure (email, failures, last_failed_at, locked_until) VALUES (?, ?, ?, ?)')
  insert.run('old@example.org', 3, iso(NOW - 25 * HOUR), null)
  insert.run('old-lock-over@example.org', 10, iso(NOW - 25 * HOUR), iso(NOW - 24 * HOUR - 1))
  insert.run('old-but-locked@example.org', 10, iso(NOW - 25 * HOUR), iso(NOW + HOUR))
  insert.run('recent@example.org', 2, iso(NOW - 23 * HOUR), null)
  expect(ls.services.housekeeping.prune()).toEqual({ sessions: 0, signInFailures: 2 })
  expect(ls.db.prepare('SELECT email FROM sign_in_failure ORDER BY email').pluck().all()).toEqual(['old-but-locked@example.org', 'recent@example.org'])
})
