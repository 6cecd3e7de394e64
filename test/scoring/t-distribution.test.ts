import { describe, expect, it } from 'vitest'
import { tCritical95, twoSidedP } from '../../server/scoring/t-distribution.js'

// Closed forms of Student's t: with 1 df it is the Cauchy distribution, F(t) = 1/2 + atan(t)/π;
// with 2 df, F(t) = 1/2 + t / (2√(t² + 2)). So t(0.975, 1) = tan(0.475π) and
// t(0.975, 2) = 0.95·√(2 / (4 · 0.975 · 0.025)).
describe('t distribution', () => {
  it('gives the 97.5% quantile', () => {
    expect(tCritical95(1)).toBeCloseTo(Math.tan(0.475 * Math.PI), 9)
    expect(tCritical95(2)).toBeCloseTo(0.95 * Math.sqrt(2 / (4 * 0.975 * 0.025)), 12)
    // Printed t tables (two-sided 5%): 12.706, 4.303, 2.776, 2.262 for 1, 2, 4, 9 df.
    expect(tCritical95(4)).toBeCloseTo(2.776, 3)
    expect(tCritical95(9)).toBeCloseTo(2.262, 3)
  })

  it('gives two-sided p-values', () => {
    // 2 df: p = 2(1 − F(|t|)) = 1 − |t|/√(t² + 2); t = √2 → 1 − √2/2
    expect(twoSidedP(Math.SQRT2, 2)).toBeCloseTo(1 - Math.SQRT2 / 2, 12)
    expect(twoSidedP(-Math.SQRT2, 2)).toBeCloseTo(1 - Math.SQRT2 / 2, 12)
    // 1 df: p = 1 − (2/π)·atan|t|
    expect(twoSidedP(0.5, 1)).toBeCloseTo(1 - (2 / Math.PI) * Math.atan(0.5), 12)
    expect(twoSidedP(0, 7)).toBe(1)
  })
})
