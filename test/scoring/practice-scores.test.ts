import { describe, expect, it } from 'vitest'
import { scaleRef, summariseBySetting, summariseScores, withheldPracticeScale } from '../../server/scoring/practice-scores.js'
import { buildScoringPlan } from '../../server/scoring/scoring-plan.js'
import { fixtureQuestionnaire } from './fixtures/fixture-questionnaire.js'

// t(0.975, 2) in closed form (Student's t with 2 df): 0.95·√(2/(4·0.975·0.025))
const T2 = 0.95 * Math.sqrt(2 / (4 * 0.975 * 0.025))

describe('summariseScores (respondent-weighted)', () => {
  it('gives n, mean, sample SD and the t-based 95% CI', () => {
    // 3, 4, 5: mean 4; SS 1 + 0 + 1 = 2, variance 1, SD 1; CI 4 ± t(0.975, 2)·1/√3
    const s = summariseScores([5, 3, 4])
    expect(s.n).toBe(3)
    expect(s.mean).toBe(4)
    expect(s.sd).toBe(1)
    expect(s.ci!.low).toBeCloseTo(4 - T2 / Math.sqrt(3), 12)
    expect(s.ci!.high).toBeCloseTo(4 + T2 / Math.sqrt(3), 12)
  })

  it('worked example, practice A differentiation: 4, 5, 3, 3.5, 2', () => {
    // mean 17.5/5 = 3.5; SS 0.25 + 2.25 + 0.25 + 0 + 2.25 = 5, variance 5/4, SD √1.25;
    // standard error √1.25/√5 = 0.5; CI 3.5 ± t(0.975, 4)·0.5 (t ≈ 2.776 from tables)
    const s = summariseScores([4, 5, 3, 3.5, 2])
    expect(s.mean).toBe(3.5)
    expect(s.sd).toBeCloseTo(Math.sqrt(1.25), 12)
    const half = s.ci!.high - 3.5
    expect(half / 0.5).toBeCloseTo(2.776, 3)
    expect(s.ci!.low).toBeCloseTo(3.5 - half, 12)
  })

  it('has no SD or CI for one respondent, and a zero-width CI with zero variance', () => {
    expect(summariseScores([4])).toEqual({ n: 1, mean: 4, sd: null, ci: null })
    expect(summariseScores([4, 4, 4])).toEqual({ n: 3, mean: 4, sd: 0, ci: { low: 4, high: 4 } })
  })
})

describe('summariseBySetting (setting-balanced)', () => {
  it('averages the setting means; n, SD and CI come from all respondent scores', () => {
    // general practice 5, 5, 5, 5 (mean 5); link worker 1 (mean 1) → balanced mean (5 + 1)/2 = 3
    // all five scores: mean 4.2, SS 4·0.64 + 10.24 = 12.8, variance 3.2; SE √3.2/√5 = 0.8
    const s = summariseBySetting(
      new Map([
        ['general_practice', [5, 5, 5, 5]],
        ['link_worker', [1]],
      ]),
    )
    expect(s.n).toBe(5)
    expect(s.mean).toBe(3)
    expect(s.sd).toBeCloseTo(Math.sqrt(3.2), 12)
    expect(s.ci!.low + s.ci!.high).toBeCloseTo(6, 12) // centred on 3
    expect((s.ci!.high - 3) / 0.8).toBeCloseTo(2.776, 3)
  })

  it('worked example, practice A: general practice 4, 5, 3 and link worker 3.5, 2', () => {
    // (4 + 5 + 3)/3 = 4 and (3.5 + 2)/2 = 2.75 → (4 + 2.75)/2 = 3.375
    const s = summariseBySetting(
      new Map([
        ['general_practice', [4, 5, 3]],
        ['link_worker', [3.5, 2]],
        ['community', []],
      ]),
    )
    expect(s).toMatchObject({ n: 5, mean: 3.375 })
    expect(s.sd).toBeCloseTo(Math.sqrt(1.25), 12)
  })
})

describe('withheldPracticeScale', () => {
  it('carries identifiers and withheld: true, and nothing else', () => {
    const ref = scaleRef(buildScoringPlan(fixtureQuestionnaire).scales[1]!)
    const row = withheldPracticeScale({ ...ref, ...{ mean: 2.5, n: 2 } } as typeof ref, 'C', 'w1')
    expect(row).toEqual({
      questionnaire: 'fixture',
      level: 'component',
      scale: 'coherence/differentiation',
      scalePath: ['coherence', 'differentiation'],
      scaleName: 'Differentiation',
      practiceCode: 'C',
      wave: 'w1',
      withheld: true,
    })
  })
})
