import { describe, expect, it } from 'vitest'
import type { Respondent } from '../../server/scoring/respondent.js'
import { scoreWave } from '../../server/scoring/score-wave.js'
import { compareWaves, compareWavesInTurn, welchTest } from '../../server/scoring/wave-change.js'
import { fixtureQuestionnaire } from './fixtures/fixture-questionnaire.js'
import { respondent } from './fixtures/respondents.js'
import { workedExample } from './fixtures/worked-example.js'

describe('welchTest', () => {
  it('matches a hand computation with non-integer degrees of freedom', () => {
    // a: n 3, mean 10/3, variance 4/3; b: n 5, mean 3.5, variance 5/4 (practices B and A of the worked example)
    // va = (4/3)/3 = 4/9, vb = (5/4)/5 = 1/4; SE² = 25/36, SE = 5/6; t = (3.5 − 10/3)/(5/6) = 0.2
    // df = (25/36)² / ((4/9)²/2 + (1/4)²/4) = (625/1296) / (593/5184) = 2500/593
    const test = welchTest({ n: 3, mean: 10 / 3, sd: Math.sqrt(4 / 3) }, { n: 5, mean: 3.5, sd: Math.sqrt(1.25) })!
    expect(test.t).toBeCloseTo(0.2, 12)
    expect(test.df).toBeCloseTo(2500 / 593, 12)
    expect(test.p).toBeGreaterThan(0.8)
    expect(test.p).toBeLessThan(0.9)
  })

  it('uses the t CDF: 2 df in closed form', () => {
    // a = (1, 3), b = (3, 5): means 2 and 4, variances 2 and 2; va = vb = 1, SE² = 2, t = 2/√2 = √2
    // df = 4 / (1/1 + 1/1) = 2; with 2 df, p = 1 − |t|/√(t² + 2) = 1 − √2/2
    const test = welchTest({ n: 2, mean: 2, sd: Math.SQRT2 }, { n: 2, mean: 4, sd: Math.SQRT2 })!
    expect(test.t).toBeCloseTo(Math.SQRT2, 12)
    expect(test.df).toBe(2)
    expect(test.p).toBeCloseTo(1 - Math.SQRT2 / 2, 12)
  })

  it('uses the t CDF: 1 df in closed form, one group without variance', () => {
    // a = (3, 3): variance 0; b = (2, 6): mean 4, variance 8, vb = 4; SE 2; t = (4 − 3)/2 = 0.5
    // df = 16 / (0 + 16/1) = 1 (Cauchy): p = 1 − (2/π)·atan(0.5)
    const test = welchTest({ n: 2, mean: 3, sd: 0 }, { n: 2, mean: 4, sd: Math.sqrt(8) })!
    expect(test.df).toBe(1)
    expect(test.p).toBeCloseTo(1 - (2 / Math.PI) * Math.atan(0.5), 12)
  })

  it.each([
    ['both variances 0', { n: 3, mean: 2, sd: 0 }, { n: 4, mean: 3, sd: 0 }],
    ['one respondent in a wave', { n: 1, mean: 2, sd: null }, { n: 4, mean: 3, sd: 1 }],
  ])('is undefined with %s', (_, a, b) => {
    expect(welchTest(a, b)).toBeNull()
  })
})

