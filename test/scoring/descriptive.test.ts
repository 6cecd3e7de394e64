import { describe, expect, it } from 'vitest'
import { ascending, mean, median, sampleSd, sampleVariance, sum, varianceFromSums } from '../../server/scoring/descriptive.js'

describe('descriptive statistics', () => {
  it.each([
    // [values, mean, sample variance]
    // 2, 4, 9: mean 15/3 = 5; deviations −3, −1, 4 → 9 + 1 + 16 = 26; 26 / (3 − 1) = 13
    [[2, 4, 9], 5, 13],
    // zero variance: 3, 3, 3 → mean 3, variance 0
    [[3, 3, 3], 3, 0],
    // 1, 2: mean 1.5; deviations ±0.5 → 0.5 / 1 = 0.5
    [[1, 2], 1.5, 0.5],
  ])('%j has mean %d and sample variance %d', (values, m, v) => {
    expect(mean(values)).toBe(m)
    expect(sampleVariance(values)).toBe(v)
    expect(sampleSd(values)).toBe(Math.sqrt(v))
  })

  it('has no variance for fewer than two values and no mean for none', () => {
    expect(sampleVariance([4])).toBeNaN()
    expect(sampleSd([4])).toBeNaN()
    expect(mean([])).toBeNaN()
    expect(sum([])).toBe(0)
  })

  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5], // middle pair 2 and 3
    [[7], 7],
  ])('median of %j is %d', (values, m) => {
    expect(median(values)).toBe(m)
  })

  it('median of nothing is NaN, and sorting leaves the input alone', () => {
    expect(median([])).toBeNaN()
    const input = [3, 1, 2]
    expect(ascending(input)).toEqual([1, 2, 3])
    expect(input).toEqual([3, 1, 2])
  })

  it('computes the variance of integer codes from sums exactly', () => {
    // 2, 4, 9: Σx = 15, Σx² = 4 + 16 + 81 = 101; SS = 101 − 15²/3 = 101 − 75 = 26; 26 / 2 = 13
    expect(varianceFromSums(3, 15, 101)).toBe(13)
    expect(varianceFromSums(1, 4, 16)).toBeNaN()
  })
})
