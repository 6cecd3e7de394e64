// A practice's change in overall score between two waves: the difference of its two overall scores, tested by
// Welch's t-test on its respondents' own overall scores (the mean of their top-level scale scores).
import type { Band } from '../questionnaires/definition-schema.js'
import { mean, sampleSd } from './descriptive.js'
import { overallScores } from './overall-scores.js'
import type { Respondent } from './respondent.js'
import { toScore100 } from './respondent-scores.js'
import { scoredPractices, type ScoredMemo } from './scored-practices.js'
import type { ScoringPlan } from './scoring-plan.js'
import type { WaveScores } from './score-wave.js'
import { CHANGE_ALPHA, welchTest, type GroupSummary } from './wave-change.js'

export interface WithheldOverallChange {
  practiceCode: string
  withheld: true
}

export interface ShownOverallChange {
  practiceCode: string
  withheld: false
  /** Overall score at the later wave − at the earlier, on 0–100. */
  difference: number
  /** The test's respondents: those with a score on every top-level scale. */
  nFrom: number
  nTo: number
  pValue: number | null
  /** p < 0.05; null when the test is undefined (fewer than 2 such respondents in a wave, or no variation). */
  changed: boolean | null
}

export type OverallChange = WithheldOverallChange | ShownOverallChange

/**
 * One wave's side of the comparison: its scores, and per practice its respondents' overall scores (respondentOverall): a
 * summary a thousandth the size of the respondents' rows, so a wave's side can be kept between requests.
 */
export interface OverallWave {
  scores: WaveScores
  bands: readonly Band[]
  overall: ReadonlyMap<string, GroupSummary>
}

/** The top-level scales, whose scores make a respondent's overall score. */
export function topScales(scores: Pick<WaveScores, 'scales'>): Set<string> {
  return new Set(scores.scales.filter((s) => s.scalePath.length === 1).map((s) => s.scale))
}

/**
 * Per practice (in code order), n, mean and sd (0–100) of its respondents' overall scores: the unweighted mean of their
 * scores on the `top` scales, for respondents with a score on every one of them (others have no overall and are left
 * out). Scale scores are taken from `memo` when it has them, and no row is made per respondent and scale (600,000 of
 * them at 1,000 practices).
 */
export function respondentOverall(
  plan: ScoringPlan,
  top: ReadonlySet<string>,
  respondents: readonly Respondent[],
  memo?: ScoredMemo,
): Map<string, GroupSummary> {
  const topIndexes = plan.scales.flatMap((scale, s) => (top.has(scale.key) ? [s] : []))
  const found = new Map<string, GroupSummary>()
  for (const { code, members } of scoredPractices(plan, respondents, memo)) {
    const values: number[] = []
    for (const { scores } of members) {
      const list = topIndexes.map((s) => scores[s]!)
      if (list.length === top.size && !list.some(Number.isNaN)) values.push(mean(list.map(toScore100)))
    }
    if (values.length > 0) found.set(code, { n: values.length, mean: mean(values), sd: values.length < 2 ? null : sampleSd(values) })
  }
  return found
}

/**
 * One row per practice of the later wave. Withheld when either overall score is withheld (or the practice is absent from
 * the earlier wave), so a change never rests on a withheld figure; the two waves must score the same questionnaire.
 */
export function overallChange(from: OverallWave, to: OverallWave): OverallChange[] {
  if (from.scores.questionnaire !== to.scores.questionnaire) {
    throw new RangeError(`cannot compare questionnaire "${from.scores.questionnaire}" with "${to.scores.questionnaire}"`)
  }
  const before = new Map(overallScores(from.scores, from.bands).map((o) => [o.practiceCode, o]))
  const [a, b] = [from.overall, to.overall]
  return overallScores(to.scores, to.bands).map((after): OverallChange => {
    const earlier = before.get(after.practiceCode)
    if (!earlier || earlier.withheld || after.withheld) return { practiceCode: after.practiceCode, withheld: true }
    const [x, y] = [a.get(after.practiceCode), b.get(after.practiceCode)]
    const test = x && y ? welchTest(x, y) : null
    return {
      practiceCode: after.practiceCode,
      withheld: false,
      difference: after.score - earlier.score,
      nFrom: x?.n ?? 0,
      nTo: y?.n ?? 0,
      pValue: test?.p ?? null,
      changed: test ? test.p < CHANGE_ALPHA : null,
    }
  })
}
