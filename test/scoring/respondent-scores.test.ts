import { describe, expect, it } from 'vitest'
import type { Setting } from '../../server/questionnaires/definition-schema.js'
import { itemValueReader } from '../../server/scoring/item-values.js'
import { respondentScores, scaleScores, toScore100 } from '../../server/scoring/respondent-scores.js'
import { buildScoringPlan } from '../../server/scoring/scoring-plan.js'
import { fixtureQuestionnaire } from './fixtures/fixture-questionnaire.js'
import { respondent } from './fixtures/respondents.js'

const plan = buildScoringPlan(fixtureQuestionnaire)
const read = itemValueReader(plan)
const NaN_ = Number.NaN

// Scales in plan order: coherence, coherence/differentiation, coherence/communal, participation, participation/initiation.
// Items shown (and answers required at minAnswered 0.5):
//   general_practice: coherence c1 c2 c3 (2); differentiation c1 c2 (1); communal c3 (1); participation = initiation p1 p2 p3 (2)
//   link_worker, community: coherence c1 c2 c4 (2); differentiation c1 c2 (1); communal c4 (1); participation = initiation p1 p2 (1)
const cases: [string, Setting, Record<string, string>, number[]][] = [
  ['all missing', 'general_practice', {}, [NaN_, NaN_, NaN_, NaN_, NaN_]],
  [
    // c2 '2' reversed → 4. differentiation (4 + 4)/2 = 4; communal 5; coherence (4 + 4 + 5)/3 = 13/3;
    // initiation: p1 3, p2 5, p3 unanswered → 2 of 3 answered, 2 required → (3 + 5)/2 = 4
    'a full-ish general practice answer',
    'general_practice',
    { c1: '4', c2: '2', c3: '5', p1: '3', p2: '5' },
    [13 / 3, 4, 5, 4, 4],
  ],
  [
    // c2 not relevant: differentiation has 1 of 2 answered (1 required) → 5; coherence 1 of 3 (2 required) → missing
    'a reverse item answered "not relevant"',
    'general_practice',
    { c1: '5', c2: 'nr_role' },
    [NaN_, 5, NaN_, NaN_, NaN_],
  ],
  [
    // c3 is not shown to link workers: its stored answer is ignored. c2 '4' → 2.
    // differentiation (2 + 2)/2 = 2; communal = c4 = 3; coherence (2 + 2 + 3)/3 = 7/3;
    // initiation shows p1, p2 (1 required): p1 not relevant, p2 4 → 4
    'setting-specific items for a link worker',
    'link_worker',
    { c1: '2', c2: '4', c3: '5', c4: '3', p1: 'nr_stage', p2: '4' },
    [7 / 3, 2, 3, 4, 4],
  ],
  // minimum answered, exactly at: general practice initiation, 2 of 3 answered with 2 required → (2 + 4)/2 = 3
  ['initiation exactly at the minimum', 'general_practice', { p1: '2', p3: '4' }, [NaN_, NaN_, NaN_, 3, 3]],
  // one below: 1 of 3 answered → missing
  ['initiation one below the minimum', 'general_practice', { p3: '4' }, [NaN_, NaN_, NaN_, NaN_, NaN_]],
  // the same single answer is enough for a community respondent, who is shown 2 items (1 required)
  ['one of two initiation items for community', 'community', { p2: '1' }, [NaN_, NaN_, NaN_, 1, 1]],
]

describe('scaleScores', () => {
  it.each(cases)('%s', (_, setting, answers, expected) => {
    const r = respondent('A', setting, answers)
    expect([...scaleScores(plan, read(r), setting)]).toEqual(expected)
  })
})

describe('toScore100', () => {
  it.each([
    [1, 0],
    [5, 100],
    [3, 50],
    [4, 75],
    [3.4, 60], // (3.4 − 1) × 25 = 60 exactly in floating point
    [13 / 3, 250 / 3], // (10/3) × 25
  ])('%d on 1–5 is %d on 0–100', (mean, score) => {
    expect(toScore100(mean)).toBeCloseTo(score, 12)
  })
})

describe('respondentScores', () => {
  it('gives one row per respondent and scale with both scales of measurement', () => {
    const r = respondent('A', 'general_practice', { c1: '5', c2: 'nr_role' }, null)
    const rows = respondentScores(fixtureQuestionnaire, [r])
    expect(rows).toHaveLength(5)
    expect(rows[1]).toEqual({
      responseId: r.responseId,
      practiceCode: 'A',
      setting: 'general_practice',
      role: null,
      questionnaire: 'fixture',
      level: 'component',
      scale: 'coherence/differentiation',
      shown: 2,
      answered: 1,
      mean: 5,
      score: 100,
    })
    expect(rows[0]).toMatchObject({ scale: 'coherence', shown: 3, answered: 1, mean: null, score: null })
  })
})
