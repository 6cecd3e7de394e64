// Intraclass correlations across practices from a one-way ANOVA of respondent scores by practice
// (Bliese 2000; multilevel::ICC1 / ICC2; Shrout & Fleiss 1979 ICC(1,1) and ICC(1,k)).
import { ascending, sum } from './descriptive.js'

export interface Icc {
  /** (MSB − MSW) / (MSB + (k − 1)·MSW); null when undefined. May be negative. */
  icc1: number | null
  /** (MSB − MSW) / MSB; null when undefined (MSB = 0). May be negative. */
  icc2: number | null
  msb: number
  msw: number
  /** Number of groups (practices) with at least one score, total scores, and k = N / groups. */
  groups: number
  n: number
  k: number
}

/**
 * One group per practice, each a list of respondent scores. Empty groups are ignored. Undefined
 * (null) with fewer than 2 groups or when N − groups < 1 (no within-group degrees of freedom).
 * Values are summed in ascending order within each group so that respondent order cannot matter.
 */
export function oneWayIcc(groups: readonly (readonly number[])[]): Icc {
  const icc = new IccSums()
  for (const group of groups) icc.add(group)
  return icc.result()
}

/**
 * oneWayIcc taken a group at a time, so that a caller reading practice by practice need not keep every respondent's
 * score: each group leaves its size and mean, and its squares within are summed as it comes, in the same order.
 */
export class IccSums {
  private readonly sizes: number[] = []
  private readonly means: number[] = []
  private total = 0
  private ssw = 0

  add(group: readonly number[]): void {
    if (group.length === 0) return
    const sorted = ascending(group)
    const groupTotal = sum(sorted)
    const m = groupTotal / sorted.length
    for (const x of sorted) this.ssw += (x - m) * (x - m)
    this.sizes.push(sorted.length)
    this.means.push(m)
    this.total += groupTotal
  }

  result(): Icc {
    const { sizes, means, ssw } = this
    const G = sizes.length
    const N = sum(sizes)
    const k = G === 0 ? Number.NaN : N / G
    const grand = this.total / N
    let ssb = 0
    for (let j = 0; j < G; j++) ssb += sizes[j]! * (means[j]! - grand) * (means[j]! - grand)
    const msb = G > 1 ? ssb / (G - 1) : Number.NaN
    const msw = N - G > 0 ? ssw / (N - G) : Number.NaN
    if (G < 2 || N - G < 1) return { icc1: null, icc2: null, msb, msw, groups: G, n: N, k }
    const denominator1 = msb + (k - 1) * msw
    return {
      icc1: denominator1 === 0 ? null : (msb - msw) / denominator1,
      icc2: msb === 0 ? null : (msb - msw) / msb,
      msb,
      msw,
      groups: G,
      n: N,
      k,
    }
  }
}
