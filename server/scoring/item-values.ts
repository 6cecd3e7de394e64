// Stored answer codes → numbers. Reverse-keyed likert5 items are flipped (min + max − x = 6 − x);
// "not relevant" codes (nr_*) and unanswered items are missing (NaN).
import type { Item } from '../questionnaires/definition-schema.js'
import { itemTypeFor } from '../questionnaires/item-types/item-type-registry.js'
import type { Respondent } from './respondent.js'
import { ScoringInputError } from './scoring-input-error.js'
import type { ScoringPlan } from './scoring-plan.js'

/** Code → value for one item, e.g. a reverse likert5 item: '1' → 5 … '5' → 1. */
export function codeTable(item: Item): ReadonlyMap<string, number> {
  const range = itemTypeFor(item).numericRange(item)
  if (!range) throw new TypeError(`item "${item.id}" (${item.type}) has no numeric values`)
  const table = new Map<string, number>()
  for (let x = range.min; x <= range.max; x++) table.set(String(x), range.reverse ? range.min + range.max - x : x)
  return table
}

/**
 * The numeric value of one stored code: a number, or undefined when missing (no answer or nr_*).
 * Throws ScoringInputError for a code the item cannot hold.
 */
export function itemValue(item: Item, code: string | undefined, responseId = 0): number | undefined {
  if (code === undefined || code.startsWith('nr_')) return undefined
  const value = codeTable(item).get(code)
  if (value === undefined) throw new ScoringInputError(responseId, item.id, code)
  return value
}

/**
 * Compiles the scored items once so a whole wave is read quickly. An answer stored for an item not
 * shown to the respondent's setting is ignored (missing), so it enters no score, rwg or alpha.
 */
export function itemValueReader(plan: ScoringPlan): (respondent: Respondent) => Float64Array {
  const ids = plan.items.map((item) => item.id)
  // Scored items are likert5: '1'..'5' is one character, char code 49..53; reversed, 6 − x.
  const reverse = plan.items.map((item) => item.reverse)
  const settings = plan.items.map((item) => item.settings)
  return (respondent) => {
    const values = new Float64Array(ids.length).fill(Number.NaN)
    for (let i = 0; i < ids.length; i++) {
      if (!settings[i]!.includes(respondent.setting)) continue
      const code = respondent.values.get(ids[i]!)
      if (code === undefined) continue
      const c = code.length === 1 ? code.charCodeAt(0) - 48 : 0
      if (c >= 1 && c <= 5) values[i] = reverse[i] ? 6 - c : c
      else if (!code.startsWith('nr_')) throw new ScoringInputError(respondent.responseId, ids[i]!, code)
    }
    return values
  }
}
