import { describe, expect, it } from 'vitest'
import { itemVariances, rwgJ, scaleRwg, uniformNullVariance } from '../../server/scoring/agreement.js'

const NaN_ = Number.NaN

describe('uniformNullVariance', () => {
  it('is (A² − 1)/12', () => {
    expect(uniformNullVariance(5)).toBe(2) // (25 − 1)/12
    expect(uniformNullVariance(7)).toBe(4) // (49 − 1)/12
  })
})

describe('rwgJ', () => {
  it.each([
    // s̄² = (0.5 + 1)/2 = 0.75; s̄²/σ²E = 0.375; J(1 − 0.375) = 1.25; 1.25 / (1.25 + 0.375) = 10/13
    [[0.5, 1], 10 / 13, 2, 0.75],
    // perfect agreement: s̄² = 0 → 1
    [[0, 0, 0], 1, 3, 0],
    // s̄² = 2 = σ²E → 0 (truncated), and above it too
    [[2, 2], 0, 2, 2],
    [[3, 2.5], 0, 2, 2.75],
    // one item left (NaN dropped): J = 1, the single-item rwg = 1 − s²/σ²E = 1 − 1/2
    [[NaN_, 1], 0.5, 1, 1],
    // s̄² = 1.48333… = 89/60 (practice A in the worked example): ratio 89/120; 2(31/120) / (62/120 + 89/120) = 62/151
    [[1.3, 5 / 3], 62 / 151, 2, 89 / 60],
  ])('variances %j → rwg %d with J = %d', (variances, rwg, J, sBar) => {
    const result = rwgJ(variances)!
    expect(result.rwg).toBeCloseTo(rwg, 12)
    expect(result.items).toBe(J)
    expect(result.meanItemVariance).toBeCloseTo(sBar, 12)
  })

  it('is undefined when no item has two answers', () => {
    expect(rwgJ([NaN_, NaN_])).toBeNull()
    expect(rwgJ([])).toBeNull()
  })

  it('follows the Spearman–Brown form of James, Demaree & Wolf (1984): J·r / (1 + (J − 1)·r), r = 1 − s̄²/σ²E', () => {
    for (const [sBar, J] of [
      [0.4, 3],
      [1.2, 6],
      [1.9, 11],
    ] as const) {
      const r = 1 - sBar / 2
      expect(rwgJ(new Array<number>(J).fill(sBar))!.rwg).toBeCloseTo((J * r) / (1 + (J - 1) * r), 12)
    }
  })
})

describe('itemVariances and scaleRwg', () => {
  it('uses, per item, the respondents who answered it', () => {
    const rows = [
      [4, 4, NaN_],
      [5, 5, NaN_],
      [3, NaN_, 2],
      [4, 3, NaN_],
      [2, 2, NaN_],
    ].map((r) => Float64Array.from(r))
    const v = itemVariances(rows, 3)
    // item 0: 4 5 3 4 2, mean 3.6, SS 0.16 + 1.96 + 0.36 + 0.16 + 2.56 = 5.2 → 5.2/4 = 1.3
    expect(v[0]).toBeCloseTo(1.3, 12)
    // item 1: 4 5 3 2, mean 3.5, SS 0.25 + 2.25 + 0.25 + 2.25 = 5 → 5/3
    expect(v[1]).toBeCloseTo(5 / 3, 12)
    // item 2: one answer → dropped
    expect(v[2]).toBeNaN()
    expect(scaleRwg(v, [0, 1, 2])!.rwg).toBeCloseTo(62 / 151, 12)
    expect(scaleRwg(v, [0, 1, 2])!.items).toBe(2)
    expect(scaleRwg(v, [2])).toBeNull()
  })
})
