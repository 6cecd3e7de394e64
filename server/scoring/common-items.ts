// Two versions of a questionnaire compared on the scored items they share: which items those are, and copies of both
// definitions restricted to them, so a change across versions compares like with like.
import type { Item, Questionnaire, ScoredItem } from '../questionnaires/definition-schema.js'
import { itemTypeFor } from '../questionnaires/item-types/item-type-registry.js'
import { scoredItems } from '../questionnaires/questionnaire-model.js'

/** A scored item only one of the two versions asks, or that the two ask differently. */
export interface LeftOutItem {
  id: string
  /** Its wording in the version that asks it (the later one's when both do). */
  text: string
}

/** What changed between the versions two waves were answered in; only scored items count. */
export interface VersionBreak {
  questionnaire: string
  versionFrom: number
  versionTo: number
  /** Ids of the scored items both versions ask the same way, in the later version's order. */
  compared: string[]
  /** The scored items left out of the change, in the later version's order, then the earlier one's. */
  leftOut: LeftOutItem[]
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i])

/**
 * "The same item" in two versions: the same id, the same type, the same scale path, the same stored codes scored the
 * same way (range and reverse keying) and shown to the same settings. Its wording may differ (a fixed typo, a
 * translation), and so may its "not relevant" choices, which never enter a score.
 */
export function sameScoredItem(a: ScoredItem, b: ScoredItem): boolean {
  const ra = itemTypeFor(a).numericRange(a)
  const rb = itemTypeFor(b).numericRange(b)
  return (
    a.id === b.id &&
    a.type === b.type &&
    sameList(a.scale ?? [], b.scale ?? []) &&
    ra?.min === rb?.min &&
    ra?.max === rb?.max &&
    ra?.reverse === rb?.reverse &&
    sameList([...a.settings].sort(), [...b.settings].sort())
  )
}

/** The ids of the scored items `a` and `b` both ask the same way, in `b`'s order. */
export function commonScoredItemIds(a: Questionnaire, b: Questionnaire): string[] {
  const inA = new Map(scoredItems(a).map((item) => [item.id, item]))
  return scoredItems(b)
    .filter((item) => {
      const other = inA.get(item.id)
      return other !== undefined && sameScoredItem(other, item)
    })
    .map((item) => item.id)
}

/**
 * A copy of `definition` whose scored items are only those `other` also asks the same way (sameScoredItem); its other
 * items, scales and bands are kept. A scale left with no items gets no scores, so its change is withheld.
 */
export function commonItemsDefinition(definition: Questionnaire, other: Questionnaire): Questionnaire {
  const keep = new Set(commonScoredItemIds(other, definition))
  const scored = new Set(scoredItems(definition).map((item) => item.id))
  const kept = (item: Item) => !scored.has(item.id) || keep.has(item.id)
  return { ...definition, sections: definition.sections.map((section) => ({ ...section, items: section.items.filter(kept) })) }
}

/** The break between the versions two waves were answered in; null when they are the same version. */
export function versionBreak(from: Questionnaire, to: Questionnaire): VersionBreak | null {
  if (from.id !== to.id) throw new RangeError(`cannot compare questionnaire "${from.id}" with "${to.id}"`)
  if (from.version === to.version) return null
  const compared = commonScoredItemIds(from, to)
  const shared = new Set(compared)
  const seen = new Set<string>()
  const leftOut: LeftOutItem[] = []
  for (const item of [...scoredItems(to), ...scoredItems(from)]) {
    if (shared.has(item.id) || seen.has(item.id)) continue
    seen.add(item.id)
    leftOut.push({ id: item.id, text: item.text })
  }
  return { questionnaire: to.id, versionFrom: from.version, versionTo: to.version, compared, leftOut }
}

/**
 * The definitions a change scores its two waves on: each wave's own when both were answered in one version, else each
 * restricted to the scored items both versions ask the same way; `found` is then the break, saying what is left out.
 */
export function comparedDefinitions(from: Questionnaire, to: Questionnaire): { from: Questionnaire; to: Questionnaire; found: VersionBreak | null } {
  const found = versionBreak(from, to)
  return found ? { from: commonItemsDefinition(from, to), to: commonItemsDefinition(to, from), found } : { from, to, found }
}
