// Brute force for the privacy tests: which unknown counts the figures a reader sees pin to one value.

/** A figure a page shows: the sum of some unknown counts (a group's count: one; a total: all of them). */
export interface ShownSum {
  terms: readonly number[]
  value: number
}

/**
 * Every vector of `unknowns` counts in 0..max that gives the same shown sums (and passes `alsoSeen`, for a reader
 * who also knows the rule that chose what to show); returns the unknowns among `asked` that take one value in all of
 * them, with that value. The true counts are always among the candidates, so a pinned unknown is one the reader can
 * work out.
 */
export function pinned(
  unknowns: number,
  max: number,
  shown: readonly ShownSum[],
  asked: readonly number[],
  alsoSeen: (x: readonly number[]) => boolean = () => true,
): Map<number, number> {
  const values = asked.map(() => new Set<number>())
  const x = new Array<number>(unknowns).fill(0)
  const fits = () => shown.every((s) => s.terms.reduce((sum, i) => sum + x[i]!, 0) === s.value)
  const visit = (i: number) => {
    if (i === unknowns) {
      if (fits() && alsoSeen(x)) asked.forEach((u, j) => values[j]!.add(x[u]!))
      return
    }
    for (let v = 0; v <= max; v++) {
      x[i] = v
      // a partial sum already past a shown figure cannot come back down
      if (shown.some((s) => s.terms.every((t) => t <= i) && s.terms.reduce((sum, t) => sum + x[t]!, 0) !== s.value)) continue
      if (shown.some((s) => s.terms.reduce((sum, t) => sum + (t <= i ? x[t]! : 0), 0) > s.value)) continue
      visit(i + 1)
    }
  }
  visit(0)
  return new Map(asked.flatMap((u, j) => (values[j]!.size === 1 ? [[u, [...values[j]!][0]!] as [number, number]] : [])))
}
