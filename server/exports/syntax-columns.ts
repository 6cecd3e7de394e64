// What each column of the responses file holds, for the SPSS and Stata syntax files that read it: how to read it,
// its label and its value labels. Built from the same response layout and definitions as the export itself.
import { NOT_RELEVANT_CODES, type NotRelevantCode, type Questionnaire } from '../questionnaires/definition-schema.js'
import { itemTypeFor } from '../questionnaires/item-types/item-type-registry.js'
import { allItems, fillIntervention } from '../questionnaires/questionnaire-model.js'
import { type PRACTICE_CONTEXT_COLUMNS } from './practice-context.js'
import { type RESPONSE_COLUMNS, type ResponseLayout } from './response-rows.js'

export interface ValueLabel {
  value: number
  label: string
}

/**
 * How a column is read: `text` stays text; `number` holds numbers (1–5, 0–10, 0/1, counts) with their "not relevant"
 * codes, if any, recoded to `NOT_RELEVANT_NUMBERS`; `coded` holds string codes, recoded to 1…k in the order given.
 */
export type SyntaxColumn =
  | { name: string; label: string; kind: 'text'; width: number }
  | { name: string; label: string; kind: 'number'; valueLabels: ValueLabel[]; notRelevant: readonly NotRelevantCode[]; ordinal: boolean }
  | { name: string; label: string; kind: 'coded'; codes: { code: string; label: string }[] }

/** The numbers "not relevant" codes become: outside every item's range (1–5, 0–10), and declared missing. */
export const NOT_RELEVANT_NUMBERS: Record<NotRelevantCode, number> = { nr_role: 97, nr_stage: 98, nr_intervention: 99 }

/** The labels the syntax files give, in the programme's default language. */
export interface SyntaxLabels {
  columns: Record<(typeof RESPONSE_COLUMNS)[number] | (typeof PRACTICE_CONTEXT_COLUMNS)[number], string>
  likert5: readonly string[]
  notRelevant: Record<NotRelevantCode, string>
  chosen: { yes: string; no: string }
  waves: { code: string; label: string }[]
  roles: { code: string; label: string }[]
  settings: { code: string; label: string }[]
  statuses: { code: string; label: string }[]
  languages: { code: string; label: string }[]
  rurality: { code: string; label: string }[]
  stages: { code: string; label: string }[]
}

export interface SyntaxColumnsInput {
  layout: ResponseLayout
  /** As the layout was made from: each questionnaire with its definitions, newest first. */
  definitions: readonly { id: string; versions: readonly Questionnaire[] }[]
  /** The current definition in the programme's default language, for the wording of labels. */
  localised: (questionnaireId: string) => Questionnaire | undefined
  intervention: string
  labels: SyntaxLabels
}

const TEXT_WIDTH = 64
const DATE_WIDTH = 24

function fixedColumns(labels: SyntaxLabels): SyntaxColumn[] {
  const c = labels.columns
  const text = (name: keyof SyntaxLabels['columns'], width = TEXT_WIDTH): SyntaxColumn => ({ name, label: c[name], kind: 'text', width })
  const coded = (name: keyof SyntaxLabels['columns'], codes: SyntaxLabels['waves']): SyntaxColumn => ({ name, label: c[name], kind: 'coded', codes })
  const number = (name: keyof SyntaxLabels['columns'], valueLabels: ValueLabel[] = [], ordinal = false): SyntaxColumn => ({
    name,
    label: c[name],
    kind: 'number',
    valueLabels,
    notRelevant: [],
    ordinal,
  })
  return [
    number('response_id'),
    text('practice_code'),
    coded('wave', labels.waves),
    coded('role', labels.roles),
    coded('setting', labels.settings),
    coded('status', labels.statuses),
    text('started_at', DATE_WIDTH),
    text('submitted_at', DATE_WIDTH),
    number('excluded', [
      { value: 0, label: labels.chosen.no },
      { value: 1, label: labels.chosen.yes },
    ]),
    coded('language', labels.languages),
    number('practice_list_size'),
    number('practice_deprivation_quintile', [], true),
    coded('practice_rurality', labels.rurality),
    text('practice_sp_model', 200),
    coded('practice_stage', labels.stages),
  ]
}

