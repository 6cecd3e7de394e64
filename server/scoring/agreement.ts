// Within-practice agreement: rwg(J) of James, Demaree & Wolf (1984) against a uniform null distribution.
import { mean, varianceFromSums } from './descriptive.js'

/** Below this rwg(J) a practice's score on a scale is flagged as low agreement. */
export const LOW_AGREEMENT = 0.7

/**
 * At or below this rwg(J) agreement is weak or absent (LeBreton & Senter 2008: .31–.50 weak, .00–.30 none), so the
 * score averages views that differ widely and reads differently: the scorecard says so beside it. Between this and
 * LOW_AGREEMENT agreement is moderate, as is usual for a practice's staff, and is left to the details.
 */
export const WIDE_DISAGREEMENT = 0.5

export const viewsDifferWidely = (rwg: number | null): boolean => rwg !== null && rwg <= WIDE_DISAGREEMENT

/** Variance of a discrete uniform distribution over A response options: (A² − 1) / 12; 2 for A = 5. */
export function uniformNullVariance(options: number): number {
  return (options * options - 1) / 12
}

export const LIKERT5_NULL_VARIANCE = uniformNullVariance(5)

export interface Agreement {
  rwg: number
  /** J: the items whose variance entered s̄² (those with at least two answers). */
  items: number
  /** s̄²: the mean of those items' sample variances. */
  meanItemVariance: number
}

/**
 * rwg(J) = J(1 − s̄²/σ²E) / (J(1 − s̄²/σ²E) + s̄²/σ²E), and 0 when s̄² ≥ σ²E (James et al.'s truncation).
 * NaN entries (items with fewer than two answers) are dropped; null when none is left.
 * With J = 1 this is the single-item rwg = 1 − s²/σ²E.
 */
export function rwgJ(itemVariances: ArrayLike<number>, expectedVariance = LIKERT5_NULL_VARIANCE): Agreement | null {
  const kept: number[] = []
  for (let i = 0; i < itemVariances.length; i++) {
    const v = itemVariances[i]!
    if (!Number.isNaN(v)) kept.push(v)
  }
  if (kept.length === 0) return null
  const J = kept.length
  const sBar = mean(kept)
  if (sBar >= expectedVariance) return { rwg: 0, items: J, meanItemVariance: sBar }
  const ratio = sBar / expectedVariance
  const agreement = J * (1 - ratio)
  return { rwg: agreement / (agreement + ratio), items: J, meanItemVariance: sBar }
}

/**
 * Each item's sample variance among the rows (respondents) that answered it; NaN with fewer than two
 * answers. Rows hold item values with NaN for missing. Exact for item codes, whatever the row order.
 */
export function itemVariances(rows: readonly ArrayLike<number>[], itemCount: number): Float64Array {
  const n = new Float64Array(itemCount)
  const total = new Float64Array(itemCount)
  const squares = new Float64Array(itemCount)
  for (const row of rows) {
    for (let i = 0; i < itemCount; i++) {
      const v = row[i]!
      if (Number.isNaN(v)) continue
      n[i]!++
      total[i]! += v
      squares[i]! += v * v
    }
  }
  const variances = new Float64Array(itemCount)
  for (let i = 0; i < itemCount; i++) variances[i] = varianceFromSums(n[i]!, total[i]!, squares[i]!)
  return variances
}

/** rwg(J) for the scale whose items are `items` (indices into the variances). */
export function scaleRwg(variances: Float64Array, items: readonly number[], expectedVariance = LIKERT5_NULL_VARIANCE): Agreement | null {
  return rwgJ(
    items.map((i) => variances[i]!),
    expectedVariance,
  )
}
