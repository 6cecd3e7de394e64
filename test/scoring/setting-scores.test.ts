import { describe, expect, it } from 'vitest'
import { scoreBreakdowns } from '../../server/scoring/score-breakdowns.js'
import { scoreWaveForSetting } from '../../server/scoring/setting-scores.js'
import type { Respondent } from '../../server/scoring/respondent.js'
import { fixtureQuestionnaire } from './fixtures/fixture-questionnaire.js'
import { respondent } from './fixtures/respondents.js'

const input = (respondents: readonly Respondent[]) => ({ wave: 'w1', questionnaire: fixtureQuestionnaire, respondents })
const many = (n: number, practice: string, setting: Respondent['setting'], answers: Record<string, string>) =>
  Array.from({ length: n }, () => respondent(practice, setting, answers, setting))

// E: six in general practice (c1 4), five link workers (c1 2) and one community respondent (c1 1): the community group is
// withheld, so the link workers are withheld too (complementary suppression). F: six and six, and nobody in the community
// sector: that group of 0 is withheld like any small group, and with it general practice (the smallest shown, listed first),
// or the 0 and the total would give both settings away.
const programme = [
  ...many(6, 'E', 'general_practice', { c1: '4' }),
  ...many(5, 'E', 'link_worker', { c1: '2' }),
  respondent('E', 'community', { c1: '1' }),
  ...many(3, 'F', 'general_practice', { c1: '5' }),
  ...many(3, 'F', 'general_practice', { c1: '3' }),
  ...many(3, 'F', 'link_worker', { c1: '3' }),
  ...many(3, 'F', 'link_worker', { c1: '4' }),
]
const DIFFERENTIATION = 'coherence/differentiation'
const row = (scores: ReturnType<typeof scoreWaveForSetting>, practice: string) =>
  scores.practices.find((r) => r.practiceCode === practice && r.scale === DIFFERENTIATION)!

describe('scoreWaveForSetting', () => {
  it("gives exactly the breakdown's figures where the breakdown shows the group", () => {
    const scores = scoreWaveForSetting(input(programme), 'general_practice')
    expect(row(scores, 'E')).toMatchObject({ withheld: false, n: 6, mean: 4, score: 75, sd: 0 })
    expect(row(scores, 'F').withheld).toBe(true)
    const breakdown = scoreBreakdowns(input(programme)).find(
      (b) => b.practiceCode === 'E' && b.scale === DIFFERENTIATION && b.by === 'setting' && b.group === 'general_practice',
    )!
    expect(breakdown.withheld).toBe(false)
    const shown = row(scores, 'E')
    if (shown.withheld || breakdown.withheld) throw new Error('unreachable')
    expect([shown.n, shown.mean, shown.sd, shown.ci]).toEqual([breakdown.n, breakdown.mean, breakdown.sd, breakdown.ci])
  })

  it('withholds a group of five that complementary suppression hides, and leaves it out of the programme figures', () => {
    const scores = scoreWaveForSetting(input(programme), 'link_worker')
    expect(row(scores, 'E')).toEqual({
      questionnaire: 'fixture',
      level: 'component',
      scale: DIFFERENTIATION,
      scalePath: ['coherence', 'differentiation'],
      scaleName: 'Differentiation',
      practiceCode: 'E',
      wave: 'w1',
      withheld: true,
    })
    expect(row(scores, 'F')).toMatchObject({ withheld: false, n: 6, mean: 3.5, score: 62.5, rank: 1 })
    const stats = scores.scaleStats.find((s) => s.scale === DIFFERENTIATION)!
    expect(stats).toMatchObject({ nPractices: 1, nRespondents: 6, median: 62.5, best: 62.5, worst: 62.5, icc1: null })
  })

  it('withholds groups below the breakdown threshold, even when they reach the practice threshold', () => {
    const scores = scoreWaveForSetting({ ...input(programme), options: { minPracticeN: 3, minBreakdownN: 7 } }, 'general_practice')
    expect(row(scores, 'E').withheld).toBe(true)
    expect(row(scores, 'F').withheld).toBe(true)
    expect(scores.options.minPracticeN).toBe(7)
  })

  it("scores only the setting's respondents: a practice with none in it has no rows", () => {
    const scores = scoreWaveForSetting(input(programme), 'community')
    expect(scores.practices.map((r) => r.practiceCode)).not.toContain('F')
    expect(row(scores, 'E').withheld).toBe(true)
  })

  it("withholds a setting whose number of responses the practice's response table withholds, though its scale breakdown shows it", () => {
    // G: 5 in general practice, 4 link workers, 6 community; the response table withholds link workers and so general
    // practice. On differentiation only 3 of the community answered (c1 left blank), so the breakdown there would show
    // general practice (5) beside two withheld settings: with the table's general practice + link workers = 9 and 5
    // scored, it would bound general practice from below. The setting view follows the table and withholds it.
    const g = [
      ...many(5, 'G', 'general_practice', { c1: '4' }),
      ...many(4, 'G', 'link_worker', { c1: '4' }),
      ...many(3, 'G', 'community', { c1: '4' }),
      ...many(3, 'G', 'community', { p3: '4' }),
    ]
    const breakdown = scoreBreakdowns(input(g)).find((b) => b.scale === DIFFERENTIATION && b.by === 'setting' && b.group === 'general_practice')!
    expect(breakdown.withheld).toBe(false)
    expect(row(scoreWaveForSetting(input(g), 'general_practice'), 'G').withheld).toBe(true)
  })
})
