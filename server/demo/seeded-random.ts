/** A small seeded generator (mulberry32), so synthetic data is the same on every machine and every run. */
export function seededRandom(seed: number) {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    /** Normally distributed, by the Box–Muller transform. */
    normal(mean = 0, sd = 1): number {
      const u = 1 - next()
      const v = next()
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
    },
    pick<T>(items: readonly T[]): T {
      return items[Math.floor(next() * items.length)]!
    },
    chance(p: number): boolean {
      return next() < p
    },
  }
}
export type SeededRandom = ReturnType<typeof seededRandom>
