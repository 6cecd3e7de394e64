// Breakdowns of practice scale scores by setting and by role, for the scorecard. Kept apart from
// scoreWave because only a practice's own page needs them: computing them for every practice of a
// large programme would triple the cost of scoring a wave.
import { breakdownRows, type BreakdownResult } from './breakdowns.js'
import type { PracticeScaleRef } from './practice-scores.js'
import { scaleRef } from './practice-scores.js'
import type { WaveInput } from './score-wave.js'
import { scoredPractices, scoresOn, type ScoredRespondent } from './scored-practices.js'
import { resolveScoringOptions } from './scoring-options.js'
import { buildScoringPlan } from './scoring-plan.js'

/**
 * Rows for the given practices (all when omitted), ordered by practice code, scale, then setting
 * groups before role groups. A practice withheld on a scale (fewer than minPracticeN respondents with
 * a score) has no rows for it; see breakdownRows for the group rules.
 */
export function scoreBreakdowns(input: WaveInput, practiceCodes?: readonly string[]): BreakdownResult[] {
  const options = resolveScoringOptions(input.options)
  const plan = buildScoringPlan(input.questionnaire)
  const wanted = practiceCodes && new Set(practiceCodes)
  const respondents = wanted ? input.respondents.filter((r) => wanted.has(r.practiceCode)) : input.respondents
  const rows: BreakdownResult[] = []
  for (const { code, members } of scoredPractices(plan, respondents)) {
    plan.scales.forEach((scale, s) => {
      const ref: PracticeScaleRef = { ...scaleRef(scale), practiceCode: code, wave: input.wave }
      const totalShown = scoresOn(members, s).length >= options.minPracticeN
      rows.push(
        ...breakdownRows(
          ref,
          'setting',
          groupScores(members, s, (m) => m.respondent.setting),
          options.minBreakdownN,
          totalShown,
        ),
      )
      rows.push(
        ...breakdownRows(
          ref,
          'role',
          groupScores(members, s, (m) => m.respondent.role),
          options.minBreakdownN,
          totalShown,
        ),
      )
    })
  }
  return rows
}

function groupScores(members: readonly ScoredRespondent[], s: number, key: (m: ScoredRespondent) => string | null): Map<string | null, number[]> {
  const groups = new Map<string | null, number[]>()
  for (const m of members) {
    const score = m.scores[s]!
    if (Number.isNaN(score)) continue
    const k = key(m)
    const group = groups.get(k)
    if (group) group.push(score)
    else groups.set(k, [score])
  }
  return groups
}
