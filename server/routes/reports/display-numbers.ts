// How figures are rounded for display, in one place: scores (0–100) to whole numbers, 0–10 means to one
// decimal place, agreement and reliability coefficients to two. Figures are computed at full precision
// and rounded only here, so every figure shown is the export's figure rounded. The page's `format` gives the
// language's decimal separator ("6.4", "6,4") and grouping ("1,234", "1.234"); English when none is given.
import { formats, type Formats } from '../../i18n/format.js'
import { english, type Translate } from '../../i18n/translate.js'

const MINUS = '\u2212'
const ENGLISH = formats('en-GB')

/** Rounds half away from zero, as toFixed does, and never shows "-0"; the decimal point as the language writes it. */
function fixed(x: number, dp: number, format: Formats = ENGLISH): string {
  const text = Math.abs(x).toFixed(dp)
  const local = dp > 0 ? text.replace('.', decimalSeparator(format)) : text
  return x < 0 && Number(text) !== 0 ? `${MINUS}${local}` : local
}

const decimalSeparator = (format: Formats) => format.number(1.5, 1).charAt(1)

/** A 0–100 score: "62". */
export const formatScore = (score: number): string => fixed(score, 0)

/** The number a chart draws for a score: the displayed figure, so a chart and its table agree. */
export const chartScore = (score: number): number => Number(fixed(score, 0).replace(MINUS, '-'))

/** A 95% CI on 0–100: "45–62". Pass the interval printable-statistics.ts allows (clipped to 0–100), not the raw one. */
export const formatInterval = (interval: { low: number; high: number }): string => `${formatScore(interval.low)}\u2013${formatScore(interval.high)}`

/** A change in score points: "+6", "−3" or "0". */
export function formatChange(points: number): string {
  const text = formatScore(points)
  return Number(text.replace(MINUS, '-')) > 0 ? `+${text}` : text
}

/** A mean of 0–10 answers: "6.4" ("6,4" in Dutch). */
export const formatMean10 = (mean: number, format: Formats = ENGLISH): string => fixed(mean, 1, format)

/** rwg(J), alpha, ICC: "0.41", "−0.05" ("0,41", "−0,05" in Dutch). */
export const formatCoefficient = (x: number, format: Formats = ENGLISH): string => fixed(x, 2, format)

/** A count: "1,234" ("1.234" in Dutch). */
export const formatCount = (n: number, format: Formats = ENGLISH): string => format.number(n)

/** A rate as a whole percentage: "45%" (Dutch writes it the same). */
export const formatPercent = (numerator: number, denominator: number): string => `${fixed((numerator / denominator) * 100, 0)}%`

/** What a withheld figure says instead of a number. */
export const fewerThan = (threshold: number, t: Translate = english): string => t('reports:fewerThan', { count: threshold })

/** A p-value to three decimal places ("0.034"), or "below 0.001" where three places would show 0. */
export function formatP(p: number, format: Formats = ENGLISH, t: Translate = english): string {
  return p < 0.001 ? t('reports:details.below', { value: fixed(0.001, 3, format) }) : fixed(p, 3, format)
}
