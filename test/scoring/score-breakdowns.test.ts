import { describe, expect, it } from 'vitest'
import { scoreBreakdowns } from '../../server/scoring/score-breakdowns.js'
import type { Respondent } from '../../server/scoring/respondent.js'
import { fixtureQuestionnaire } from './fixtures/fixture-questionnaire.js'
import { respondent } from './fixtures/respondents.js'
import { workedExample } from './fixtures/worked-example.js'

const breakdowns = (respondents: readonly Respondent[], practiceCodes?: string[]) =>
  scoreBreakdowns({ wave: 'w1', questionnaire: fixtureQuestionnaire, respondents }, practiceCodes)

describe('scoreBreakdowns', () => {
  it('withholds small groups in the worked example', () => {
    // A on differentiation: general practice n = 3 and link worker n = 2, both below 5; roles gp 2, link_worker 2, nurse 1
    const rows = breakdowns(workedExample()).filter((b) => b.practiceCode === 'A' && b.scale === 'coherence/differentiation')
    expect(rows.map((b) => [b.by, b.group, b.withheld])).toEqual([
      ['setting', 'general_practice', true],
      ['setting', 'link_worker', true],
      ['role', 'gp', true],
      ['role', 'link_worker', true],
      ['role', 'nurse', true],
    ])
  })

  it('gives nothing for a withheld practice, and only the practices asked for', () => {
    expect(breakdowns(workedExample(), ['C'])).toEqual([])
    expect(new Set(breakdowns(workedExample(), ['B', 'D']).map((b) => b.practiceCode))).toEqual(new Set(['B', 'D']))
  })

  it('withholds the next smallest setting so the lone small one cannot be subtracted out of the total', () => {
    // six general practice, five link workers and one community respondent, each answering c1 only
    const respondents = [
      ...Array.from({ length: 6 }, () => respondent('E', 'general_practice', { c1: '4' }, 'gp')),
      ...Array.from({ length: 5 }, () => respondent('E', 'link_worker', { c1: '2' }, 'link_worker')),
      respondent('E', 'community', { c1: '1' }, 'volunteer'),
    ]
    const rows = breakdowns(respondents).filter((b) => b.scale === 'coherence/differentiation')
    expect(rows.map((b) => [b.by, b.group, b.withheld])).toEqual([
      ['setting', 'general_practice', false],
      ['setting', 'link_worker', true],
      ['setting', 'community', true],
      ['role', 'gp', false],
      ['role', 'link_worker', true],
      ['role', 'volunteer', true],
    ])
    expect(rows[0]).toMatchObject({ n: 6, mean: 4, score: 75, sd: 0 })
  })
})
