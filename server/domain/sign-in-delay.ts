// How long someone waits after failed sign-ins: nothing for the first few, then a wait that doubles with each failure
// up to a cap, reckoned from the last failure. Tries made while waiting are not counted, so a wait never outlasts the
// cap once the failures stop, however many addresses they came from.
export interface SignInDelayRule {
  /** Failures before any wait. */
  freeFailures: number
  /** The wait after the first failure past the free ones; each further one doubles it. */
  firstDelayMs: number
  maxDelayMs: number
}

export function delayAfter(failures: number, rule: SignInDelayRule): number {
  const past = failures - rule.freeFailures
  if (past <= 0) return 0
  // 2^past grows past the cap long before it overflows; the cap keeps it there.
  return Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** Math.min(past - 1, 30))
}

/** Milliseconds still to wait at `now` (0 when none). */
export function waitRemaining(record: { failures: number; lastFailedAt: string } | undefined, rule: SignInDelayRule, now: number): number {
  if (!record) return 0
  return Math.max(0, Date.parse(record.lastFailedAt) + delayAfter(record.failures, rule) - now)
}
