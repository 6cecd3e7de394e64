import { describe, expect, it } from 'vitest'
import { largestEigen, oneFactorMl, omegaTotal } from '../../server/scoring/one-factor.js'

describe('oneFactorMl', () => {
  it('recovers the loadings of a correlation matrix with an exact one-factor structure', () => {
    // r_ij = λ_i λ_j with λ = (.8, .7, .6): the model fits exactly, so ML returns λ and ψ = 1 − λ².
    const l = [0.8, 0.7, 0.6]
    const r = l.map((a, i) => l.map((b, j) => (i === j ? 1 : a * b)))
    const fit = oneFactorMl(r)
    expect(fit.converged).toBe(true)
    fit.loadings.forEach((x, i) => expect(x).toBeCloseTo(l[i]!, 10))
    fit.uniquenesses.forEach((u, i) => expect(u).toBeCloseTo(1 - l[i]! ** 2, 10))
    // ω = 2.1² / (2.1² + 0.36 + 0.51 + 0.64) = 4.41 / 5.92
    expect(omegaTotal(fit)).toBeCloseTo(4.41 / 5.92, 10)
  })

  it('turns the loadings so they sum to at least zero, a reversed item loading negatively', () => {
    const l = [0.8, 0.7, -0.6]
    const fit = oneFactorMl(l.map((a, i) => l.map((b, j) => (i === j ? 1 : a * b))))
    fit.loadings.forEach((x, i) => expect(x).toBeCloseTo(l[i]!, 10))
    expect(omegaTotal(fit)).toBeCloseTo(0.81 / (0.81 + 1.51), 10)
  })
})

describe('largestEigen', () => {
  it('finds the largest eigenpair of a symmetric matrix', () => {
    // [[2, 1], [1, 2]]: eigenvalues 3 and 1, the first with vector (1, 1)/√2
    const { value, vector } = largestEigen([
      [2, 1],
      [1, 2],
    ])
    expect(value).toBeCloseTo(3, 14)
    expect(Math.abs(vector[0]!)).toBeCloseTo(Math.SQRT1_2, 14)
    expect(vector[0]! * vector[1]!).toBeGreaterThan(0)
  })
})
