// A questionnaire compiled for scoring: its scored items in a fixed order, and for every scale the items
// it holds, those shown to each setting and how many of those a respondent must answer.
import { SETTINGS, type Band, type GeneralItem, type Questionnaire, type ScoredItem, type Setting } from '../questionnaires/definition-schema.js'
import { allScales, generalItems, scoredItems } from '../questionnaires/questionnaire-model.js'

export type { GeneralItem } from '../questionnaires/definition-schema.js'

export interface PlannedScale {
  questionnaire: string
  level: string
  /** Scale ids from the top level down, e.g. ['coherence', 'differentiation']. */
  path: readonly string[]
  /** The path joined with '/': unique within the questionnaire, used as the `scale` column. */
  key: string
  name: string
  /** Indices into ScoringPlan.items of every item in this scale, whatever the setting. */
  items: readonly number[]
  /** The items of this scale shown to each setting. */
  shown: Readonly<Record<Setting, readonly number[]>>
  /** Answers needed for a score: ceil(minAnswered × items shown to the setting); 0 when none is shown. */
  required: Readonly<Record<Setting, number>>
}

export interface ScoringPlan {
  questionnaire: string
  version: number
  items: readonly ScoredItem[]
  scales: readonly PlannedScale[]
  generalItems: readonly GeneralItem[]
  bands: readonly Band[]
  minAnswered: number
}

/**
 * ceil(fraction × count), robust to floating point: a product within 1e-9 of a whole number is that
 * number, so 0.7 × 10 (7.000000000000001 in binary) needs 7 answers, not 8.
 */
export function requiredAnswers(fraction: number, count: number): number {
  const product = fraction * count
  const nearest = Math.round(product)
  return Math.abs(product - nearest) < 1e-9 ? nearest : Math.ceil(product)
}

export function buildScoringPlan(questionnaire: Questionnaire): ScoringPlan {
  const items = scoredItems(questionnaire)
  const position = new Map(items.map((item, i) => [item.id, i]))
  const minAnswered = questionnaire.scoring?.minAnswered ?? 0.5
  const scales = allScales(questionnaire).map((info): PlannedScale => {
    const inScale = items.filter((item) => info.path.every((id, i) => item.scale![i] === id)).map((item) => position.get(item.id)!)
    const shown = {} as Record<Setting, number[]>
    const required = {} as Record<Setting, number>
    for (const setting of SETTINGS) {
      shown[setting] = inScale.filter((i) => items[i]!.settings.includes(setting))
      required[setting] = requiredAnswers(minAnswered, shown[setting].length)
    }
    return {
      questionnaire: questionnaire.id,
      level: info.level,
      path: info.path,
      key: info.path.join('/'),
      name: info.node.name,
      items: inScale,
      shown,
      required,
    }
  })
  return {
    questionnaire: questionnaire.id,
    version: questionnaire.version,
    items,
    scales,
    generalItems: generalItems(questionnaire),
    bands: questionnaire.scoring?.bands ?? [],
    minAnswered,
  }
}
