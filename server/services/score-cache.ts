// Scores kept between requests, so a wave is scored once per change rather than once per view. The keys carry the
// wave's scores version (see server/data/repositories/scores-version.ts), so an entry is never invalidated, only left
// unused and, the least recently used first, dropped when the cache is full.

export interface ScoreCache {
  /**
   * The value kept under `key`, or the one `compute` makes (kept only when it succeeds). Two requests asking for the
   * same missing key at once share one computation. Callers share the value: freeze it (deepFreeze) or never change it.
   * `weigh` says how much of the cache's weight the value takes (nothing when left out).
   */
  get<V>(key: string, compute: () => Promise<V>, weigh?: (value: V) => number): Promise<V>
  /** How many entries are kept. */
  readonly size: number
  /** Their weight together. */
  readonly weight: number
}

export interface ScoreCacheLimits {
  /** Entries kept at most. */
  maxEntries: number
  /** Their weight together at most: the scoring service weighs scores in rows (a practice's scale, a scale's statistics). */
  maxWeight: number
}

/**
 * Measured: a practice row of kept scores takes about 1 KB of heap (300 practices' scores of the two scored
 * questionnaires, 12,900 rows, held 13.4 MB), so 200,000 rows are about 200 MB: four waves of 1,000 practices, a
 * scorecard's whole trajectory, fit.
 */
// Entries: a scorecard keeps its practice's change apart (a few dozen rows), so many are small; the weight bounds memory.
export const DEFAULT_SCORE_CACHE_LIMITS: ScoreCacheLimits = { maxEntries: 512, maxWeight: 200_000 }

export function createScoreCache(limits: Partial<ScoreCacheLimits> = {}): ScoreCache {
  const { maxEntries, maxWeight } = { ...DEFAULT_SCORE_CACHE_LIMITS, ...limits }
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently used first.
  const entries = new Map<string, Promise<unknown>>()
  const weights = new Map<string, number>()
  let weight = 0

  const drop = (key: string) => {
    entries.delete(key)
    weight -= weights.get(key) ?? 0
    weights.delete(key)
  }
  const makeRoom = () => {
    while (entries.size > maxEntries || weight > maxWeight) drop(entries.keys().next().value!)
  }

  return {
    get<V>(key: string, compute: () => Promise<V>, weigh?: (value: V) => number): Promise<V> {
      const kept = entries.get(key)
      if (kept) {
        entries.delete(key)
        entries.set(key, kept)
        return kept as Promise<V>
      }
      const made = compute()
      entries.set(key, made)
      made.then(
        (value) => {
          if (entries.get(key) !== made) return
          const w = weigh?.(value) ?? 0
          weights.set(key, w)
          weight += w
          makeRoom()
        },
        () => {
          if (entries.get(key) === made) drop(key)
        },
      )
      makeRoom()
      return made
    },
    get size() {
      return entries.size
    },
    get weight() {
      return weight
    },
  }
}

/** Freezes plain data (objects and arrays) all the way down: a caller that changed shared scores would throw, not spoil the next page. */
export function deepFreeze<V>(value: V): V {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
