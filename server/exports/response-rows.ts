// The wide responses export: one row per response, one column per item, and one 0/1 column per option of a multi item.
import type { Questionnaire } from '../questionnaires/definition-schema.js'
import { itemTypeFor } from '../questionnaires/item-types/item-type-registry.js'
import { allItems } from '../questionnaires/questionnaire-model.js'
import { PRACTICE_CONTEXT_COLUMNS } from './practice-context.js'

export const RESPONSE_COLUMNS = [
  'response_id',
  'practice_code',
  'wave',
  'role',
  'setting',
  'status',
  'started_at',
  'submitted_at',
  'excluded',
  'language',
] as const

/** A response with one of its answers, or with none (item and value null), in response order. */
export interface ResponseAnswerRow {
  response_id: number
  practice_code: string
  wave: string
  role: string | null
  setting: string | null
  status: string
  started_at: string
  submitted_at: string | null
  /** 1 when the response is set aside from scoring, else 0. */
  excluded: number
  /** The language the response was given in (`en-GB`, `nl`): its answers' codes are the same whatever it is. */
  language: string
  questionnaire: string | null
  item: string | null
  value: string | null
}

type Place = { column: string } | { options: Map<string, string> }

export interface ResponseLayout {
  columns: string[]
  /** questionnaire id → item id → its column, or its option columns by option code. */
  places: Map<string, Map<string, Place>>
}

type Cell = string | number | null

/** Where a questionnaire's item goes when its id is also used by another questionnaire: `good_practice__q1`. */
export const questionnairePrefix = (questionnaireId: string) => `${questionnaireId.replaceAll('-', '_')}__`

/**
 * The response's columns and its practice's context, then items in questionnaire order, then item order. `definitions` lists each questionnaire of the wave with the
 * definitions its answers may come from, newest first: an item or option only an older version has comes after the
 * newer ones. An item id used by two questionnaires (of the wave or of `alsoInUse`, so that names do not depend on the
 * wave) is prefixed with its questionnaire's id.
 */
export function responseLayout(
  definitions: readonly { id: string; versions: readonly Questionnaire[] }[],
  alsoInUse: readonly Questionnaire[] = [],
): ResponseLayout {
  const owners = new Map<string, Set<string>>()
  const own = (questionnaireId: string, q: Questionnaire) =>
    allItems(q).forEach((item) => owners.set(item.id, (owners.get(item.id) ?? new Set()).add(questionnaireId)))
  for (const { id, versions } of definitions) versions.forEach((q) => own(id, q))
  for (const q of alsoInUse) own(q.id, q)

  const columns: string[] = [...RESPONSE_COLUMNS, ...PRACTICE_CONTEXT_COLUMNS]
  const places = new Map<string, Map<string, Place>>()
  for (const { id, versions } of definitions) {
    const items = new Map<string, Place>()
    places.set(id, items)
    for (const item of versions.flatMap(allItems)) {
      const name = owners.get(item.id)!.size > 1 ? `${questionnairePrefix(id)}${item.id}` : item.id
      const place = items.get(item.id)
      const itemType = itemTypeFor(item)
      if (itemType.wideLayout === 'one-column') {
        if (!place) {
          items.set(item.id, { column: name })
          columns.push(name)
        }
        continue
      }
      if (place && 'column' in place) continue
      const options = place?.options ?? new Map<string, string>()
      items.set(item.id, { options })
      for (const { code } of itemType.valueLabels(item)) {
        if (options.has(code)) continue
        options.set(code, `${name}__${code}`)
        columns.push(`${name}__${code}`)
      }
    }
  }
  return { columns, places }
}

/**
 * Folds answer rows (in response order) into one row per response, holding one response at a time. A multi option is
 * 1 when chosen and 0 when another option of the item was chosen; an item with no answer is empty, because "chose
 * none" and "did not answer" are stored alike.
 */
export async function* responseRows(answers: AsyncIterable<ResponseAnswerRow>, layout: ResponseLayout): AsyncGenerator<Record<string, Cell>> {
  let row: Record<string, Cell> | undefined
  for await (const a of answers) {
    if (row?.response_id !== a.response_id) {
      if (row) yield row
      row = {
        response_id: a.response_id,
        practice_code: a.practice_code,
        wave: a.wave,
        role: a.role,
        setting: a.setting,
        status: a.status,
        started_at: a.started_at,
        submitted_at: a.submitted_at,
        excluded: Number(a.excluded),
        language: a.language,
      }
    }
    if (a.questionnaire === null || a.item === null || a.value === null) continue
    const place = layout.places.get(a.questionnaire)?.get(a.item)
    if (!place) continue
    if ('column' in place) {
      row[place.column] = a.value
      continue
    }
    for (const column of place.options.values()) row[column] ??= 0
    const chosen = place.options.get(a.value)
    if (chosen) row[chosen] = 1
  }
  if (row) yield row
}
