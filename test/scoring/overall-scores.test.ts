import { describe, expect, it } from 'vitest'
import { overallScores } from '../../server/scoring/overall-scores.js'
import { scoreWave, type WaveScores } from '../../server/scoring/score-wave.js'
import type { PracticeScaleResult } from '../../server/scoring/practice-scores.js'
import { fixtureQuestionnaire } from './fixtures/fixture-questionnaire.js'
import { respondent } from './fixtures/respondents.js'
import { workedExample } from './fixtures/worked-example.js'

const BANDS = fixtureQuestionnaire.scoring!.bands

/** A wave with the given top-level and child scores per practice (null: withheld). */
function wave(practices: Record<string, Record<string, number | null>>): WaveScores {
  const scales = ['coherence', 'coherence/differentiation', 'participation'].map((scale) => ({
    questionnaire: 'fixture',
    level: scale.includes('/') ? 'component' : 'construct',
    scale,
    scalePath: scale.split('/'),
    scaleName: scale,
  }))
  const rows = Object.entries(practices).flatMap(([practiceCode, scores]) =>
    scales.map((ref): PracticeScaleResult => {
      const score = scores[ref.scale]
      const ids = { ...ref, practiceCode, wave: 'w1' }
      if (score === null || score === undefined) return { ...ids, withheld: true }
      return {
        ...ids,
        withheld: false,
        n: 3,
        mean: score / 25 + 1,
        score,
        sd: null,
        ci: null,
        scoreCi: null,
        rwg: null,
        rwgItems: 0,
        lowAgreement: null,
        band: 'x',
        rank: 1,
      }
    }),
  )
  return {
    wave: 'w1',
    questionnaire: 'fixture',
    questionnaireVersion: 1,
    options: { weighting: 'respondents', minPracticeN: 3, minBreakdownN: 5 },
    scales,
    practices: rows,
    scaleStats: [],
    general: [],
  }
}

describe('overallScores', () => {
  it('is the plain mean of the top-level scores, ignoring the levels below, with its band', () => {
    expect(overallScores(wave({ A: { coherence: 60, 'coherence/differentiation': 0, participation: 80 } }), BANDS)).toEqual([
      { practiceCode: 'A', withheld: false, score: 70, band: 'Developing' },
    ])
    expect(overallScores(wave({ A: { coherence: 75, 'coherence/differentiation': 0, participation: 74.999999999999 } }), BANDS)[0]).toMatchObject({
      band: 'Embedded',
    })
  })

  it('is withheld when any top-level score is withheld, even when a child is shown', () => {
    expect(
      overallScores(
        wave({
          A: { coherence: null, 'coherence/differentiation': 50, participation: 80 },
          B: { coherence: 40, participation: 20, 'coherence/differentiation': 40 },
        }),
        BANDS,
      ),
    ).toEqual([
      { practiceCode: 'A', withheld: true },
      { practiceCode: 'B', withheld: false, score: 30, band: 'Emerging' },
    ])
  })

  it('follows scoreWave: in the worked example A has both constructs, B answers no participation item and C is withheld', () => {
    const scores = scoreWave({
      wave: 'w1',
      questionnaire: fixtureQuestionnaire,
      respondents: [...workedExample(), respondent('B', 'general_practice', { p1: '5' })],
    })
    const overall = overallScores(scores, BANDS)
    const a = scores.practices.filter((r) => r.practiceCode === 'A' && r.scalePath.length === 1)
    const mean = a.reduce((sum, r) => sum + (r.withheld ? NaN : r.score), 0) / a.length
    expect(overall).toEqual([
      { practiceCode: 'A', withheld: false, score: mean, band: mean >= 75 ? 'Embedded' : mean >= 50 ? 'Developing' : 'Emerging' },
      { practiceCode: 'B', withheld: true },
      { practiceCode: 'C', withheld: true },
      { practiceCode: 'D', withheld: true },
    ])
  })
})