describe('compareWaves', () => {
  const first = scoreWave({ wave: 'w1', questionnaire: fixtureQuestionnaire, respondents: workedExample() })
  // Wave 2: A answers c1 and c2 at the top (every differentiation score 5, but two respondents answer
  // 4 on c1 so there is variance); B stays as it was; C grows to three; D is absent.
  const secondRespondents: Respondent[] = [
    respondent('A', 'general_practice', { c1: '5', c2: '1' }),
    respondent('A', 'general_practice', { c1: '5', c2: '1' }),
    respondent('A', 'general_practice', { c1: '5', c2: '1' }),
    respondent('A', 'link_worker', { c1: '4', c2: '1' }),
    respondent('A', 'link_worker', { c1: '4', c2: '1' }),
    ...workedExample().filter((r) => r.practiceCode === 'B'),
    respondent('C', 'general_practice', { c1: '3', c2: '3' }),
    respondent('C', 'general_practice', { c1: '3', c2: '3' }),
    respondent('C', 'general_practice', { c1: '3', c2: '3' }),
  ]
  const second = scoreWave({ wave: 'w2', questionnaire: fixtureQuestionnaire, respondents: secondRespondents })
  const rows = compareWaves(first, second, fixtureQuestionnaire).filter((r) => r.scale === 'coherence/differentiation')

  it('gives one row per practice in either wave', () => {
    expect(rows.map((r) => [r.practiceCode, r.withheld])).toEqual([
      ['A', false],
      ['B', false],
      ['C', true], // withheld in wave 1
      ['D', true], // absent from wave 2
    ])
    for (const r of rows.filter((r) => r.withheld)) {
      expect(Object.keys(r).sort()).toEqual([
        'fromWave',
        'itemsCompared',
        'level',
        'practiceCode',
        'questionnaire',
        'scale',
        'scaleName',
        'scalePath',
        'toWave',
        'versionFrom',
        'versionTo',
        'withheld',
      ])
    }
  })

  it('reports the difference and whether it is significant', () => {
    // A, wave 2: 5, 5, 5, 4.5, 4.5 → mean 4.8, variance (3·0.04 + 2·0.09)/4 = 0.075
    // wave 1: mean 3.5, variance 1.25. difference 1.3; va = 1.25/5 = 0.25, vb = 0.075/5 = 0.015
    // SE² = 0.265; t = 1.3/√0.265 ≈ 2.525; df = 0.265²/(0.25²/4 + 0.015²/4) = 0.070225/0.01568125 ≈ 4.478
    const a = rows[0]!
    if (a.withheld) throw new Error('shown')
    expect(a.meanFrom).toBe(3.5)
    expect(a.meanTo).toBeCloseTo(4.8, 12)
    expect(a.difference).toBeCloseTo(1.3, 12)
    expect(a.t).toBeCloseTo(1.3 / Math.sqrt(0.265), 10)
    expect(a.df).toBeCloseTo(0.070225 / 0.01568125, 10)
    expect(a.pValue).toBeGreaterThan(0.05) // t ≈ 2.53 on ≈ 4.5 df: two-sided p ≈ 0.06
    expect(a.changed).toBe(false)
    // B answered alike in both waves: no difference, t = 0, p = 1
    expect(rows[1]).toMatchObject({ difference: 0, t: 0, pValue: 1, changed: false })
  })

  it('flags a clear change', () => {
    const low = ['1', '1', '2'].map((c) => respondent('F', 'general_practice', { c1: c }))
    const high = ['5', '5', '4'].map((c) => respondent('F', 'general_practice', { c1: c }))
    const change = compareWaves(
      scoreWave({ wave: 'w1', questionnaire: fixtureQuestionnaire, respondents: low }),
      scoreWave({ wave: 'w2', questionnaire: fixtureQuestionnaire, respondents: high }),
      fixtureQuestionnaire,
    ).find((r) => r.scale === 'coherence/differentiation')!
    // means 4/3 and 14/3, both variances 1/3, n 3: SE² = 2/9, t = (10/3)/(√2/3) = 5√2, df = 4.
    // With 4 df the t CDF has a closed form: F(t) = 1/2 + (3/8)·(t/√u)·(1 − t²/(12u)), u = 1 + t²/4.
    expect(change).toMatchObject({ withheld: false, changed: true })
    if (change.withheld) throw new Error('shown')
    const t = 5 * Math.SQRT2
    const u = 1 + (t * t) / 4
    expect(change.t).toBeCloseTo(t, 12)
    expect(change.df).toBeCloseTo(4, 12)
    expect(change.pValue).toBeCloseTo(2 * (0.5 - (3 / 8) * (t / Math.sqrt(u)) * (1 - (t * t) / (12 * u))), 12)
  })

  it('refuses to compare different questionnaires', () => {
    expect(() => compareWaves(first, { ...second, questionnaire: 'other' }, fixtureQuestionnaire)).toThrow(RangeError)
  })
})

describe('compareWavesInTurn', () => {
  it("gives compareWaves' rows a practice at a time, practices in only one wave included", () => {
    const all = workedExample()
    const from = scoreWave({ wave: 'w1', questionnaire: fixtureQuestionnaire, respondents: all.filter((r) => r.practiceCode !== 'C') })
    const to = scoreWave({ wave: 'w2', questionnaire: fixtureQuestionnaire, respondents: all.filter((r) => r.practiceCode !== 'A') })
    const inTurn = [...compareWavesInTurn(from, to, fixtureQuestionnaire)]
    expect(inTurn.map((rows) => rows[0]!.practiceCode)).toEqual([...new Set(all.map((r) => r.practiceCode))].sort())
    expect(inTurn.flat()).toEqual(compareWaves(from, to, fixtureQuestionnaire))
  })
})
