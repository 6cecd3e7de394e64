import { describe, expect, it } from 'vitest'
import { withheldGroups } from '../../server/scoring/complementary-suppression.js'

const groups = (spec: Record<string, number>) => Object.entries(spec).map(([key, n]) => ({ key, n }))

describe('withheldGroups (minimum 5)', () => {
  it.each([
    // nothing small: nothing withheld
    [{ a: 5, b: 9 }, true, []],
    // one small group beside a shown total: the next smallest shown group goes too
    [{ a: 6, b: 5, c: 1 }, true, ['b', 'c']],
    // ties for next smallest: the one listed first
    [{ b: 5, a: 5, c: 2 }, true, ['b', 'c']],
    // two small groups already hide each other
    [{ a: 1, b: 2, c: 9 }, true, ['a', 'b']],
    // one small group and one other: both
    [{ a: 3, b: 7 }, true, ['a', 'b']],
    // a lone group: nothing else to suppress (it equals the total, shown at the practice threshold)
    [{ a: 4 }, true, ['a']],
    // the total is withheld: so is every group
    [{ a: 9, b: 8 }, false, ['a', 'b']],
    // a group of 0 is a small group: withheld, and the next smallest with it
    [{ a: 3, b: 0, c: 0 }, true, ['a', 'b', 'c']],
    [{ a: 10, b: 10, c: 0 }, true, ['a', 'c']],
    // two withheld groups of 0 would each be pinned to 0 (their sum is the total minus the shown): one more goes
    [{ a: 10, b: 0, c: 0 }, true, ['a', 'b', 'c']],
    [{ a: 10, b: 7, c: 0, d: 0 }, true, ['b', 'c', 'd']],
    // one per setting, all small
    [{ a: 1, b: 1, c: 1 }, true, ['a', 'b', 'c']],
  ])('%j with total shown %s withholds %j', (spec, totalShown, expected) => {
    expect([...withheldGroups(groups(spec), 5, totalShown)].sort()).toEqual(expected)
  })
})

describe('withheldGroups with groups withheld whatever their size', () => {
  it('counts them before choosing the complement', () => {
    expect([...withheldGroups(groups({ a: 9, b: 8 }), 5, true, new Set(['a']))].sort()).toEqual(['a', 'b'])
    expect([...withheldGroups(groups({ a: 9, b: 8, c: 7 }), 5, true, new Set(['a', 'b']))].sort()).toEqual(['a', 'b'])
  })
})
