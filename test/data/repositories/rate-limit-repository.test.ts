// Request counts in fixed windows, shared by every app process on the database (express-rate-limit's store).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

const T = Date.parse('2026-03-02T09:00:00.000Z')
const WINDOW = 60_000

let ls: TestLinkscore
beforeEach(async () => {
  ls = await testLinkscore()
})
afterEach(async () => {
  await ls.close()
})

const limits = () => ls.repos.rateLimits
const stored = async () => ls.db.selectFrom('rate_limit').select(['key', 'hits', 'resets_at']).orderBy('key').execute()

describe('counting requests in a window', () => {
  it('counts up within a window that keeps the end its first hit gave it', async () => {
    expect(await limits().hit('k', T, WINDOW)).toEqual({ hits: 1, resetsAt: T + WINDOW })
    expect(await limits().hit('k', T + 1000, WINDOW)).toEqual({ hits: 2, resetsAt: T + WINDOW })
    expect(await limits().hit('k', T + WINDOW - 1, WINDOW)).toEqual({ hits: 3, resetsAt: T + WINDOW })
    expect(await limits().find('k', T + WINDOW - 1)).toEqual({ hits: 3, resetsAt: T + WINDOW })
  })

  it('counts each key apart', async () => {
    await limits().hit('a', T, WINDOW)
    await limits().hit('a', T, WINDOW)
    expect(await limits().hit('b', T, WINDOW)).toEqual({ hits: 1, resetsAt: T + WINDOW })
    expect(await limits().find('a', T)).toEqual({ hits: 2, resetsAt: T + WINDOW })
    expect(await limits().find('nobody', T)).toBeUndefined()
  })

  it('starts a new window, from one, once the last has ended', async () => {
    await limits().hit('k', T, WINDOW)
    await limits().hit('k', T + 1, WINDOW)
    expect(await limits().find('k', T + WINDOW)).toBeUndefined()
    expect(await limits().hit('k', T + WINDOW, WINDOW)).toEqual({ hits: 1, resetsAt: T + 2 * WINDOW })
    expect(await limits().hit('k', T + WINDOW + 5, WINDOW)).toEqual({ hits: 2, resetsAt: T + 2 * WINDOW })
    expect(await stored()).toEqual([{ key: 'k', hits: 2, resets_at: T + 2 * WINDOW }])
  })

  it('counts every one of 20 hits at once', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => limits().hit('k', T, WINDOW)))
    expect(results.map((r) => r.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(new Set(results.map((r) => r.resetsAt))).toEqual(new Set([T + WINDOW]))
    expect(await limits().find('k', T)).toEqual({ hits: 20, resetsAt: T + WINDOW })
  })
})

describe('taking back, resetting and pruning', () => {
  it('takes back one request, in the same window', async () => {
    for (let i = 0; i < 3; i++) await limits().hit('k', T, WINDOW)
    await limits().takeBack('k')
    expect(await limits().find('k', T)).toEqual({ hits: 2, resetsAt: T + WINDOW })
    await limits().takeBack('k')
    expect(await limits().find('k', T)).toEqual({ hits: 1, resetsAt: T + WINDOW })
    await limits().takeBack('nobody')
    expect(await stored()).toEqual([{ key: 'k', hits: 1, resets_at: T + WINDOW }])
  })

  it('resets one key and leaves the others', async () => {
    await limits().hit('a', T, WINDOW)
    await limits().hit('a', T, WINDOW)
    await limits().hit('b', T, WINDOW)
    await limits().reset('a')
    expect(await limits().find('a', T)).toBeUndefined()
    expect(await limits().find('b', T)).toEqual({ hits: 1, resetsAt: T + WINDOW })
    expect(await limits().hit('a', T + 1, WINDOW)).toEqual({ hits: 1, resetsAt: T + 1 + WINDOW })
  })

  it('prunes the windows that have ended by then, and only those', async () => {
    await limits().hit('ended', T, WINDOW)
    await limits().hit('ends-now', T + 1000, WINDOW)
    await limits().hit('running', T + 1001, WINDOW)
    expect(await limits().prune(T + 1000 + WINDOW)).toBe(2)
    expect(await stored()).toEqual([{ key: 'running', hits: 1, resets_at: T + 1001 + WINDOW }])
    expect(await limits().prune(T + 1000 + WINDOW)).toBe(0)
  })
})
