// The params radios and checkboxes share: the fieldset around the question, and one entry per choice.
import { notRelevantLabel } from '../answer-labels.js'
import type { ItemBase, NotRelevantCode } from '../definition-parts.js'
import type { FieldContext } from './item-type-module.js'

export type Choice = { value: string; text: string; checked: boolean; classes?: string } | { divider: string }

export function fieldsetParams(item: ItemBase, { fill, errorMessage }: FieldContext) {
  return { name: item.id, idPrefix: item.id, legend: fill(item.text), hint: item.hint && fill(item.hint), errorMessage }
}

export function choice({ values }: FieldContext, value: string, text: string): Choice {
  return { value, text, checked: values.includes(value) }
}

/** A choice drawn as one box of a compact row (agree answers, 0–10): see .ls-answer-box in linkscore.css. */
export function answerBox(context: FieldContext, value: string, text: string): Choice {
  return { ...choice(context, value, text), classes: 'ls-answer-box' }
}

/** The "not relevant" radios after an "or" divider, or nothing when the item offers none. */
export function notRelevantChoices(context: FieldContext, codes: readonly NotRelevantCode[]): Choice[] {
  if (codes.length === 0) return []
  return [
    { divider: context.t('survey:answers.or') },
    ...codes.map((code) => ({ ...choice(context, code, context.fill(notRelevantLabel(code, context.t))), classes: 'ls-not-relevant' })),
  ]
}
