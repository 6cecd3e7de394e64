// Internal consistency: Cronbach's alpha over respondents with every item answered (listwise).
import { varianceFromSums } from './descriptive.js'

export interface Reliability {
  /** null when undefined: fewer than 2 items, fewer than 2 complete respondents, or a total with no variance. */
  alpha: number | null
  /** Respondents with every item non-missing: those alpha was computed from. */
  n: number
  items: number
}

/**
 * α = J/(J − 1) · (1 − Σ item variances / variance of the item sum), sample variances (n − 1).
 * Rows are respondents' item values (NaN = missing); rows with any missing value are dropped.
 * Designed for item codes (small integers), whose sums are exact, so the row order cannot matter.
 */
export function cronbachAlpha(rows: readonly ArrayLike<number>[], items: readonly number[]): Reliability {
  const J = items.length
  const itemTotal = new Float64Array(J)
  const itemSquares = new Float64Array(J)
  let n = 0
  let sumTotal = 0
  let sumSquares = 0
  rows: for (const row of rows) {
    for (let j = 0; j < J; j++) if (Number.isNaN(row[items[j]!]!)) continue rows
    n++
    let rowSum = 0
    for (let j = 0; j < J; j++) {
      const v = row[items[j]!]!
      itemTotal[j]! += v
      itemSquares[j]! += v * v
      rowSum += v
    }
    sumTotal += rowSum
    sumSquares += rowSum * rowSum
  }
  if (J < 2 || n < 2) return { alpha: null, n, items: J }
  const totalVariance = varianceFromSums(n, sumTotal, sumSquares)
  if (totalVariance === 0) return { alpha: null, n, items: J }
  let itemVarianceSum = 0
  for (let j = 0; j < J; j++) itemVarianceSum += varianceFromSums(n, itemTotal[j]!, itemSquares[j]!)
  return { alpha: (J / (J - 1)) * (1 - itemVarianceSum / totalVariance), n, items: J }
}
