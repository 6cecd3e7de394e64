import type { NotRelevantCode } from './definition-schema.js'

/** Labels for the stored values 1–5 of a likert5 item, in order. */
export const LIKERT5_LABELS = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'] as const

/** Shown to respondents after {intervention} is filled in. */
export const NOT_RELEVANT_LABELS: Record<NotRelevantCode, string> = {
  nr_role: 'Not relevant to my role',
  nr_stage: 'Not relevant at this stage',
  nr_intervention: 'Not relevant to {intervention}',
}
