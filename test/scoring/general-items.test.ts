import { describe, expect, it } from 'vitest'
import type { Questionnaire } from '../../server/questionnaires/definition-schema.js'
import { scoreWave } from '../../server/scoring/score-wave.js'
import type { Respondent } from '../../server/scoring/respondent.js'
import { fixtureQuestionnaire } from './fixtures/fixture-questionnaire.js'
import { respondent } from './fixtures/respondents.js'

/** The fixture with its 0–10 item g1 asked of general practice only. */
const gpOnly: Questionnaire = {
  ...fixtureQuestionnaire,
  sections: fixtureQuestionnaire.sections.map((section) => ({
    ...section,
    items: section.items.map((item) => (item.id === 'g1' ? { ...item, settings: ['general_practice' as const] } : item)),
  })),
}
const many = (n: number, practice: string, setting: Respondent['setting']) => Array.from({ length: n }, () => respondent(practice, setting, { g1: '7' }))

describe('generalItemResults', () => {
  it('withholds a 0–10 item asked of some settings only where one of them has its count withheld', () => {
    // X: six in each setting, all shown. Y: six and six and nobody in the community sector: the 0 is withheld, and general
    // practice with it, so g1 (asked of general practice only) would give general practice's count as its n.
    const respondents = [...many(6, 'X', 'general_practice'), ...many(6, 'X', 'link_worker'), ...many(6, 'X', 'community')]
    respondents.push(...many(6, 'Y', 'general_practice'), ...many(6, 'Y', 'link_worker'))
    const general = scoreWave({ wave: 'w1', questionnaire: gpOnly, respondents }).general
    expect(general.map((g) => [g.practiceCode, g.withheld, g.withheld ? null : g.n])).toEqual([
      ['X', false, 6],
      ['Y', true, null],
    ])
    // asked of everyone, the same item is shown at Y: it says nothing of any setting
    expect(scoreWave({ wave: 'w1', questionnaire: fixtureQuestionnaire, respondents }).general.map((g) => g.withheld)).toEqual([false, false])
  })
})
