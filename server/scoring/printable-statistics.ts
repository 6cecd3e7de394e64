// Which statistics may be printed: alpha, ICC and a practice's confidence interval pass through these rules before a
// page shows them or an export writes them, so neither prints an alpha of −18.67 from four people or a CI of −74 to
// 174 on a 0–100 score. The raw figures stay exact in the scoring results; only what is printed changes.
// docs/scoring.md ("What is printed") gives the reasons for each threshold.
import type { Interval } from './practice-scores.js'

/** Alpha compares items with each other: a single item has nothing to be consistent with. */
export const MIN_ALPHA_ITEMS = 2
/** Complete respondents (every item of the scale answered) below which alpha is not printed. */
export const MIN_ALPHA_RESPONDENTS = 10
/** Practices, each with at least MIN_ICC_PRACTICE_RESPONDENTS scores, below which ICC(1) and ICC(2) are not printed. */
export const MIN_ICC_PRACTICES = 5
/** Scores a practice needs to count towards MIN_ICC_PRACTICES: one score says nothing about spread within a practice. */
export const MIN_ICC_PRACTICE_RESPONDENTS = 2
/** The range of a practice mean: likert5 items score 1–5 (0–100 after toScore100). */
export const MEAN_RANGE: Interval = { low: 1, high: 5 }

/** Why a figure is not printed; the exports write these codes in their `*_note` columns. */
export const WITHHELD_REASONS = [
  'too_few_items',
  'too_few_respondents',
  'too_few_practices',
  'no_variance',
  'negative',
  'wider_than_scale',
  'one_response',
] as const
export type WithheldReason = (typeof WITHHELD_REASONS)[number]

export type Printable = { shown: true; value: number } | { shown: false; reason: WithheldReason }

const shown = (value: number): Printable => ({ shown: true, value })
const withheld = (reason: WithheldReason): Printable => ({ shown: false, reason })

/**
 * Cronbach's alpha as computed by cronbachAlpha (`n` = complete respondents, `items` = J). Withheld below 2 items or
 * 10 complete respondents, when undefined (no variance in the item sum), and when negative: alpha is a reliability
 * only between 0 and 1, and below 0 its size means nothing, so the page says why instead of printing it.
 */
export function printableAlpha({ alpha, n, items }: { alpha: number | null; n: number; items: number }): Printable {
  if (items < MIN_ALPHA_ITEMS) return withheld('too_few_items')
  if (n < MIN_ALPHA_RESPONDENTS) return withheld('too_few_respondents')
  if (alpha === null) return withheld('no_variance')
  if (alpha < 0) return withheld('negative')
  return shown(alpha)
}

/**
 * ICC(1) and ICC(2) as computed by oneWayIcc, given how many practices entered them with at least 2 scores. Both are
 * withheld with fewer than 5 such practices, or when undefined. A negative ICC(2) (the reliability of practice means,
 * unbounded below) is withheld like a negative alpha; a negative ICC(1) is printed as it is, since it cannot fall
 * below −1/(k − 1) and reads as "no practice effect".
 */
export function printableIcc({ icc1, icc2, practices }: { icc1: number | null; icc2: number | null; practices: number }): { icc1: Printable; icc2: Printable } {
  if (practices < MIN_ICC_PRACTICES) return { icc1: withheld('too_few_practices'), icc2: withheld('too_few_practices') }
  return {
    icc1: icc1 === null ? withheld('no_variance') : shown(icc1),
    icc2: icc2 === null ? withheld('no_variance') : icc2 < 0 ? withheld('negative') : shown(icc2),
  }
}

export type PrintableInterval =
  { shown: true; low: number; high: number; clipped: boolean } | { shown: false; reason: 'one_response' | 'no_variance' | 'wider_than_scale' }

/** Narrower than this (on 1–5) an interval is taken to have no width: every answer was the same, up to rounding. */
const NO_WIDTH = 1e-9

/**
 * A 95% CI of a practice mean, on the scale `range` (1–5 by default). Withheld when there is none (one response), when
 * it has no width (everyone's score the same: "75–75" from three people claims a certainty they cannot give), and when
 * it is at least as wide as the whole scale: clipped, it would read as "anywhere from 0 to 100", which is no estimate.
 * Otherwise an end beyond the scale is clipped to it: the true mean lies within the scale, so the clipped interval
 * covers it whenever the computed one does, and it never shows a score the scale cannot have.
 */
export function printableInterval(ci: Interval | null, range: Interval = MEAN_RANGE): PrintableInterval {
  if (ci === null) return { shown: false, reason: 'one_response' }
  if (ci.high - ci.low < NO_WIDTH) return { shown: false, reason: 'no_variance' }
  if (ci.high - ci.low >= range.high - range.low) return { shown: false, reason: 'wider_than_scale' }
  const low = Math.max(ci.low, range.low)
  const high = Math.min(ci.high, range.high)
  return { shown: true, low, high, clipped: low !== ci.low || high !== ci.high }
}

export interface PrintableScaleStats {
  alpha: Printable
  icc1: Printable
  icc2: Printable
}

/** The printable alpha, ICC(1) and ICC(2) of a scale's statistics (ScaleStats from score-wave.ts). */
export function printableScaleStats(s: {
  alpha: number | null
  alphaN: number
  alphaItems: number
  icc1: number | null
  icc2: number | null
  iccPractices: number
}): PrintableScaleStats {
  return {
    alpha: printableAlpha({ alpha: s.alpha, n: s.alphaN, items: s.alphaItems }),
    ...printableIcc({ icc1: s.icc1, icc2: s.icc2, practices: s.iccPractices }),
  }
}
