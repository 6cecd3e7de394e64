import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Setting } from '../../server/questionnaires/definition-schema.js'
import { shownSettings, audienceShown, withheldGroups } from '../../server/scoring/complementary-suppression.js'
import { pinned, type ShownSum } from '../support/derivable.js'

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

describe('audienceShown', () => {
  it('shows a question asked of every setting, and one asked of some only when each of them is shown', () => {
    const all: Setting[] = ['general_practice', 'link_worker', 'community']
    expect(audienceShown(all, new Set())).toBe(true)
    expect(audienceShown(['link_worker'], new Set(['link_worker']))).toBe(true)
    expect(audienceShown(['link_worker'], new Set(['general_practice', 'community']))).toBe(false)
    expect(audienceShown(['general_practice', 'link_worker'], new Set(['general_practice']))).toBe(false)
  })
})

describe('no withheld group can be worked out from the figures shown beside it', () => {
  // The page shows the total (from minPracticeN) and each group withheldGroups does not withhold. Whatever the sizes and
  // thresholds, every other set of sizes giving the same figures must leave each withheld group free to differ.
  it('holds for random group sizes, zeros included, and thresholds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(7), { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        (sizes, minPracticeN, minBreakdownN) => {
          const total = sizes.reduce((a, b) => a + b, 0)
          const totalShown = total >= minPracticeN
          const withheld = withheldGroups(
            sizes.map((n, i) => ({ key: String(i), n })),
            minBreakdownN,
            totalShown,
          )
          const shown: ShownSum[] = sizes.flatMap((n, i) => (withheld.has(String(i)) ? [] : [{ terms: [i], value: n }]))
          if (totalShown) shown.push({ terms: sizes.map((_, i) => i), value: total })
          const asked = sizes.map((_, i) => i).filter((i) => withheld.has(String(i)))
          expect(pinned(sizes.length, 8, shown, asked)).toEqual(new Map())
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('is checked by a brute force that finds the reported leak', () => {
    // general practice 3 withheld beside link workers 0, community 0 and all settings 3
    expect(
      pinned(
        3,
        8,
        [
          { terms: [1], value: 0 },
          { terms: [2], value: 0 },
          { terms: [0, 1, 2], value: 3 },
        ],
        [0],
      ),
    ).toEqual(new Map([[0, 3]]))
    // two withheld groups of 0 beside a shown 10 that is the total
    expect(
      pinned(
        3,
        8,
        [
          { terms: [0], value: 8 },
          { terms: [0, 1, 2], value: 8 },
        ],
        [1, 2],
      ),
    ).toEqual(
      new Map([
        [1, 0],
        [2, 0],
      ]),
    )
  })
})
