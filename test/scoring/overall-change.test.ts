import { describe, expect, it } from 'vitest'
import { overallChange, respondentOverall, topScales } from '../../server/scoring/overall-change.js'
import { mean, sampleSd } from '../../server/scoring/descriptive.js'
import { respondentScores } from '../../server/scoring/respondent-scores.js'
import { scoreWave } from '../../server/scoring/score-wave.js'
import type { Respondent } from '../../server/scoring/respondent.js'
import type { ScoredMemo } from '../../server/scoring/scored-practices.js'
import { buildScoringPlan } from '../../server/scoring/scoring-plan.js'
import type { GroupSummary } from '../../server/scoring/wave-change.js'
import { fixtureQuestionnaire } from './fixtures/fixture-questionnaire.js'
import { respondent } from './fixtures/respondents.js'
import { syntheticQuestionnaire, syntheticRespondents } from './fixtures/synthetic-programme.js'

const fixturePlan = buildScoringPlan(fixtureQuestionnaire)

/**
 * The overall scores as the definition gives them, from respondentScores' rows: per response the mean of its top-level
 * scale scores, when it has all of them, then per practice their n, mean and sd, practices in code order.
 */
function overallFromRows(questionnaire: Parameters<typeof respondentScores>[0], top: ReadonlySet<string>, respondents: Respondent[]): [string, GroupSummary][] {
  const byResponse = new Map<number, { practiceCode: string; scores: (number | null)[] }>()
  for (const row of respondentScores(questionnaire, respondents).filter((r) => top.has(r.scale))) {
    const entry = byResponse.get(row.responseId) ?? { practiceCode: row.practiceCode, scores: [] }
    entry.scores.push(row.score)
    byResponse.set(row.responseId, entry)
  }
  const byPractice = new Map<string, number[]>()
  for (const { practiceCode, scores } of byResponse.values()) {
    if (scores.length === top.size && scores.every((s) => s !== null))
      byPractice.set(practiceCode, [...(byPractice.get(practiceCode) ?? []), mean(scores as number[])])
  }
  return [...byPractice]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, values]): [string, GroupSummary] => [code, { n: values.length, mean: mean(values), sd: values.length < 2 ? null : sampleSd(values) }])
}

/** A link worker answering c1, c4 (coherence) and p1, p2 (participation) all with `v`: both scale scores are (v − 1) × 25. */
const answering = (code: string, v: number) => respondent(code, 'link_worker', { c1: String(v), c4: String(v), p1: String(v), p2: String(v) })

function side(wave: string, respondents: Respondent[]) {
  const scores = scoreWave({ wave, questionnaire: fixtureQuestionnaire, respondents, options: { minPracticeN: 3 } })
  return {
    scores,
    bands: fixtureQuestionnaire.scoring!.bands,
    overall: respondentOverall(fixturePlan, topScales(scores), respondents),
    respondents,
  }
}

// A: overall 50, 50, 75 (mean 58.33) then 75, 75, 100 (mean 83.33); B: two respondents at first (withheld), three after.
const FROM = side('w1', [answering('A', 3), answering('A', 3), answering('A', 4), answering('B', 2), answering('B', 5)])
const TO = side('w2', [answering('A', 4), answering('A', 4), answering('A', 5), answering('B', 2), answering('B', 3), answering('B', 4)])

describe('respondentOverall', () => {
  it("gives each practice's n, mean and sd of its respondents' mean top-level scores", () => {
    const a = respondentOverall(fixturePlan, topScales(FROM.scores), FROM.respondents).get('A')!
    expect(a.n).toBe(3)
    expect(a.mean).toBeCloseTo(175 / 3, 10)
    // sd of 50, 50, 75: √((2 × (25/3)² + (50/3)²) / 2) = 25/√3
    expect(a.sd).toBeCloseTo(25 / Math.sqrt(3), 10)
  })

  it('gives exactly what the rows of respondentScores give, with a memo and from it', () => {
    // 40 practices × 12, about 5% not relevant and 5% unanswered: some respondents lack a top-level scale.
    const questionnaire = syntheticQuestionnaire('npt-like', [4, 4, 4, 4], 25)
    const respondents = syntheticRespondents(questionnaire, 40, 12, 11)
    const scores = scoreWave({ wave: 'w1', questionnaire, respondents })
    const top = topScales(scores)
    const fromRows = overallFromRows(questionnaire, top, respondents)
    expect(fromRows.length).toBe(40)
    expect(fromRows.some(([, s]) => s.n < 12)).toBe(true)
    const plan = buildScoringPlan(questionnaire)
    const memo: ScoredMemo = new WeakMap()
    expect([...respondentOverall(plan, top, respondents)]).toEqual(fromRows)
    expect([...respondentOverall(plan, top, respondents, memo)]).toEqual(fromRows)
    expect([...respondentOverall(plan, top, respondents, memo)]).toEqual(fromRows)
  })
})

describe('overallChange', () => {
  it('gives the difference of the overall scores and Welch’s test on the respondents’ overall scores', () => {
    const [a, b] = overallChange(FROM, TO)
    // se² = 2 × (625/3)/3 = 1250/9, t = 25/√(1250/9) = 2.1213, df = 4: p = 0.1012
    expect(a).toMatchObject({ practiceCode: 'A', withheld: false, nFrom: 3, nTo: 3, changed: false })
    expect(a!.withheld === false && a!.difference).toBeCloseTo(25, 10)
    expect(a!.withheld === false && a!.pValue).toBeCloseTo(0.1012, 4)
    // B is withheld at the first wave, so its change is too, with no figures.
    expect(b).toEqual({ practiceCode: 'B', withheld: true })
  })

  it('is significant for a large shift, and refuses two different questionnaires', () => {
    const low = side('w1', [answering('A', 1), answering('A', 2), answering('A', 1), answering('A', 2)])
    const high = side('w2', [answering('A', 5), answering('A', 4), answering('A', 5), answering('A', 4)])
    expect(overallChange(low, high)[0]).toMatchObject({ withheld: false, difference: 75, changed: true })
    expect(overallChange(high, low)[0]).toMatchObject({ withheld: false, difference: -75, changed: true })
    expect(() => overallChange(low, { ...high, scores: { ...high.scores, questionnaire: 'other' } })).toThrow(RangeError)
  })
})
