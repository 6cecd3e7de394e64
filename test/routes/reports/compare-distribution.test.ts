import { describe, expect, it } from 'vitest'
import { countAxis, crossTab, tensDistribution } from '../../../server/routes/reports/compare-distribution.js'

describe('tensDistribution', () => {
  it('counts scores by range of 10 points, 100 in the last range, withheld apart', () => {
    const d = tensDistribution([0, 9, 10, 19, 20, 89, 90, 99, 100, null, null, 55])
    expect(d.labels).toEqual(['0–9', '10–19', '20–29', '30–39', '40–49', '50–59', '60–69', '70–79', '80–89', '90–100'])
    expect(d.counts).toEqual([2, 2, 1, 0, 0, 1, 0, 0, 1, 3])
    expect(d.withheld).toBe(2)
  })
})

describe('crossTab', () => {
  it('counts points by the 20-point range of each score, highest y first', () => {
    const tab = crossTab([
      { x: 0, y: 0 },
      { x: 19, y: 100 },
      { x: 20, y: 80 },
      { x: 100, y: 79 },
    ])
    expect(tab.xLabels).toEqual(['0–19', '20–39', '40–59', '60–79', '80–100'])
    expect(tab.yLabels).toEqual(['80–100', '60–79', '40–59', '20–39', '0–19'])
    expect(tab.counts).toEqual([
      [1, 1, 0, 0, 0],
      [0, 0, 0, 0, 1],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [1, 0, 0, 0, 0],
    ])
  })
})

describe('countAxis', () => {
  it.each([
    [0, 1, 1],
    [3, 3, 1],
    [7, 8, 2],
    [23, 25, 5],
    [120, 150, 50],
    [480, 500, 100],
  ])('a largest count of %i has its top at %i in steps of %i', (largest, max, step) => {
    expect(countAxis(largest)).toEqual({ max, step })
  })
})
