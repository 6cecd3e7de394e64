// Read-only questions asked of a questionnaire definition: what a setting sees, what a scale holds.
import {
  SETTINGS,
  type GeneralItem,
  type Item,
  type Questionnaire,
  type ScaleNode,
  type ScoredItem,
  type Section,
  type Setting,
} from './definition-schema.js'
import { itemTypeFor } from './item-types/item-type-registry.js'

export function fillIntervention(text: string, intervention: string): string {
  return text.replaceAll('{intervention}', intervention)
}

export function itemsShownTo(questionnaire: Questionnaire, setting: Setting): Item[] {
  return questionnaire.sections.flatMap((section) => section.items.filter((item) => item.settings.includes(setting)))
}

/** How long reading and answering one item takes: the basis of every time a survey is said to take. */
export const SECONDS_PER_ITEM = 7

/** The minutes a person in this setting takes over these questionnaires. */
export function minutesToAnswer(questionnaires: readonly Questionnaire[], setting: Setting): number {
  const items = questionnaires.reduce((n, q) => n + itemsShownTo(q, setting).length, 0)
  return (items * SECONDS_PER_ITEM) / 60
}

/** Whole minutes to promise before someone starts: for their setting when it is known, else for the setting asked most; at least 1. */
export function minutesToComplete(questionnaires: readonly Questionnaire[], setting?: Setting | null): number {
  const settings = setting ? [setting] : SETTINGS
  return Math.max(1, Math.ceil(Math.max(...settings.map((s) => minutesToAnswer(questionnaires, s)))))
}

export function sectionsShownTo(questionnaire: Questionnaire, setting: Setting): Section[] {
  return questionnaire.sections
    .map((section) => ({ ...section, items: section.items.filter((item) => item.settings.includes(setting)) }))
    .filter((section) => section.items.length > 0)
}

export function allItems(questionnaire: Questionnaire): Item[] {
  return questionnaire.sections.flatMap((section) => section.items)
}

/** The items that score into a scale, in questionnaire order. */
export function scoredItems(questionnaire: Questionnaire): ScoredItem[] {
  return allItems(questionnaire).flatMap((item) => {
    const scoring = itemTypeFor(item).scoring(item)
    return scoring.role === 'scale' ? [scoring.item] : []
  })
}

/** The items reported on their own (0–10), in questionnaire order. */
export function generalItems(questionnaire: Questionnaire): GeneralItem[] {
  return allItems(questionnaire).flatMap((item) => {
    const scoring = itemTypeFor(item).scoring(item)
    return scoring.role === 'general' ? [scoring.item] : []
  })
}

/** The items answered in the person's own words, which reports quote. */
export function freeTextItems(questionnaire: Questionnaire): Item[] {
  return allItems(questionnaire).filter((item) => itemTypeFor(item).freeText)
}

export interface ScaleInfo {
  /** Ids from the top level down to this scale, e.g. ['coherence'] or ['coherence', 'differentiation']. */
  path: string[]
  level: string
  node: ScaleNode
}

/** Every scale at every level, parents before their children. */
export function allScales(questionnaire: Questionnaire): ScaleInfo[] {
  const scoring = questionnaire.scoring
  if (!scoring) return []
  const out: ScaleInfo[] = []
  const walk = (nodes: ScaleNode[], prefix: string[]): void => {
    for (const node of nodes) {
      const path = [...prefix, node.id]
      out.push({ path, level: scoring.levels[path.length - 1]!.id, node })
      if (node.children) walk(node.children, path)
    }
  }
  walk(scoring.scales, [])
  return out
}

/** The items that score into a scale: those whose scale path starts with the scale's path. */
export function itemsInScale(questionnaire: Questionnaire, scalePath: readonly string[]): ScoredItem[] {
  return scoredItems(questionnaire).filter((item) => scalePath.every((id, i) => item.scale![i] === id))
}
