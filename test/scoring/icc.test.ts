import { describe, expect, it } from 'vitest'
import { SHROUT_FLEISS_TABLE_2 } from './fixtures/shrout-fleiss-1979.js'
import { oneWayIcc } from '../../server/scoring/icc.js'

describe('oneWayIcc', () => {
  it('matches a hand computation with equal groups', () => {
    // groups (1, 2, 3) and (4, 5, 6): means 2 and 5, grand mean 3.5
    // SSB = 3·1.5² + 3·1.5² = 13.5, MSB = 13.5/1; SSW = 2 + 2 = 4, MSW = 4/(6 − 2) = 1; k = 6/2 = 3
    // ICC(1) = (13.5 − 1)/(13.5 + 2·1) = 25/31; ICC(2) = 12.5/13.5 = 25/27
    const icc = oneWayIcc([
      [1, 2, 3],
      [4, 5, 6],
    ])
    expect(icc.icc1).toBeCloseTo(25 / 31, 12)
    expect(icc.icc2).toBeCloseTo(25 / 27, 12)
    expect(icc).toMatchObject({ msb: 13.5, msw: 1, groups: 2, n: 6, k: 3 })
  })

  it('uses the mean group size for k when groups differ in size', () => {
    // (1, 2) and (4, 5, 6): N = 5, k = 2.5; means 1.5 and 5, grand 18/5
    // SSB = 2·2.1² + 3·1.4² = 14.7 = MSB; SSW = 0.5 + 2 = 2.5, MSW = 2.5/3 = 5/6
    // ICC(1) = (147/10 − 5/6)/(147/10 + 1.5·5/6) = (208/15)/(319/20) = 832/957; ICC(2) = (208/15)/(147/10) = 416/441
    const icc = oneWayIcc([
      [1, 2],
      [4, 5, 6],
    ])
    expect(icc.icc1).toBeCloseTo(832 / 957, 12)
    expect(icc.icc2).toBeCloseTo(416 / 441, 12)
    expect(icc.k).toBe(2.5)
  })

  it('reproduces Shrout & Fleiss (1979), Tables 3 and 4: ICC(1,1) = .17, ICC(1,4) = .44', () => {
    // Shrout & Fleiss (1979), Psychological Bulletin 86(2), 420–428: Table 2 (p. 423) data, six targets
    // each rated by four judges; Table 3 prints BMS = 11.24, WMS = 6.26; Table 4 (p. 424) prints
    // ICC(1,1) = .17 and ICC(1,4) = .44. Bliese's ICC(1) is their ICC(1,1) and ICC(2) their ICC(1,k).
    // Exactly: BMS = 1349/120, WMS = 451/72, ICC(1) = 448/2703, ICC(2) = 1792/4047.
    const icc = oneWayIcc(SHROUT_FLEISS_TABLE_2)
    expect(icc.msb.toFixed(2)).toBe('11.24')
    expect(icc.msw.toFixed(2)).toBe('6.26')
    expect(icc.icc1!.toFixed(2)).toBe('0.17')
    expect(icc.icc2!.toFixed(2)).toBe('0.44')
    expect(icc.msb).toBeCloseTo(1349 / 120, 12)
    expect(icc.msw).toBeCloseTo(451 / 72, 12)
    expect(icc.icc1).toBeCloseTo(448 / 2703, 12)
    expect(icc.icc2).toBeCloseTo(1792 / 4047, 12)
  })

  it('reports negative values as they are', () => {
    // (1, 3) and (1, 3): means equal so MSB = 0; MSW = (2 + 2)/2 = 2, k = 2
    // ICC(1) = (0 − 2)/(0 + 1·2) = −1; ICC(2) = −2/0 is undefined
    const icc = oneWayIcc([
      [1, 3],
      [3, 1],
    ])
    expect(icc.icc1).toBe(-1)
    expect(icc.icc2).toBeNull()
  })

  it.each([
    ['one practice', [[1, 2, 3]]],
    ['no within-practice degrees of freedom', [[1], [4]]],
    [
      'zero variance everywhere',
      [
        [3, 3],
        [3, 3, 3],
      ],
    ],
    ['nothing', []],
  ])('is undefined for %s', (_, groups) => {
    const icc = oneWayIcc(groups)
    expect(icc.icc1).toBeNull()
    expect(icc.icc2).toBeNull()
  })

  it('ignores empty groups', () => {
    expect(oneWayIcc([[1, 2, 3], [], [4, 5, 6]]).icc1).toBeCloseTo(25 / 31, 12)
  })
})
