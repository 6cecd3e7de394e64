import { describe, expect, it } from 'vitest'
import { breakdownRows, NO_ROLE } from '../../server/scoring/breakdowns.js'
import type { PracticeScaleRef } from '../../server/scoring/practice-scores.js'

const ref: PracticeScaleRef = {
  questionnaire: 'fixture',
  level: 'construct',
  scale: 'coherence',
  scalePath: ['coherence'],
  scaleName: 'Coherence',
  practiceCode: 'E',
  wave: 'w1',
}
const FIGURES = ['n', 'mean', 'score', 'sd', 'ci', 'scoreCi']

describe('breakdownRows', () => {
  it('shows large groups, withholds small ones and one more beside them', () => {
    // general practice n = 6 (shown), link worker n = 5 (would be shown), community n = 1 (withheld):
    // the total minus general practice would reveal link worker + community only together, so link
    // worker (the smallest shown group) is withheld as well.
    const rows = breakdownRows(
      ref,
      'setting',
      new Map([
        ['community', [1]],
        ['general_practice', [4, 4, 4, 4, 5, 3]],
        ['link_worker', [2, 2, 2, 2, 2]],
      ]),
      5,
      true,
    )
    expect(rows.map((r) => [r.group, r.withheld])).toEqual([
      ['general_practice', false],
      ['link_worker', true],
      ['community', true],
    ])
    // general practice: mean 24/6 = 4, SS 0·4 + 1 + 1 = 2, variance 2/5
    expect(rows[0]).toMatchObject({ by: 'setting', n: 6, mean: 4, score: 75 })
    expect(rows[0]!.withheld === false && rows[0]!.sd).toBeCloseTo(Math.sqrt(0.4), 12)
    for (const row of rows.filter((r) => r.withheld)) for (const key of FIGURES) expect(row).not.toHaveProperty(key)
  })

  it('puts respondents without a role in their own group, listed last', () => {
    const rows = breakdownRows(
      ref,
      'role',
      new Map<string, number[]>([
        [NO_ROLE, [3, 3, 3, 3, 3]],
        ['nurse', [5, 5, 5, 5, 5]],
        ['gp', [1, 1, 1, 1, 1]],
      ]),
      5,
      true,
    )
    expect(rows.map((r) => [r.group, r.withheld])).toEqual([
      ['gp', false],
      ['nurse', false],
      [null, false],
    ])
  })

  it('gives no rows at all when the practice total is withheld', () => {
    expect(breakdownRows(ref, 'setting', new Map([['general_practice', [4, 4, 4, 4, 4, 4]]]), 5, false)).toEqual([])
  })
})
