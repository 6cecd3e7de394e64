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
const record = (email: string, minute: number) => ls.repos.signInFailures.recordFailure(email, at(minute), 3, at(minute + 15))

describe('failed sign-ins in a row', () => {
  it('counts per e-mail address in any case, and locks on reaching the limit', async () => {
    expect(await record('a@example.org', 0)).toEqual({ failures: 1, lockedUntil: null, lockedNow: false })
    expect(await record('A@example.org', 1)).toEqual({ failures: 2, lockedUntil: null, lockedNow: false })
    expect(await record('b@example.org', 1)).toEqual({ failures: 1, lockedUntil: null, lockedNow: false })
    expect(await record('a@example.org', 2)).toEqual({ failures: 3, lockedUntil: at(17), lockedNow: true })
    expect(await ls.repos.signInFailures.find('a@example.org')).toEqual({ failures: 3, lockedUntil: at(17) })
  })

  it('locks only once, keeping the first lock’s end', async () => {
    for (const minute of [0, 1, 2]) await record('a@example.org', minute)
    expect(await record('a@example.org', 3)).toEqual({ failures: 4, lockedUntil: at(17), lockedNow: false })
  })

  it('starts again from one after the lock has run out', async () => {
    for (const minute of [0, 1, 2]) await record('a@example.org', minute)
    expect(await record('a@example.org', 17)).toEqual({ failures: 1, lockedUntil: null, lockedNow: false })
  })

  it('forgets an address once cleared', async () => {
    await record('a@example.org', 0)
    await ls.repos.signInFailures.clear('a@example.org')
    expect(await ls.repos.signInFailures.find('a@example.org')).toBeUndefined()
  })
})
