// Checks what a person sent for one page of items: stored values, or messages for the error summary.
import type { Item } from '../questionnaires/definition-schema.js'
import { fillIntervention } from '../questionnaires/questionnaire-model.js'

export type FormBody = Record<string, string | string[] | undefined>

export interface FieldError {
  itemId: string
  /** missing: a required item left blank; invalid: an answer that cannot be stored as given. */
  kind: 'missing' | 'invalid'
  message: string
}

export interface PageAnswers {
  /** Item id → stored values (one, or several for a multi item); blank items are absent. */
  values: Map<string, string[]>
  /** What the person sent for each item, valid or not, to show again beside the errors. */
  entered: Map<string, string[]>
  errors: FieldError[]
}

/** Input that the page itself could never have sent: an unknown field, or an option that is not offered. */
export class TamperedInputError extends Error {}

const CONTROL_FIELDS = new Set(['_csrf', 'action'])

export function parsePageAnswers(items: readonly Item[], body: FormBody, intervention: string): PageAnswers {
  const itemsById = new Map(items.map((item) => [item.id, item]))
  for (const key of Object.keys(body)) {
    if (!CONTROL_FIELDS.has(key) && !itemsById.has(key)) throw new TamperedInputError(`unexpected field "${key}"`)
  }
  const values = new Map<string, string[]>()
  const entered = new Map<string, string[]>()
  const errors: FieldError[] = []
  for (const item of items) {
    const raw = body[item.id]
    if (raw !== undefined) entered.set(item.id, [raw].flat())
    const result = parseItem(item, raw)
    const text = fillIntervention(item.text, intervention)
    if ('error' in result) errors.push({ itemId: item.id, kind: 'invalid', message: `${result.error}: ${text}` })
    else if (result.values.length > 0) values.set(item.id, result.values)
    else if (item.required) errors.push({ itemId: item.id, kind: 'missing', message: `${missingMessage(item)}: ${text}` })
  }
  return { values, entered, errors }
}

/** Values a radio or checkbox item accepts, in the order they are shown. */
export function allowedValues(item: Item): string[] {
  switch (item.type) {
    case 'likert5':
      return ['1', '2', '3', '4', '5', ...item.notRelevant]
    case 'scale0to10':
      return [...Array.from({ length: 11 }, (_, i) => String(i)), ...item.notRelevant]
    case 'single':
    case 'multi':
      return item.options.map((option) => option.code)
    case 'text':
      return []
  }
}

function parseItem(item: Item, raw: string | string[] | undefined): { values: string[] } | { error: string } {
  const sent = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]
  if (item.type === 'text') {
    if (sent.length > 1) throw new TamperedInputError(`"${item.id}" sent more than once`)
    const text = (sent[0] ?? '').replace(/\r\n?/g, '\n').trim()
    if (text.length > item.maxLength) {
      return { error: `Your answer must be ${item.maxLength.toLocaleString('en-GB')} characters or fewer (it has ${text.length.toLocaleString('en-GB')})` }
    }
    return { values: text ? [text] : [] }
  }
  const chosen = sent.filter((value) => value !== '')
  const allowed = new Set(allowedValues(item))
  const unknown = chosen.find((value) => !allowed.has(value))
  if (unknown !== undefined) throw new TamperedInputError(`"${item.id}" has no option "${unknown}"`)
  if (item.type !== 'multi' && chosen.length > 1) throw new TamperedInputError(`"${item.id}" takes one answer`)
  if (new Set(chosen).size !== chosen.length) throw new TamperedInputError(`"${item.id}" repeats an option`)
  return { values: chosen }
}

function missingMessage(item: Item): string {
  switch (item.type) {
    case 'likert5':
      return 'Select how much you agree'
    case 'scale0to10':
      return 'Select a number from 0 to 10'
    case 'single':
      return 'Select an answer'
    case 'multi':
      return 'Select at least one option'
    case 'text':
      return 'Enter an answer'
  }
}
