// Internal consistency: Cronbach's alpha over respondents with every item answered (listwise).
import fQuantile from '@stdlib/stats-base-dists-f-quantile'
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
  const alpha = new AlphaSums(items)
  for (const row of rows) alpha.add(row)
  return alpha.result()
}

/** cronbachAlpha taken a respondent at a time, for a caller reading practice by practice: only the sums are kept. */
export class AlphaSums {
  private readonly itemTotal: Float64Array
  private readonly itemSquares: Float64Array
  private n = 0
  private sumTotal = 0
  private sumSquares = 0

  constructor(private readonly items: readonly number[]) {
    this.itemTotal = new Float64Array(items.length)
    this.itemSquares = new Float64Array(items.length)
  }

  add(row: ArrayLike<number>): void {
    const { items, itemTotal, itemSquares } = this
    const J = items.length
    for (let j = 0; j < J; j++) if (Number.isNaN(row[items[j]!]!)) return
    this.n++
    let rowSum = 0
    for (let j = 0; j < J; j++) {
      const v = row[items[j]!]!
      itemTotal[j]! += v
      itemSquares[j]! += v * v
      rowSum += v
    }
    this.sumTotal += rowSum
    this.sumSquares += rowSum * rowSum
  }

  result(): Reliability {
    const { n, itemTotal, itemSquares } = this
    const J = this.items.length
    if (J < 2 || n < 2) return { alpha: null, n, items: J }
    const totalVariance = varianceFromSums(n, this.sumTotal, this.sumSquares)
    if (totalVariance === 0) return { alpha: null, n, items: J }
    let itemVarianceSum = 0
    for (let j = 0; j < J; j++) itemVarianceSum += varianceFromSums(n, itemTotal[j]!, itemSquares[j]!)
    return { alpha: (J / (J - 1)) * (1 - itemVarianceSum / totalVariance), n, items: J }
  }
}

/**
 * Feldt's (1965) 95% confidence interval for alpha from n complete respondents and J items, as psych::alpha.ci:
 * 1 − (1 − α) · F(0.975) to 1 − (1 − α) · F(0.025), F with n − 1 and (n − 1)(J − 1) degrees of freedom.
 * null when it is undefined (fewer than 2 respondents or items).
 */
export function feldtInterval(alpha: number, n: number, items: number): { low: number; high: number } | null {
  if (n < 2 || items < 2) return null
  const df1 = n - 1
  const df2 = (n - 1) * (items - 1)
  return { low: 1 - (1 - alpha) * fQuantile(0.975, df1, df2), high: 1 - (1 - alpha) * fQuantile(0.025, df1, df2) }
}
