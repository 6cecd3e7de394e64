import type { Setting } from '../questionnaires/definition-schema.js'

/** One submitted response to one questionnaire, as the scoring functions receive it. */
export interface Respondent {
  responseId: number
  practiceCode: string
  setting: Setting
  /** The respondent's role; null when not stated (it then forms its own group in role breakdowns). */
  role: string | null
  /** Item id → stored code (answer.value): '1'..'5' for likert5, '0'..'10' for scale0to10, 'nr_*' for not relevant. */
  values: ReadonlyMap<string, string>
}
