// Checks what a person sent for one page of items: stored values, or messages for the error summary.
import type { Item } from '../questionnaires/definition-schema.js'
import { wordsIn, type Wording } from '../questionnaires/item-types/item-type-module.js'
import { itemTypeFor } from '../questionnaires/item-types/item-type-registry.js'
import { TamperedInputError } from '../questionnaires/item-types/tampered-input-error.js'

export type FormBody = Record<string, string | string[] | undefined>

export interface FieldError {
  itemId: string
  /** missing: a required item left blank; invalid: an answer that cannot be stored as given. */
  kind: 'missing' | 'invalid'
  /** In the response's language: what is wrong, then the question it is about (for the error summary, where many may stand together). */
  message: string
  /** In the response's language: what is wrong, alone (beside the question it is about). */
  problem: string
}

export interface PageAnswers {
  /** Item id → stored values (one, or several for a multi item); blank items are absent. */
  values: Map<string, string[]>
  /** What the person sent for each item, valid or not, to show again beside the errors. */
  entered: Map<string, string[]>
  errors: FieldError[]
}

const CONTROL_FIELDS = new Set(['_csrf', 'action'])

export function parsePageAnswers(items: readonly Item[], body: FormBody, { fill, t }: Wording): PageAnswers {
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
    const itemType = itemTypeFor(item)
    const result = itemType.parseAnswer(item, raw === undefined ? [] : [raw].flat())
    const error = (kind: FieldError['kind'], problem: string) => ({
      itemId: item.id,
      kind,
      message: t('survey:section.problemWithQuestion', { problem, question: fill(item.text) }),
      problem,
    })
    if ('error' in result) errors.push(error('invalid', wordsIn(t, result.error)))
    else if (result.values.length > 0) values.set(item.id, result.values)
    else if (item.required) errors.push(error('missing', wordsIn(t, itemType.missingMessage)))
  }
  return { values, entered, errors }
}
