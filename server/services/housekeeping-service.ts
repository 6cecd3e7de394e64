// Removes what has run out, so the database does not grow with every visitor: expired sessions, old sign-in counts and ended rate-limit windows.
import type { Clock } from '../clock.js'
import type { Repositories } from '../data/repository-interfaces.js'

/** Wrong passwords count "in a row" within this long; a count with no failure for a day is forgotten. */
export const SIGN_IN_FAILURES_KEPT_MS = 24 * 60 * 60 * 1000

/** How often the server runs prune() while it is up (and once at start-up). */
export const HOUSEKEEPING_EVERY_MS = 60 * 60 * 1000

export function createHousekeepingService(repos: Pick<Repositories, 'sessions' | 'signInFailures' | 'rateLimits'>, clock: Clock) {
  return {
    async prune(): Promise<{ sessions: number; signInFailures: number; rateLimits: number }> {
      const now = clock.now().getTime()
      return {
        sessions: await repos.sessions.prune(now),
        signInFailures: await repos.signInFailures.pruneBefore(new Date(now - SIGN_IN_FAILURES_KEPT_MS).toISOString()),
        rateLimits: await repos.rateLimits.prune(now),
      }
    },
  }
}
export type HousekeepingService = ReturnType<typeof createHousekeepingService>
