// Removes what has run out, so the database does not grow with every visitor: expired sessions, old sign-in counts,
// ended rate-limit windows, and the audit log's old lines about failed sign-ins.
import type { Clock } from '../clock.js'
import type { Repositories } from '../data/repository-interfaces.js'
import type { AuditAction } from './audit-service.js'

/** Wrong passwords count "in a row" within this long; a count with no failure for a day is forgotten. */
export const SIGN_IN_FAILURES_KEPT_MS = 24 * 60 * 60 * 1000

/**
 * Failed sign-ins are audited for anyone who types an address, real or made up, so they are the one part of the audit
 * log an outsider can grow. After 90 days their lines have served their purpose (noticing an attack) and go; every
 * line about what a signed-in person did stays.
 */
export const SIGN_IN_NOISE_KEPT_MS = 90 * 24 * 60 * 60 * 1000
export const SIGN_IN_NOISE_ACTIONS = ['sign-in failed', 'sign-in delayed'] as const satisfies readonly AuditAction[]

/** How often the server runs prune() while it is up (and once at start-up). */
export const HOUSEKEEPING_EVERY_MS = 60 * 60 * 1000

export function createHousekeepingService(repos: Pick<Repositories, 'sessions' | 'signInFailures' | 'rateLimits' | 'auditLog'>, clock: Clock) {
  return {
    async prune(): Promise<{ sessions: number; signInFailures: number; rateLimits: number; signInAuditLines: number }> {
      const now = clock.now().getTime()
      return {
        sessions: await repos.sessions.prune(now),
        signInFailures: await repos.signInFailures.pruneBefore(new Date(now - SIGN_IN_FAILURES_KEPT_MS).toISOString()),
        rateLimits: await repos.rateLimits.prune(now),
        signInAuditLines: await repos.auditLog.pruneBefore(SIGN_IN_NOISE_ACTIONS, new Date(now - SIGN_IN_NOISE_KEPT_MS).toISOString()),
      }
    },
  }
}
export type HousekeepingService = ReturnType<typeof createHousekeepingService>
