import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
beforeEach(async () => {
  ls = await testLinkscore()
})
afterEach(async () => {
  await ls.close()
})

const at = (minute: number) => `2026-03-02T09:${String(minute).padStart(2, '0')}:00.000Z`
const record = (key: string, minute: number) => ls.repos.signInFailures.recordFailure(key, at(minute))

describe('failed sign-ins in a row', () => {
  it('counts per key, e-mail addresses in any case, keeping the last failure’s time', async () => {
    expect(await record('a@example.org', 0)).toEqual({ failures: 1, lastFailedAt: at(0) })
    expect(await record('A@example.org', 1)).toEqual({ failures: 2, lastFailedAt: at(1) })
    expect(await record('b@example.org', 1)).toEqual({ failures: 1, lastFailedAt: at(1) })
    expect(await ls.repos.signInFailures.find('a@example.org')).toEqual({ failures: 2, lastFailedAt: at(1) })
  })

  it('counts every one of many failures at once', async () => {
    await Promise.all(Array.from({ length: 20 }, () => record('a@example.org', 5)))
    expect(await ls.repos.signInFailures.find('a@example.org')).toEqual({ failures: 20, lastFailedAt: at(5) })
  })

  it('forgets a key once cleared, and counts older than a time on pruning', async () => {
    await record('a@example.org', 0)
    await record('b@example.org', 10)
    await ls.repos.signInFailures.clear('a@example.org')
    expect(await ls.repos.signInFailures.find('a@example.org')).toBeUndefined()
    await record('c@example.org', 2)
    expect(await ls.repos.signInFailures.pruneBefore(at(10))).toBe(1)
    expect(await ls.repos.signInFailures.find('b@example.org')).toEqual({ failures: 1, lastFailedAt: at(10) })
  })
})
