// Instrument quality from a programme's own answers: per scale alpha (with Feldt's interval), omega, the mean
// inter-item correlation; per item its spread of answers, "not relevant" and missing shares, item–rest correlation
// and alpha if dropped, with flags in words. Pure: plain data in, plain data out. docs/scoring.md, "Instrument quality".
import { itemTypeFor } from '../questionnaires/item-types/item-type-registry.js'
import { mean, sampleSd } from './descriptive.js'
import { itemValueReader } from './item-values.js'
import { oneFactorMl, omegaTotal } from './one-factor.js'
import { cronbachAlpha, feldtInterval } from './reliability.js'
import type { Setting } from '../questionnaires/definition-schema.js'
import type { Respondent } from './respondent.js'
import type { PlannedScale, ScoringPlan } from './scoring-plan.js'

/** Complete cases (every item of the scale answered) below which no scale figure, item–rest or alpha if dropped is given. */
export const MIN_COMPLETE_CASES = 10
/** Answers below which an item's mean, SD, floor and ceiling are not given; respondents shown it, for its shares. */
export const MIN_ITEM_ANSWERS = 5
/** Omega needs a one-factor model, identified from three items. */
export const MIN_OMEGA_ITEMS = 3
export const FLAG_ITEM_REST_BELOW = 0.3
export const FLAG_NOT_RELEVANT_ABOVE = 0.5
export const FLAG_FLOOR_CEILING_ABOVE = 0.8

export const ITEM_FLAGS = ['low_item_rest', 'mostly_not_relevant', 'floor', 'ceiling'] as const
export type ItemFlag = (typeof ITEM_FLAGS)[number]
export type QualityNote = 'too_few_items' | 'too_few_cases' | 'too_few_answers' | 'no_variance' | 'not_converged'

export interface ItemInScale {
  item: string
  itemRest: number | null
  alphaIfDropped: number | null
  itemRestNote: QualityNote | null
  alphaIfDroppedNote: QualityNote | null
}

export interface ScaleQuality {
  questionnaire: string
  level: string
  scale: string
  name: string
  items: number
  nComplete: number
  alpha: number | null
  alphaLow: number | null
  alphaHigh: number | null
  alphaNote: QualityNote | null
  omega: number | null
  omegaNote: QualityNote | null
  meanR: number | null
  meanRNote: QualityNote | null
  members: ItemInScale[]
}

export interface ItemQuality {
  questionnaire: string
  item: string
  /** The scale the item's flags are judged in: the deepest one holding it with at least two items. */
  scale: string | null
  reverse: boolean
  /** Respondents whose setting is shown the item: the denominator of its shares. */
  nShown: number
  nAnswered: number
  mean: number | null
  sd: number | null
  /** Shares of the answers at the lowest (1) and highest (5) scored value, after reverse scoring. */
  floor: number | null
  ceiling: number | null
  descriptivesNote: QualityNote | null
  notRelevant: { code: string; share: number | null }[]
  /** Every "not relevant" choice together, the share the flag is judged on. */
  notRelevantShare: number | null
  missing: number | null
  sharesNote: QualityNote | null
  itemRest: number | null
  alphaIfDropped: number | null
  flags: ItemFlag[]
}

export interface InstrumentQuality {
  questionnaire: string
  scales: ScaleQuality[]
  items: ItemQuality[]
}

/**
 * `setting`: the respondents are of that setting alone, and each scale is analysed on the items shown to it. Without
 * one, a scale's items are all its items, as the scorecard's alpha: where settings are asked different items, only
 * a setting's own respondents have complete cases.
 */
export function analyseItems(plan: ScoringPlan, respondents: readonly Respondent[], setting?: Setting): InstrumentQuality {
  const read = itemValueReader(plan)
  const values = respondents.map(read)
  const itemsOf = (scale: PlannedScale) => (setting ? scale.shown[setting] : scale.items)
  const scales = plan.scales.map((scale) => scaleQuality(plan.questionnaire, scale, itemsOf(scale), values, plan))
  const items = plan.items.map((item, i) => {
    const shown = respondents.filter((r) => item.settings.includes(r.setting))
    const answered = values.filter((v) => !Number.isNaN(v[i]!)).map((v) => v[i]!)
    const home = homeScale(scales, plan.scales.map(itemsOf), plan.scales, i)
    const member = home?.members.find((m) => m.item === item.id)
    const enough = answered.length >= MIN_ITEM_ANSWERS
    const sharesShown = shown.length >= MIN_ITEM_ANSWERS
    const codes = itemTypeFor(item).notRelevantCodes(item)
    const share = (count: number) => (sharesShown ? count / shown.length : null)
    const nrCount = (code: string) => shown.filter((r) => r.values.get(item.id) === code).length
    const anyNr = shown.filter((r) => r.values.get(item.id)?.startsWith('nr_')).length
    const result: ItemQuality = {
      questionnaire: plan.questionnaire,
      item: item.id,
      scale: home?.scale ?? null,
      reverse: item.reverse,
      nShown: shown.length,
      nAnswered: answered.length,
      mean: enough ? mean(answered) : null,
      sd: enough ? sampleSd(answered) : null,
      floor: enough ? answered.filter((v) => v === 1).length / answered.length : null,
      ceiling: enough ? answered.filter((v) => v === 5).length / answered.length : null,
      descriptivesNote: enough ? null : 'too_few_answers',
      notRelevant: codes.map((code) => ({ code, share: share(nrCount(code)) })),
      notRelevantShare: share(anyNr),
      missing: share(shown.length - answered.length - anyNr),
      sharesNote: sharesShown ? null : 'too_few_answers',
      itemRest: member?.itemRest ?? null,
      alphaIfDropped: member?.alphaIfDropped ?? null,
      flags: [],
    }
    result.flags = itemFlags(result, result.itemRest)
    return result
  })
  // A scale none of whose items the setting is shown is not one of that setting's scales.
  return { questionnaire: plan.questionnaire, scales: scales.filter((_, s) => itemsOf(plan.scales[s]!).length > 0), items }
}

