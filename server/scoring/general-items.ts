// The 0–10 general items: each reported as its own per-practice mean, never mixed into a scale.
import type { Setting } from '../questionnaires/definition-schema.js'
import { audienceShown, shownSettings } from './complementary-suppression.js'
import { ascending, mean, sampleSd } from './descriptive.js'
import { codeTable } from './item-values.js'
import type { Respondent } from './respondent.js'
import { ScoringInputError } from './scoring-input-error.js'
import type { GeneralItem } from './scoring-plan.js'

export interface GeneralItemRef {
  practiceCode: string
  wave: string
  questionnaire: string
  item: string
}

export interface WithheldGeneralItem extends GeneralItemRef {
  withheld: true
}

export interface ShownGeneralItem extends GeneralItemRef {
  withheld: false
  n: number
  /** Mean of the 0–10 answers. */
  mean: number
  /** Sample SD; null when n < 2. */
  sd: number | null
}

export type GeneralItemResult = WithheldGeneralItem | ShownGeneralItem

/**
 * Rows ordered by practice code, then by the items' order in the questionnaire. Answers from settings
 * the item is not shown to are ignored, as for scored items. An item shown to some settings only is a
 * figure of those settings: withheld unless each has its count shown (audienceShown).
 */
export function generalItemResults(
  questionnaire: string,
  wave: string,
  items: readonly GeneralItem[],
  practices: ReadonlyMap<string, readonly Respondent[]>,
  thresholds: { minPracticeN: number; minBreakdownN: number },
): GeneralItemResult[] {
  const practiceResults = generalItemScorer(questionnaire, wave, items, thresholds)
  const rows: GeneralItemResult[] = []
  for (const [practiceCode, respondents] of practices) rows.push(...practiceResults(practiceCode, respondents))
  return rows
}

/** One practice's rows of generalItemResults, for a caller scoring practice by practice. */
export function generalItemScorer(
  questionnaire: string,
  wave: string,
  items: readonly GeneralItem[],
  thresholds: { minPracticeN: number; minBreakdownN: number },
): (practiceCode: string, respondents: readonly Respondent[]) => GeneralItemResult[] {
  const tables = items.map(codeTable)
  return (practiceCode, respondents) => {
    const rows: GeneralItemResult[] = []
    const counts = new Map<Setting, number>()
    for (const r of respondents) counts.set(r.setting, (counts.get(r.setting) ?? 0) + 1)
    const shown = shownSettings(counts, thresholds)
    items.forEach((item, i) => {
      const answers: number[] = []
      for (const r of respondents) {
        if (!item.settings.includes(r.setting)) continue
        const code = r.values.get(item.id)
        if (code === undefined || code.startsWith('nr_')) continue
        const value = tables[i]!.get(code)
        if (value === undefined) throw new ScoringInputError(r.responseId, item.id, code)
        answers.push(value)
      }
      const ref: GeneralItemRef = { practiceCode, wave, questionnaire, item: item.id }
      if (answers.length < thresholds.minPracticeN || !audienceShown(item.settings, shown)) {
        rows.push({ ...ref, withheld: true })
        return
      }
      const sorted = ascending(answers)
      rows.push({ ...ref, withheld: false, n: sorted.length, mean: mean(sorted), sd: sorted.length < 2 ? null : sampleSd(sorted) })
    })
    return rows
  }
}