/** Every column of the responses file, in its order. */
export function syntaxColumns({ layout, definitions, localised, intervention, labels }: SyntaxColumnsInput): SyntaxColumn[] {
  const fill = (text: string) => fillIntervention(text, intervention).replace(/\s+/g, ' ')
  const byColumn = new Map<string, SyntaxColumn>()
  for (const { id, versions } of definitions) {
    const places = layout.places.get(id)
    const wording = new Map(allItems(localised(id) ?? versions[0]!).map((item) => [item.id, item]))
    for (const item of versions.flatMap(allItems)) {
      const place = places?.get(item.id)
      if (!place) continue
      const itemType = itemTypeFor(item)
      const worded = wording.get(item.id) ?? item
      const text = fill(worded.text)
      const wordedLabels = new Map(
        itemTypeFor(worded)
          .valueLabels(worded)
          .map(({ code, label }) => [code, fill(label)]),
      )
      const codes = itemType.valueLabels(item).map(({ code, label }) => ({ code, label: wordedLabels.get(code) ?? fill(label) }))
      if (!('column' in place)) {
        for (const { code, label } of codes) {
          const name = place.options.get(code)
          if (name && !byColumn.has(name)) byColumn.set(name, optionColumn(name, `${text}: ${label}`, labels))
        }
        continue
      }
      const known = byColumn.get(place.column)
      if (known?.kind === 'coded') known.codes.push(...codes.filter((c) => !known.codes.some((k) => k.code === c.code)))
      if (known) continue
      byColumn.set(place.column, itemColumn(place.column, text, item, codes, labels))
    }
  }
  const fixed = fixedColumns(labels)
  const items = layout.columns.filter((name) => !fixed.some((f) => f.name === name)).map((name) => byColumn.get(name) ?? unknownColumn(name))
  return [...fixed, ...items]
}

function optionColumn(name: string, label: string, labels: SyntaxLabels): SyntaxColumn {
  const valueLabels = [
    { value: 0, label: labels.chosen.no },
    { value: 1, label: labels.chosen.yes },
  ]
  return { name, label, kind: 'number', valueLabels, notRelevant: [], ordinal: false }
}

function itemColumn(name: string, label: string, item: ReturnType<typeof allItems>[number], codes: { code: string; label: string }[], labels: SyntaxLabels) {
  const itemType = itemTypeFor(item)
  const range = itemType.numericRange(item)
  if (itemType.freeText || (!range && codes.length === 0)) {
    const maxLength = itemType.codebookFields(item).maxLength ?? 1000
    // Widths are in bytes: four per character holds any UTF-8 text; 32767 is the longest string SPSS holds.
    return { name, label, kind: 'text', width: Math.min(32767, maxLength * 4) } satisfies SyntaxColumn
  }
  if (!range) return { name, label, kind: 'coded', codes: [...codes] } satisfies SyntaxColumn
  const notRelevant = NOT_RELEVANT_CODES.filter((code) => itemType.notRelevantCodes(item).includes(code))
  const likert = range.min === 1 && range.max === labels.likert5.length && codes.length === labels.likert5.length
  const valueLabels = codes.map(({ code, label }, i) => ({ value: Number(code), label: likert ? labels.likert5[i]! : label }))
  return {
    name,
    label,
    kind: 'number',
    valueLabels: [...valueLabels, ...notRelevant.map((code) => ({ value: NOT_RELEVANT_NUMBERS[code], label: labels.notRelevant[code] }))],
    notRelevant,
    ordinal: true,
  } satisfies SyntaxColumn
}

// A column the layout has but no definition explains (not expected): read as text, so nothing is lost.
const unknownColumn = (name: string): SyntaxColumn => ({ name, label: name, kind: 'text', width: 1000 })
