import { describe, expect, it } from 'vitest'
import {
  MIN_ALPHA_RESPONDENTS,
  MIN_ICC_PRACTICES,
  printableAlpha,
  printableIcc,
  printableInterval,
  printableScaleStats,
} from '../../server/scoring/printable-statistics.js'

describe('printableAlpha', () => {
  it.each([
    { case: 'one item', alpha: null, n: 40, items: 1, expected: { shown: false, reason: 'too_few_items' } },
    { case: 'two items, 9 complete respondents', alpha: 0.8, n: 9, items: 2, expected: { shown: false, reason: 'too_few_respondents' } },
    { case: 'the issue: -18.67 from 4 people', alpha: -18.67, n: 4, items: 6, expected: { shown: false, reason: 'too_few_respondents' } },
    { case: 'two items, 10 complete respondents', alpha: 0.8, n: 10, items: 2, expected: { shown: true, value: 0.8 } },
    { case: 'no variance in the item sum', alpha: null, n: 25, items: 4, expected: { shown: false, reason: 'no_variance' } },
    { case: 'negative with enough respondents', alpha: -0.25, n: 30, items: 4, expected: { shown: false, reason: 'negative' } },
    { case: 'exactly zero', alpha: 0, n: 30, items: 4, expected: { shown: true, value: 0 } },
    { case: 'exactly one', alpha: 1, n: 30, items: 4, expected: { shown: true, value: 1 } },
  ])('$case', ({ alpha, n, items, expected }) => {
    expect(printableAlpha({ alpha, n, items })).toEqual(expected)
  })

  it('needs 10 complete respondents and 2 items', () => {
    expect(MIN_ALPHA_RESPONDENTS).toBe(10)
  })
})

describe('printableIcc', () => {
  const withheld = (reason: string) => ({ shown: false, reason })
  it.each([
    { case: 'two practices', icc1: 0.2, icc2: 0.5, practices: 2, expected: { icc1: withheld('too_few_practices'), icc2: withheld('too_few_practices') } },
    { case: 'four practices', icc1: 0.2, icc2: 0.5, practices: 4, expected: { icc1: withheld('too_few_practices'), icc2: withheld('too_few_practices') } },
    { case: 'five practices', icc1: 0.2, icc2: 0.5, practices: 5, expected: { icc1: { shown: true, value: 0.2 }, icc2: { shown: true, value: 0.5 } } },
    {
      case: 'the fixture wave: ICC(2) −33.1 from three practices',
      icc1: -993 / 2758,
      icc2: -331 / 10,
      practices: 3,
      expected: { icc1: withheld('too_few_practices'), icc2: withheld('too_few_practices') },
    },
    {
      case: 'negative with enough practices: ICC(1) printed, ICC(2) not',
      icc1: -0.05,
      icc2: -0.4,
      practices: 8,
      expected: { icc1: { shown: true, value: -0.05 }, icc2: withheld('negative') },
    },
    {
      case: 'undefined: no spread between practices',
      icc1: null,
      icc2: null,
      practices: 6,
      expected: { icc1: withheld('no_variance'), icc2: withheld('no_variance') },
    },
  ])('$case', ({ icc1, icc2, practices, expected }) => {
    expect(printableIcc({ icc1, icc2, practices })).toEqual(expected)
  })

  it('needs 5 practices', () => {
    expect(MIN_ICC_PRACTICES).toBe(5)
  })
})

describe('printableInterval', () => {
  it.each([
    // On 1–5; a width of 4 is the whole 0–100 scale.
    { case: 'inside the scale', ci: { low: 2.5, high: 3.5 }, expected: { shown: true, low: 2.5, high: 3.5, clipped: false } },
    { case: 'touching both ends', ci: { low: 1, high: 4.99 }, expected: { shown: true, low: 1, high: 4.99, clipped: false } },
    { case: 'above 5', ci: { low: 4.5, high: 5.5 }, expected: { shown: true, low: 4.5, high: 5, clipped: true } },
    { case: 'below 1', ci: { low: 0.25, high: 2 }, expected: { shown: true, low: 1, high: 2, clipped: true } },
    { case: 'the issue: −74 to 174 on 0–100', ci: { low: 1 - 74 / 25, high: 1 + 174 / 25 }, expected: { shown: false, reason: 'wider_than_scale' } },
    { case: 'exactly as wide as the scale', ci: { low: 0.5, high: 4.5 }, expected: { shown: false, reason: 'wider_than_scale' } },
    { case: 'one response: no interval', ci: null, expected: { shown: false, reason: 'one_response' } },
    { case: 'no width: everyone scored 4', ci: { low: 4, high: 4 }, expected: { shown: false, reason: 'no_variance' } },
    { case: 'no width but for a rounding', ci: { low: 10 / 3 - 1e-15, high: 10 / 3 + 1e-15 }, expected: { shown: false, reason: 'no_variance' } },
    { case: 'narrow, but not nothing', ci: { low: 3.999, high: 4.001 }, expected: { shown: true, low: 3.999, high: 4.001, clipped: false } },
  ])('$case', ({ ci, expected }) => {
    expect(printableInterval(ci)).toEqual(expected)
  })

  it('takes another range', () => {
    expect(printableInterval({ low: -10, high: 60 }, { low: 0, high: 100 })).toEqual({ shown: true, low: 0, high: 60, clipped: true })
    expect(printableInterval({ low: -10, high: 90 }, { low: 0, high: 100 })).toEqual({ shown: false, reason: 'wider_than_scale' })
  })
})

describe('printableScaleStats', () => {
  it('applies the alpha and ICC rules to one scale', () => {
    expect(printableScaleStats({ alpha: 400 / 409, alphaN: 10, alphaItems: 2, icc1: 0.1, icc2: -0.2, iccPractices: 5 })).toEqual({
      alpha: { shown: true, value: 400 / 409 },
      icc1: { shown: true, value: 0.1 },
      icc2: { shown: false, reason: 'negative' },
    })
  })
})
