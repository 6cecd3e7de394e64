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
    // A on differentiation: general practice n = 3 and link worker n = 2, both below 5, community 0 (a row all the same);
    // roles gp 2, link_worker 2, nurse 1
    const rows = breakdowns(workedExample()).filter((b) => b.practiceCode === 'A' && b.scale === 'coherence/differentiation')
    expect(rows.map((b) => [b.by, b.group, b.withheld])).toEqual([
      ['setting', 'general_practice', true],
      ['setting', 'link_worker', true],
      ['setting', 'community', true],
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

  it('shows a role only inside a shown setting, and withholds a role whose members sit in several settings', () => {
    // General practice: gp 6 and steering 5 (shown, 11); link workers: lw 6 and steering 1 (shown, 7); community: 5 (shown).
    // Steering spans two settings, so it is withheld in each; in general practice that leaves gp alone beside the
    // setting's figure, so gp goes too; among link workers lw goes with the steering member.
    const many = (n: number, setting: Respondent['setting'], role: string) => Array.from({ length: n }, () => respondent('E', setting, { c1: '4' }, role))
    const respondents = [
      ...many(6, 'general_practice', 'gp'),
      ...many(5, 'general_practice', 'steering'),
      ...many(6, 'link_worker', 'lw'),
      ...many(1, 'link_worker', 'steering'),
      ...many(5, 'community', 'volunteer'),
    ]
    const rows = breakdowns(respondents).filter((b) => b.scale === 'coherence/differentiation')
    expect(rows.map((b) => [b.by, b.group, b.withheld])).toEqual([
      ['setting', 'general_practice', false],
      ['setting', 'link_worker', false],
      ['setting', 'community', false],
      ['role', 'gp', true],
      ['role', 'lw', true],
      ['role', 'steering', true],
      ['role', 'volunteer', false],
    ])
  })

  it('withholds a large role of a setting that is withheld', () => {
    // General practice 6 (gp 6), link workers 5 (lw 5), community 1: link workers go with the community sector, so lw
    // does too, though it has 5.
    const many = (n: number, setting: Respondent['setting'], role: string) => Array.from({ length: n }, () => respondent('E', setting, { c1: '4' }, role))
    const rows = breakdowns([...many(6, 'general_practice', 'gp'), ...many(5, 'link_worker', 'lw'), ...many(1, 'community', 'volunteer')]).filter(
      (b) => b.scale === 'coherence/differentiation' && b.by === 'role',
    )
    expect(rows.map((b) => [b.group, b.withheld])).toEqual([
      ['gp', false],
      ['lw', true],
      ['volunteer', true],
    ])
  })
})
