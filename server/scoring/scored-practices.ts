// Reads every respondent's item values and scale scores once, grouped by practice in code order.
import type { Respondent } from './respondent.js'
import { itemValueReader } from './item-values.js'
import { scaleScores } from './respondent-scores.js'
import type { ScoringPlan } from './scoring-plan.js'

export interface ScoredRespondent {
  respondent: Respondent
  /** Item values in plan.items order (reversed where keyed so), NaN where missing. */
  values: Float64Array
  /** Scale scores (1–5) in plan.scales order, NaN where missing. */
  scores: Float64Array
}

export interface ScoredPractice {
  code: string
  members: ScoredRespondent[]
}

/**
 * Respondents' item values and scale scores under one plan, for a caller that scores the same respondents again (a
 * scorer keeping a wave's respondents between versions): each is worked out once. Never changed once made.
 */
export type ScoredMemo = WeakMap<Respondent, Pick<ScoredRespondent, 'values' | 'scores'>>

/** Practices sorted by code (code-point order), each with its respondents in input order. */
export function scoredPractices(plan: ScoringPlan, respondents: readonly Respondent[], memo?: ScoredMemo): ScoredPractice[] {
  const read = itemValueReader(plan)
  const byCode = new Map<string, ScoredRespondent[]>()
  for (const respondent of respondents) {
    let known = memo?.get(respondent)
    if (!known) {
      const values = read(respondent)
      known = { values, scores: scaleScores(plan, values, respondent.setting) }
      memo?.set(respondent, known)
    }
    const scored = { respondent, values: known.values, scores: known.scores }
    const members = byCode.get(respondent.practiceCode)
    if (members) members.push(scored)
    else byCode.set(respondent.practiceCode, [scored])
  }
  return [...byCode.keys()].sort().map((code) => ({ code, members: byCode.get(code)! }))
}

/** The practice's scores on scale `s`, respondents without one left out. */
export function scoresOn(members: readonly ScoredRespondent[], s: number): number[] {
  const scores: number[] = []
  for (const m of members) {
    const score = m.scores[s]!
    if (!Number.isNaN(score)) scores.push(score)
  }
  return scores
}
