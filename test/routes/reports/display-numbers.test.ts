import { describe, expect, it } from 'vitest'
import {
  chartScore,
  fewerThan,
  formatChange,
  formatCoefficient,
  formatCount,
  formatInterval,
  formatMean10,
  formatPercent,
  formatScore,
} from '../../../server/routes/reports/display-numbers.js'

describe('display numbers', () => {
  it.each([
    [62.5, '63'],
    [62.49999999, '62'],
    [0, '0'],
    [100, '100'],
    [-0.4, '0'],
    [-0.5, '\u22121'],
    [104.2, '104'],
    [59.99999999999999, '60'],
  ])('rounds the score %s to %s, half away from zero, never "-0"', (x, text) => {
    expect(formatScore(x)).toBe(text)
  })

  it('draws the figure a table shows', () => {
    expect([chartScore(62.5), chartScore(-0.4), chartScore(-2.5), chartScore(71.49)]).toEqual([63, 0, -3, 71])
  })

  it('writes intervals with an en dash, changes with a sign, and other figures at their own precision', () => {
    expect(formatInterval({ low: 44.6, high: 62.49 })).toBe('45\u201362')
    expect(formatInterval({ low: -3.2, high: 12 })).toBe('\u22123\u201312')
    expect([formatChange(6.2), formatChange(-3.5), formatChange(0.3), formatChange(-0.3)]).toEqual(['+6', '\u22124', '0', '0'])
    expect([formatMean10(6.45), formatMean10(7), formatMean10(6.449)]).toEqual(['6.5', '7.0', '6.4'])
    expect([formatCoefficient(0.4105), formatCoefficient(-0.05), formatCoefficient(1)]).toEqual(['0.41', '\u22120.05', '1.00'])
    expect([formatCount(1234), formatPercent(1, 3), formatPercent(10, 20), formatPercent(0, 4)]).toEqual(['1,234', '33%', '50%', '0%'])
  })

  it('says how many responses a withheld figure lacks, with the threshold', () => {
    expect(fewerThan(3)).toBe('Fewer than 3 responses')
    expect(fewerThan(5)).toBe('Fewer than 5 responses')
  })
})
