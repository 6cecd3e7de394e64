// What the types with fixed codes (radios and checkboxes) share: parsing chosen codes and reading them back as labels.
import { isNotRelevantCode, notRelevantLabel } from '../answer-labels.js'
import type { ParsedAnswer, Wording } from './item-type-module.js'
import { TamperedInputError } from './tampered-input-error.js'

/** The codes chosen, each one offered; more than one only when `many`. An empty value is a blank choice. */
export function parseCodes(itemId: string, sent: readonly string[], allowedValues: readonly string[], { many }: { many: boolean }): ParsedAnswer {
  const chosen = sent.filter((value) => value !== '')
  const allowed = new Set(allowedValues)
  const unknown = chosen.find((value) => !allowed.has(value))
  if (unknown !== undefined) throw new TamperedInputError(`"${itemId}" has no option "${unknown}"`)
  if (!many && chosen.length > 1) throw new TamperedInputError(`"${itemId}" takes one answer`)
  if (new Set(chosen).size !== chosen.length) throw new TamperedInputError(`"${itemId}" repeats an option`)
  return { values: chosen }
}

/** Stored codes as their labels: "not relevant" codes by theirs, others by `label`, a code without a label as itself. */
export function codeLabels(values: readonly string[], { fill, t }: Wording, label: (code: string) => string | undefined): string[] {
  return values.map((value) => {
    if (value.startsWith('nr_')) return isNotRelevantCode(value) ? fill(notRelevantLabel(value, t)) : value
    return label(value) ?? value
  })
}
