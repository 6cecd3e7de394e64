// The words of the answers every questionnaire shares: the agree scale and "not relevant". Stored as codes (1–5,
// nr_role …), shown in the reader's language; the exports and the R script label the codes in English.
import { english, say, type MessageKey, type Translate } from '../i18n/translate.js'
import { NOT_RELEVANT_CODES, type NotRelevantCode } from './definition-parts.js'

const LIKERT5_KEYS = [
  'survey:answers.likert5.stronglyDisagree',
  'survey:answers.likert5.disagree',
  'survey:answers.likert5.neither',
  'survey:answers.likert5.agree',
  'survey:answers.likert5.stronglyAgree',
] as const satisfies readonly MessageKey[]

const NOT_RELEVANT_KEYS: Record<NotRelevantCode, MessageKey> = {
  nr_role: 'survey:answers.notRelevant.role',
  nr_stage: 'survey:answers.notRelevant.stage',
  nr_intervention: 'survey:answers.notRelevant.intervention',
}

/** Labels for the stored values 1–5 of a likert5 item, in order. */
export function likert5Labels(t: Translate): string[] {
  return LIKERT5_KEYS.map((key) => say(t, { key }))
}

/** A "not relevant" label with {intervention} left in, for the item's fill to put the programme's name in. */
export function notRelevantLabel(code: NotRelevantCode, t: Translate): string {
  return say(t, { key: NOT_RELEVANT_KEYS[code], values: { intervention: '{intervention}' } })
}

export function isNotRelevantCode(value: string): value is NotRelevantCode {
  return (NOT_RELEVANT_CODES as readonly string[]).includes(value)
}

/** The English labels, as the codebook and the R script give them. */
export const LIKERT5_LABELS: readonly string[] = likert5Labels(english)
export const NOT_RELEVANT_LABELS: Record<NotRelevantCode, string> = {
  nr_role: notRelevantLabel('nr_role', english),
  nr_stage: notRelevantLabel('nr_stage', english),
  nr_intervention: notRelevantLabel('nr_intervention', english),
}
