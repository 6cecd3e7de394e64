// The codebook export: one row per item of every questionnaire, with its codes and labels.
import { NOT_RELEVANT_LABELS } from '../questionnaires/answer-labels.js'
import type { Item, Questionnaire } from '../questionnaires/definition-schema.js'
import { itemTypeFor } from '../questionnaires/item-types/item-type-registry.js'
import { allItems } from '../questionnaires/questionnaire-model.js'

export const CODEBOOK_COLUMNS = [
  'questionnaire',
  'version',
  'item',
  'type',
  'text',
  'scale_path',
  'reverse',
  'min',
  'max',
  'options',
  'settings',
  'max_length',
] as const

export type CodebookRow = Record<(typeof CODEBOOK_COLUMNS)[number], string | number>

/** Every stored code an item can hold with its label, in the order respondents see them: 1–5, options, then "not relevant". */
export function itemCodes(item: Item): { code: string; label: string }[] {
  const itemType = itemTypeFor(item)
  return [...itemType.valueLabels(item), ...itemType.notRelevantCodes(item).map((code) => ({ code, label: NOT_RELEVANT_LABELS[code] }))]
}

/** Options as "code=label" pairs separated by " | ". */
export function codebookRows(questionnaires: readonly Questionnaire[]): CodebookRow[] {
  return questionnaires.flatMap((q) =>
    allItems(q).map((item) => {
      const itemType = itemTypeFor(item)
      const range = itemType.numericRange(item)
      const { scalePath, maxLength } = itemType.codebookFields(item)
      return {
        questionnaire: q.id,
        version: q.version,
        item: item.id,
        type: item.type,
        text: item.text,
        scale_path: scalePath ? scalePath.join('/') : '',
        reverse: range?.reverse ? 1 : 0,
        min: range?.min ?? '',
        max: range?.max ?? '',
        options: itemCodes(item)
          .map(({ code, label }) => `${code}=${label}`)
          .join(' | '),
        settings: item.settings.join('|'),
        max_length: maxLength ?? '',
      }
    }),
  )
}
