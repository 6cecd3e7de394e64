import { describe, expect, it } from 'vitest'
import type { Setting } from '../../server/questionnaires/definition-schema.js'
import { shownSettings, textGroupShown, withheldGroups } from '../../server/scoring/complementary-suppression.js'

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

describe('shownSettings', () => {
  const T = { minPracticeN: 3, minBreakdownN: 5 }
  it.each([
    [{ general_practice: 3 }, []],
    [{ general_practice: 1, link_worker: 1, community: 1 }, []],
    [{ general_practice: 10, link_worker: 10 }, ['link_worker']],
    [{ general_practice: 7, link_worker: 6, community: 5 }, ['general_practice', 'link_worker', 'community']],
    [{ general_practice: 7, link_worker: 6, community: 2 }, ['general_practice']],
    // the total withheld: every setting too, however large (not possible at these thresholds, but the rule says so)
    [{ general_practice: 2 }, []],
  ] as [Partial<Record<Setting, number>>, Setting[]][])('%j shows %j', (counts, expected) => {
    expect([...shownSettings(new Map(Object.entries(counts) as [Setting, number][]), T)]).toEqual(expected)
  })
})

describe('textGroupShown', () => {
  it('shows a question asked of every setting, and one asked of some only when each of them is shown', () => {
    const all: Setting[] = ['general_practice', 'link_worker', 'community']
    expect(textGroupShown(all, new Set())).toBe(true)
    expect(textGroupShown(['link_worker'], new Set(['link_worker']))).toBe(true)
    expect(textGroupShown(['link_worker'], new Set(['general_practice', 'community']))).toBe(false)
    expect(textGroupShown(['general_practice', 'link_worker'], new Set(['general_practice']))).toBe(false)
  })
})
