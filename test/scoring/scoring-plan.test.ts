import { describe, expect, it } from 'vitest'
import { buildScoringPlan, requiredAnswers } from '../../server/scoring/scoring-plan.js'
import { fixtureQuestionnaire } from './fixtures/fixture-questionnaire.js'

describe('requiredAnswers', () => {
  it.each([
    [0.5, 1, 1],
    [0.5, 2, 1],
    [0.5, 3, 2], // ceil(1.5)
    [0.5, 4, 2],
    [0.5, 0, 0],
    [1, 3, 3],
    [0.7, 10, 7],
    // 0.14 × 50 is 7.000000000000001 in binary floating point: a naive ceil would demand 8 answers
    [0.14, 50, 7],
    [0.28, 25, 7],
    [0.28, 50, 14],
  ])('ceil(%d × %d) = %d', (fraction, count, required) => {
    expect(requiredAnswers(fraction, count)).toBe(required)
  })
})

describe('buildScoringPlan', () => {
  const plan = buildScoringPlan(fixtureQuestionnaire)
  const ids = (indices: readonly number[]) => indices.map((i) => plan.items[i]!.id)

  it('lists every scale, parents first, with its items and level', () => {
    expect(plan.scales.map((s) => [s.level, s.key, ids(s.items)])).toEqual([
      ['construct', 'coherence', ['c1', 'c2', 'c3', 'c4']],
      ['component', 'coherence/differentiation', ['c1', 'c2']],
      ['component', 'coherence/communal', ['c3', 'c4']],
      ['construct', 'participation', ['p1', 'p2', 'p3']],
      ['component', 'participation/initiation', ['p1', 'p2', 'p3']],
    ])
    expect(plan.minAnswered).toBe(0.5)
    expect(plan.generalItems.map((i) => i.id)).toEqual(['g1'])
  })

  it('knows which items each setting sees and how many it must answer', () => {
    const coherence = plan.scales[0]!
    expect(ids(coherence.shown.general_practice)).toEqual(['c1', 'c2', 'c3'])
    expect(ids(coherence.shown.link_worker)).toEqual(['c1', 'c2', 'c4'])
    expect(coherence.required).toEqual({ general_practice: 2, link_worker: 2, community: 2 })
    const initiation = plan.scales[4]!
    expect(initiation.required).toEqual({ general_practice: 2, link_worker: 1, community: 1 })
  })
})
