// Turns questionnaire items into the parameters of the form components that show them, and answers into their words.
import type { Item } from '../questionnaires/definition-schema.js'
import type { ItemField } from '../questionnaires/item-types/item-type-module.js'
import { itemTypeFor } from '../questionnaires/item-types/item-type-registry.js'
import { fillIntervention } from '../questionnaires/questionnaire-model.js'

export function itemField(item: Item, intervention: string, values: readonly string[], errorMessage?: string): ItemField {
  return itemTypeFor(item).field(item, { fill: (text) => fillIntervention(text, intervention), values, errorMessage })
}

/** How a stored answer reads on "Check your answers". */
export function answerText(item: Item, intervention: string, values: readonly string[]): string[] {
  if (values.length === 0) return ['Not answered']
  return itemTypeFor(item).answerText(item, values, (text) => fillIntervention(text, intervention))
}
