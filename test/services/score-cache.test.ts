import { describe, expect, it } from 'vitest'
import { createScoreCache, deepFreeze } from '../../server/services/score-cache.js'

/** A computation that counts how often it ran. */
function counted<V>(value: V) {
  const run = { times: 0, compute: async () => (run.times++, value) }
  return run
}

describe('the score cache', () => {
  it('computes a key once and gives the same value after', async () => {
    const cache = createScoreCache()
    const scores = counted({ n: 3 })
    const first = await cache.get('wave 1 v1', scores.compute)
    expect(await cache.get('wave 1 v1', scores.compute)).toBe(first)
    expect(scores.times).toBe(1)
  })

  it('computes again for a new version of the wave, the old entry left unused', async () => {
    const cache = createScoreCache()
    const before = counted('n = 3')
    const after = counted('n = 4')
    expect(await cache.get('wave 1 v1', before.compute)).toBe('n = 3')
    expect(await cache.get('wave 1 v2', after.compute)).toBe('n = 4')
    expect([before.times, after.times]).toEqual([1, 1])
  })

  it('shares one computation between requests that ask at once', async () => {
    const cache = createScoreCache()
    const scores = counted('n = 3')
    expect(await Promise.all([cache.get('k', scores.compute), cache.get('k', scores.compute)])).toEqual(['n = 3', 'n = 3'])
    expect(scores.times).toBe(1)
  })

  it('keeps no failure: the next request tries again', async () => {
    const cache = createScoreCache()
    await expect(cache.get('k', () => Promise.reject(new Error('mixed versions')))).rejects.toThrow('mixed versions')
    expect(cache.size).toBe(0)
    expect(await cache.get('k', async () => 'n = 3')).toBe('n = 3')
  })

  it('keeps at most its number of entries, dropping the least recently used', async () => {
    const cache = createScoreCache({ maxEntries: 2 })
    const a = counted('a')
    const b = counted('b')
    const c = counted('c')
    await cache.get('a', a.compute)
    await cache.get('b', b.compute)
    await cache.get('a', a.compute) // a is now the more recently used
    await cache.get('c', c.compute) // b goes
    expect(cache.size).toBe(2)
    await cache.get('a', a.compute)
    await cache.get('b', b.compute)
    expect([a.times, b.times, c.times]).toEqual([1, 2, 1])
  })

  it('keeps at most its weight, dropping the least recently used, and nothing heavier than all of it', async () => {
    const cache = createScoreCache({ maxWeight: 10 })
    const rows = (value: string) => value.length
    await cache.get('a', async () => 'aaaa', rows)
    await cache.get('b', async () => 'bbbb', rows)
    expect([cache.size, cache.weight]).toEqual([2, 8])
    await cache.get('c', async () => 'cccc', rows) // a goes
    expect([cache.size, cache.weight]).toEqual([2, 8])
    const b = counted('bbbb')
    await cache.get('b', b.compute, rows)
    expect(b.times).toBe(0)
    expect(await cache.get('huge', async () => 'x'.repeat(11), rows)).toBe('x'.repeat(11))
    expect([cache.size, cache.weight]).toEqual([0, 0])
  })

  it('with no room keeps nothing, so every request computes', async () => {
    const cache = createScoreCache({ maxEntries: 0 })
    const scores = counted('n = 3')
    await cache.get('k', scores.compute)
    await cache.get('k', scores.compute)
    expect([scores.times, cache.size]).toEqual([2, 0])
  })
})

describe('deepFreeze', () => {
  it('freezes objects and arrays all the way down, so a caller that changes shared scores throws', () => {
    const scores = deepFreeze({
      practices: [
        { code: 'P002', n: 3 },
        { code: 'P001', n: 5 },
      ],
      options: { weighting: 'respondents' },
    })
    expect(() => scores.practices.push({ code: 'P003', n: 1 })).toThrow(TypeError)
    expect(() => scores.practices.sort((x, y) => x.code.localeCompare(y.code))).toThrow(TypeError)
    expect(() => ((scores.practices[0] as { n: number }).n = 4)).toThrow(TypeError)
    expect(scores.practices).toEqual([
      { code: 'P002', n: 3 },
      { code: 'P001', n: 5 },
    ])
  })
})
