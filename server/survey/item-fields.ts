// Turns questionnaire items into the parameters of the form components that show them.
import { LIKERT5_LABELS, NOT_RELEVANT_LABELS } from '../questionnaires/answer-labels.js'
import type { Item } from '../questionnaires/definition-schema.js'
import { fillIntervention } from '../questionnaires/questionnaire-model.js'

export type ItemField =
  | { component: 'radios'; params: Record<string, unknown> }
  | { component: 'checkboxes'; params: Record<string, unknown> }
  | { component: 'textarea'; params: Record<string, unknown> }

type ChoiceItem = { value: string; text: string; checked: boolean; classes?: string } | { divider: string }

export function itemField(item: Item, intervention: string, values: readonly string[], errorMessage?: string): ItemField {
  const fill = (text: string) => fillIntervention(text, intervention)
  const chosen = new Set(values)
  const common = { name: item.id, idPrefix: item.id, legend: fill(item.text), hint: item.hint && fill(item.hint), errorMessage }
  const choice = (value: string, text: string): ChoiceItem => ({ value, text, checked: chosen.has(value) })
  const notRelevant = (codes: readonly (keyof typeof NOT_RELEVANT_LABELS)[]): ChoiceItem[] =>
    codes.length === 0 ? [] : [{ divider: 'or' }, ...codes.map((code) => ({ ...choice(code, fill(NOT_RELEVANT_LABELS[code])), classes: 'ls-not-relevant' }))]

  switch (item.type) {
    case 'likert5':
      return {
        component: 'radios',
        params: {
          ...common,
          classes: 'ls-likert',
          items: [...LIKERT5_LABELS.map((label, i) => choice(String(i + 1), label)), ...notRelevant(item.notRelevant)],
        },
      }
    case 'scale0to10':
      return {
        component: 'radios',
        params: {
          ...common,
          hint: [item.hint && fill(item.hint), `0 means ${fill(item.labels.min).toLowerCase()}, 10 means ${fill(item.labels.max).toLowerCase()}.`]
            .filter(Boolean)
            .join(' '),
          classes: 'nhsuk-radios--inline ls-scale0to10',
          items: [...Array.from({ length: 11 }, (_, i) => choice(String(i), String(i))), ...notRelevant(item.notRelevant)],
        },
      }
    case 'single':
      return { component: 'radios', params: { ...common, items: item.options.map((o) => choice(o.code, fill(o.label))) } }
    case 'multi':
      return { component: 'checkboxes', params: { ...common, items: item.options.map((o) => choice(o.code, fill(o.label))) } }
    case 'text':
      return {
        component: 'textarea',
        params: { name: item.id, id: item.id, label: common.legend, hint: common.hint, errorMessage, value: values[0] ?? '', maxLength: item.maxLength },
      }
  }
}

/** How a stored answer reads on "Check your answers". */
export function answerText(item: Item, intervention: string, values: readonly string[]): string[] {
  if (values.length === 0) return ['Not answered']
  const fill = (text: string) => fillIntervention(text, intervention)
  const label = (value: string): string => {
    if (value.startsWith('nr_')) return fill(NOT_RELEVANT_LABELS[value as keyof typeof NOT_RELEVANT_LABELS] ?? value)
    if (item.type === 'likert5') return LIKERT5_LABELS[Number(value) - 1] ?? value
    if (item.type === 'single' || item.type === 'multi') return fill(item.options.find((o) => o.code === value)?.label ?? value)
    return value
  }
  return item.type === 'text' ? values[0]!.split('\n') : values.map(label)
}