/** The flags of an item judged in a scale where its item–rest correlation is `itemRest` (null when not given). */
export function itemFlags(item: Omit<ItemQuality, 'flags'>, itemRest: number | null): ItemFlag[] {
  const flags: ItemFlag[] = []
  if (itemRest !== null && itemRest < FLAG_ITEM_REST_BELOW) flags.push('low_item_rest')
  if (item.notRelevantShare !== null && item.notRelevantShare > FLAG_NOT_RELEVANT_ABOVE) flags.push('mostly_not_relevant')
  if (item.floor !== null && item.floor > FLAG_FLOOR_CEILING_ABOVE) flags.push('floor')
  if (item.ceiling !== null && item.ceiling > FLAG_FLOOR_CEILING_ABOVE) flags.push('ceiling')
  return flags
}

/** The deepest scale holding item i with at least two items (plan.scales lists parents before children). */
function homeScale(
  results: readonly ScaleQuality[],
  items: readonly (readonly number[])[],
  planned: readonly PlannedScale[],
  i: number,
): ScaleQuality | undefined {
  let home = -1
  planned.forEach((scale, s) => {
    if (items[s]!.length >= 2 && items[s]!.includes(i) && (home < 0 || scale.path.length > planned[home]!.path.length)) home = s
  })
  return home < 0 ? undefined : results[home]
}

function scaleQuality(
  questionnaire: string,
  scale: PlannedScale,
  scaleItems: readonly number[],
  values: readonly Float64Array[],
  plan: ScoringPlan,
): ScaleQuality {
  const J = scaleItems.length
  const complete = values.filter((v) => scaleItems.every((i) => !Number.isNaN(v[i]!)))
  const n = complete.length
  const base = { questionnaire, level: scale.level, scale: scale.key, name: scale.name, items: J, nComplete: n }
  const ids = scaleItems.map((i) => plan.items[i]!.id)
  const withheld = (note: QualityNote): ScaleQuality => ({
    ...base,
    alpha: null,
    alphaLow: null,
    alphaHigh: null,
    alphaNote: note,
    omega: null,
    omegaNote: note,
    meanR: null,
    meanRNote: note,
    members: ids.map((item) => ({ item, itemRest: null, alphaIfDropped: null, itemRestNote: note, alphaIfDroppedNote: note })),
  })
  if (J < 2) return withheld('too_few_items')
  if (n < MIN_COMPLETE_CASES) return withheld('too_few_cases')

  const columns = scaleItems.map((i) => complete.map((v) => v[i]!))
  const { alpha } = cronbachAlpha(complete, scaleItems)
  const interval = alpha === null ? null : feldtInterval(alpha, n, J)
  const r = columns.map((x) => columns.map((y) => correlation(x, y)))
  const offDiagonal = r.flatMap((row, a) => row.filter((_, b) => b > a))
  const constant = offDiagonal.some(Number.isNaN)
  let omega: number | null = null
  let omegaNote: QualityNote | null = null
  if (J < MIN_OMEGA_ITEMS) omegaNote = 'too_few_items'
  else if (constant) omegaNote = 'no_variance'
  else {
    const fit = oneFactorMl(r.map((row, a) => row.map((x, b) => (a === b ? 1 : x))))
    if (fit.converged) omega = omegaTotal(fit)
    else omegaNote = 'not_converged'
  }
  const totals = complete.map((v) => scaleItems.reduce((t, i) => t + v[i]!, 0))
  const members = scaleItems.map((i, j): ItemInScale => {
    const rest = complete.map((v, k) => totals[k]! - v[i]!)
    const itemRest = correlation(columns[j]!, rest)
    const dropped =
      J > 2
        ? cronbachAlpha(
            complete,
            scaleItems.filter((x) => x !== i),
          ).alpha
        : null
    return {
      item: ids[j]!,
      itemRest: Number.isNaN(itemRest) ? null : itemRest,
      alphaIfDropped: dropped,
      itemRestNote: Number.isNaN(itemRest) ? 'no_variance' : null,
      alphaIfDroppedNote: J <= 2 ? 'too_few_items' : dropped === null ? 'no_variance' : null,
    }
  })
  return {
    ...base,
    alpha,
    alphaLow: interval?.low ?? null,
    alphaHigh: interval?.high ?? null,
    alphaNote: alpha === null ? 'no_variance' : null,
    omega,
    omegaNote,
    meanR: constant ? null : offDiagonal.reduce((a, b) => a + b, 0) / offDiagonal.length,
    meanRNote: constant ? 'no_variance' : null,
    members,
  }
}

/** Pearson's r, two-pass; NaN when either list has no variance. */
export function correlation(x: readonly number[], y: readonly number[]): number {
  const mx = mean(x)
  const my = mean(y)
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let k = 0; k < x.length; k++) {
    const dx = x[k]! - mx
    const dy = y[k]! - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy)
}
