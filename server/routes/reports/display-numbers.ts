// How figures are rounded for display, in one place: scores (0–100) to whole numbers, 0–10 means to one
// decimal place, agreement and reliability coefficients to two. Figures are computed at full precision
// and rounded only here, so every figure shown is the export's figure rounded.

const MINUS = '\u2212'

/** Rounds half away from zero, as toFixed does, and never shows "-0". */
function fixed(x: number, dp: number): string {
  const text = Math.abs(x).toFixed(dp)
  return x < 0 && Number(text) !== 0 ? `${MINUS}${text}` : text
}

/** A 0–100 score: "62". */
export const formatScore = (score: number): string => fixed(score, 0)

/** The number a chart draws for a score: the displayed figure, so a chart and its table agree. */
export const chartScore = (score: number): number => Number(fixed(score, 0).replace(MINUS, '-'))

/** A 95% CI on 0–100: "45–62". The interval is not clipped, so it may run below 0 or above 100. */
export const formatInterval = (interval: { low: number; high: number }): string => `${formatScore(interval.low)}\u2013${formatScore(interval.high)}`

/** A change in score points: "+6", "−3" or "0". */
export function formatChange(points: number): string {
  const text = formatScore(points)
  return Number(text.replace(MINUS, '-')) > 0 ? `+${text}` : text
}

/** A mean of 0–10 answers: "6.4". */
export const formatMean10 = (mean: number): string => fixed(mean, 1)

/** rwg(J), alpha, ICC: "0.41", "−0.05". */
export const formatCoefficient = (x: number): string => fixed(x, 2)

/** A count: "1,234". */
export const formatCount = (n: number): string => n.toLocaleString('en-GB')

/** A rate as a whole percentage: "45%". */
export const formatPercent = (numerator: number, denominator: number): string => `${fixed((numerator / denominator) * 100, 0)}%`

/** What a withheld figure says instead of a number. */
export const fewerThan = (threshold: number): string => `Fewer than ${threshold} responses`
