// Turns questionnaire items into the parameters of the form components that show them, and answers into their words.
import type { Translate } from '../i18n/translate.js'
import type { Item } from '../questionnaires/definition-schema.js'
import type { ItemField, Wording } from '../questionnaires/item-types/item-type-module.js'
import { itemTypeFor } from '../questionnaires/item-types/item-type-registry.js'
import { fillIntervention } from '../questionnaires/questionnaire-model.js'

/** How a response's pages word its items: the intervention's name in the response's language, and its messages. */
export function itemWording(intervention: string, t: Translate): Wording {
  return { fill: (text) => fillIntervention(text, intervention), t }
}

export function itemField(item: Item, wording: Wording, values: readonly string[], errorMessage?: string): ItemField {
  return itemTypeFor(item).field(item, { ...wording, values, errorMessage })
}

/** How a stored answer reads on "Check your answers". */
export function answerText(item: Item, wording: Wording, values: readonly string[]): string[] {
  if (values.length === 0) return [wording.t('survey:answers.notAnswered')]
  return itemTypeFor(item).answerText(item, values, wording)
}
