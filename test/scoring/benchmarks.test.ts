import { describe, expect, it } from 'vitest'
import { benchmarks, competitionRanks } from '../../server/scoring/benchmarks.js'

describe('competitionRanks', () => {
  it.each([
    [
      [80, 70, 80, 60],
      [1, 3, 1, 4],
    ],
    [
      [50, 50, 50],
      [1, 1, 1],
    ],
    [
      [10, 20, 30],
      [3, 2, 1],
    ],
    [
      [70, 80, 80, 80, 60],
      [4, 1, 1, 1, 5],
    ],
    // floating-point noise is not a difference: 250/3 and (13/3 − 1)·25 are the same score
    [
      [250 / 3, (13 / 3 - 1) * 25, 90],
      [2, 2, 1],
    ],
    [[], []],
  ])('ranks %j as %j', (scores, ranks) => {
    expect(competitionRanks(scores)).toEqual(ranks)
  })
})

describe('benchmarks', () => {
  it('gives median, best and worst', () => {
    expect(benchmarks([60, 80, 70, 90])).toEqual({ median: 75, best: 90, worst: 60 })
    expect(benchmarks([62.5, 175 / 3, 175 / 3])).toEqual({ median: 175 / 3, best: 62.5, worst: 175 / 3 })
    expect(benchmarks([40])).toEqual({ median: 40, best: 40, worst: 40 })
  })

  it('has none without practices', () => {
    expect(benchmarks([])).toBeNull()
  })
})
