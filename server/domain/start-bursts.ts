// Finds bursts of starts on one open link: many responses begun within a few minutes, worth a look before scoring.

export interface OpenLinkStart {
  practiceCode: string
  /** UTC ISO-8601. */
  startedAt: string
}

export interface StartBurst {
  practiceCode: string
  /** The first and last start of the burst, UTC ISO-8601. */
  from: string
  to: string
  starts: number
}

export interface BurstRule {
  /** At least this many starts … */
  minStarts: number
  /** … within this many milliseconds of each other. */
  withinMs: number
}

/**
 * A practice's whole staff may start in one meeting, so a burst is a prompt to check, not a verdict: 20 starts in 10
 * minutes is more than a typical practice team of 15 starting together.
 */
export const DEFAULT_BURST_RULE: BurstRule = { minStarts: 20, withinMs: 10 * 60 * 1000 }

/** Every run of starts in which some `withinMs` window holds `minStarts` or more; overlapping windows make one burst. */
export function findStartBursts(starts: readonly OpenLinkStart[], rule: BurstRule = DEFAULT_BURST_RULE): StartBurst[] {
  const byPractice = new Map<string, string[]>()
  for (const s of starts) byPractice.set(s.practiceCode, [...(byPractice.get(s.practiceCode) ?? []), s.startedAt])
  return [...byPractice].flatMap(([practiceCode, times]) => burstsOf(practiceCode, times.sort(), rule))
}

function burstsOf(practiceCode: string, times: readonly string[], { minStarts, withinMs }: BurstRule): StartBurst[] {
  const ms = times.map((t) => Date.parse(t))
  const inBurst = new Array<boolean>(ms.length).fill(false)
  let first = 0
  for (let last = 0; last < ms.length; last++) {
    while (ms[last]! - ms[first]! > withinMs) first++
    if (last - first + 1 >= minStarts) inBurst.fill(true, first, last + 1)
  }
  const bursts: StartBurst[] = []
  for (let i = 0; i < ms.length; i++) {
    if (!inBurst[i] || inBurst[i - 1]) continue
    let end = i
    while (inBurst[end + 1]) end++
    bursts.push({ practiceCode, from: times[i]!, to: times[end]!, starts: end - i + 1 })
  }
  return bursts
}
