// Student's t quantiles and p-values, from @stdlib (never a hand-written approximation).
import tCdf from '@stdlib/stats-base-dists-t-cdf'
import tQuantile from '@stdlib/stats-base-dists-t-quantile'

const quantile975 = new Map<number, number>()

/** t(0.975, df): the multiplier of the standard error in a two-sided 95% confidence interval. Cached by df. */
export function tCritical95(df: number): number {
  let q = quantile975.get(df)
  if (q === undefined) {
    q = tQuantile(0.975, df)
    quantile975.set(df, q)
  }
  return q
}

/** Two-sided p-value of a t statistic: 2 · P(T ≤ −|t|), computed in the lower tail for precision. */
export function twoSidedP(t: number, df: number): number {
  return Math.min(1, 2 * tCdf(-Math.abs(t), df))
}
