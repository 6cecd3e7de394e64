// The codebook export: one row per item of every questionnaire, with its codes and labels.
import { LIKERT5_LABELS, NOT_RELEVANT_LABELS } from '../questionnaires/answer-labels.js'
import type { Item, Questionnaire } from '../questionnaires/definition-schema.js'
import { allItems, itemRange } from '../questionnaires/questionnaire-model.js'

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
  const codes =
    item.type === 'single' || item.type === 'multi'
      ? item.options.map((o) => ({ code: o.code, label: o.label }))
      : item.type === 'likert5'
        ? LIKERT5_LABELS.map((label, i) => ({ code: String(i + 1), label }))
        : []
  const notRelevant = 'notRelevant' in item ? item.notRelevant.map((code) => ({ code, label: NOT_RELEVANT_LABELS[code] })) : []
  return [...codes, ...notRelevant]
}

/** Options as "code=label" pairs separated by " | ". */
export function codebookRows(questionnaires: readonly Questionnaire[]): CodebookRow[] {
  return questionnaires.flatMap((q) =>
    allItems(q).map((item) => {
      const range = itemRange(item)
      return {
        questionnaire: q.id,
        version: q.version,
        item: item.id,
        type: item.type,
        text: item.text,
        scale_path: item.type === 'likert5' && item.scale ? item.scale.join('/') : '',
        reverse: item.type === 'likert5' && item.reverse ? 1 : 0,
        min: range?.min ?? '',
        max: range?.max ?? '',
        options: itemCodes(item)
          .map(({ code, label }) => `${code}=${label}`)
          .join(' | '),
        settings: item.settings.join('|'),
        max_length: item.type === 'text' ? item.maxLength : '',
      }
    }),
  )
}
