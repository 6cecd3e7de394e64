import { describe, expect, it } from 'vitest'
import { formatShortCode, normaliseShortCode, SHORT_CODE_ALPHABET, shortCodeProblem } from '../../server/survey/short-codes.js'
import { newShortCode } from '../../server/services/tokens.js'

describe('short codes', () => {
  it.each([
    ['kdpw-rmta', 'KDPWRMTA'],
    [' KDPW RMTA ', 'KDPWRMTA'],
    ['kdpw–rmta', 'KDPWRMTA'],
    ['KD.PW-RM TA', 'KDPWRMTA'],
  ])('reads %j as %j', (typed, code) => {
    expect(normaliseShortCode(typed)).toBe(code)
  })

  it.each([
    ['', 'missing'],
    ['KDPWRMT', 'length'],
    ['KDPWRMTAB', 'length'],
    ['KDPWRMTO', 'characters'],
    ['KDPWRMT1', 'characters'],
    ['KDPWRMTI', 'characters'],
    ['KDPWRMTA', undefined],
  ])('finds in %j the problem %j', (code, problem) => {
    expect(shortCodeProblem(code)).toBe(problem)
  })

  it('prints a code as two groups of four', () => {
    expect(formatShortCode('KDPWRMTA')).toBe('KDPW-RMTA')
  })

  it('makes codes of 8 letters without I or O, each letter about as often as the others', () => {
    const codes = Array.from({ length: 3000 }, newShortCode)
    expect(codes.every((code) => shortCodeProblem(code) === undefined)).toBe(true)
    expect(new Set(codes).size).toBe(codes.length)
    const counts = new Map([...SHORT_CODE_ALPHABET].map((c) => [c, 0]))
    for (const c of codes.join('')) counts.set(c, counts.get(c)! + 1)
    // 24,000 letters, 1,000 expected of each: a missing or doubled letter would be far outside this.
    expect(Math.min(...counts.values())).toBeGreaterThan(800)
    expect(Math.max(...counts.values())).toBeLessThan(1200)
    expect(SHORT_CODE_ALPHABET).not.toMatch(/[IO]/)
  })
})
