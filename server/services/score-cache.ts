// Scores kept between requests, so a wave is scored once per change rather than once per view. The keys carry the
// wave's scores version (see server/data/repositories/scores-version.ts), so an entry is never invalidated, only left
// unused and, the least recently used first, dropped when the cache is full.

export interface ScoreCache {
  /**
   * The value kept under `key`, or the one `compute` makes (kept only when it succeeds). Two requests asking for the
   * same missing key at once share one computation. Callers share the value: freeze it (deepFreeze) or never change it.
   */
  get<V>(key: string, compute: () => Promise<V>): Promise<V>
  /** How many entries are kept. */
  readonly size: number
}

/** Enough for every questionnaire, filter and weighting of several programmes' recent waves; a wave of 1,000 practices' scores is a few MB. */
export const DEFAULT_SCORE_CACHE_ENTRIES = 64

export function createScoreCache(maxEntries = DEFAULT_SCORE_CACHE_ENTRIES): ScoreCache {
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently used first.
  const entries = new Map<string, Promise<unknown>>()
  return {
    get<V>(key: string, compute: () => Promise<V>): Promise<V> {
      const kept = entries.get(key)
      if (kept) {
        entries.delete(key)
        entries.set(key, kept)
        return kept as Promise<V>
      }
      const made = compute()
      entries.set(key, made)
      made.catch(() => {
        if (entries.get(key) === made) entries.delete(key)
      })
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
      return made
    },
    get size() {
      return entries.size
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
