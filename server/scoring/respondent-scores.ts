// A respondent's score on each scale: the mean of their answered items among those shown to their
// setting, when they answered at least `required` of them; otherwise missing.
import type { Questionnaire, Setting } from '../questionnaires/definition-schema.js'
import { itemValueReader } from './item-values.js'
import type { Respondent } from './respondent.js'
import { buildScoringPlan, type ScoringPlan } from './scoring-plan.js'

/** A 1–5 mean on the 0–100 scale: (mean − 1) / 4 × 100, computed as (mean − 1) × 25 (one rounding fewer). */
export function toScore100(mean: number): number {
  return (mean - 1) * 25
}

/** Scale scores (1–5) in plan.scales order; NaN where missing. `values` come from itemValueReader. */
export function scaleScores(plan: ScoringPlan, values: Float64Array, setting: Setting): Float64Array {
  const scores = new Float64Array(plan.scales.length).fill(Number.NaN)
  plan.scales.forEach((scale, s) => {
    const shown = scale.shown[setting]
    if (shown.length === 0) return
    let answered = 0
    let total = 0
    for (const i of shown) {
      const v = values[i]!
      if (!Number.isNaN(v)) {
        answered++
        total += v
      }
    }
    if (answered >= scale.required[setting]) scores[s] = total / answered
  })
  return scores
}

export interface RespondentScaleScore {
  responseId: number
  practiceCode: string
  setting: Setting
  role: string | null
  questionnaire: string
  level: string
  scale: string
  /** Items of the scale shown to the respondent's setting, and how many of them they answered. */
  shown: number
  answered: number
  /** 1–5, or null when missing. */
  mean: number | null
  /** 0–100, or null when missing. */
  score: number | null
}

/** Every respondent's score on every scale, one row each: for checking and for export. */
export function respondentScores(questionnaire: Questionnaire, respondents: readonly Respondent[]): RespondentScaleScore[] {
  const plan = buildScoringPlan(questionnaire)
  const read = itemValueReader(plan)
  return respondents.flatMap((respondent) => {
    const values = read(respondent)
    const scores = scaleScores(plan, values, respondent.setting)
    return plan.scales.map((scale, s) => {
      const shown = scale.shown[respondent.setting]
      const mean = scores[s]!
      return {
        responseId: respondent.responseId,
        practiceCode: respondent.practiceCode,
        setting: respondent.setting,
        role: respondent.role,
        questionnaire: plan.questionnaire,
        level: scale.level,
        scale: scale.key,
        shown: shown.length,
        answered: shown.filter((i) => !Number.isNaN(values[i]!)).length,
        mean: Number.isNaN(mean) ? null : mean,
        score: Number.isNaN(mean) ? null : toScore100(mean),
      }
    })
  })
}
