// Descriptive statistics at full precision. Callers that need results independent of input order
// pass values in a canonical order (see `ascending`), because floating-point addition is not associative.

/**
 * A sorted copy (numeric, ascending); the input is left alone. Insertion sort for the short lists
 * scoring sorts by the tens of thousands (a practice's scores on a scale): fast, and linear on input
 * that is already sorted.
 */
export function ascending(values: ArrayLike<number>): number[] {
  const n = values.length
  const sorted = new Array<number>(n)
  for (let i = 0; i < n; i++) sorted[i] = values[i]!
  if (n > 64) return sorted.sort((a, b) => a - b)
  for (let i = 1; i < n; i++) {
    const v = sorted[i]!
    let j = i - 1
    while (j >= 0 && sorted[j]! > v) {
      sorted[j + 1] = sorted[j]!
      j--
    }
    sorted[j + 1] = v
  }
  return sorted
}

export function sum(values: ArrayLike<number>): number {
  let total = 0
  for (let i = 0; i < values.length; i++) total += values[i]!
  return total
}

/** Arithmetic mean; NaN for an empty list. */
export function mean(values: ArrayLike<number>): number {
  return values.length === 0 ? Number.NaN : sum(values) / values.length
}

/** Sample variance (denominator n − 1), two-pass; NaN when n < 2. */
export function sampleVariance(values: ArrayLike<number>): number {
  const n = values.length
  if (n < 2) return Number.NaN
  const m = mean(values)
  let squares = 0
  for (let i = 0; i < n; i++) squares += (values[i]! - m) * (values[i]! - m)
  return squares / (n - 1)
}

/** Sample standard deviation (denominator n − 1); NaN when n < 2. */
export function sampleSd(values: ArrayLike<number>): number {
  return Math.sqrt(sampleVariance(values))
}

/** Median: the middle value, or the mean of the two middle values; NaN for an empty list. */
export function median(values: ArrayLike<number>): number {
  const sorted = ascending(values)
  const n = sorted.length
  if (n === 0) return Number.NaN
  const mid = Math.floor(n / 2)
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * Sample variance from a count, a sum and a sum of squares. Exact for small integers (item codes),
 * whose sums are exact in floating point, so the result does not depend on the order of the values.
 */
export function varianceFromSums(n: number, total: number, squares: number): number {
  if (n < 2) return Number.NaN
  const ss = squares - (total * total) / n
  return Math.max(ss, 0) / (n - 1)
}
