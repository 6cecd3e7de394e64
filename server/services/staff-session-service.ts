// A staff member's own sessions: the ones still signed in, and ending those they do not recognise.
import type { Clock } from '../clock.js'
import type { Repositories, StaffSessionRow } from '../data/repository-interfaces.js'
import type { StaffUser } from '../domain/staff-user.js'
import { ConflictError } from '../errors.js'
import type { AuditService } from './audit-service.js'
import type { StaffSecuritySettings } from './staff-security-settings.js'

export interface StaffSession extends StaffSessionRow {
  /** The session this request came in. */
  current: boolean
}

const alreadyEnded = () => new ConflictError({ key: 'staff:sessions.alreadyEnded.title' }, { key: 'staff:sessions.alreadyEnded.message' })

export function createStaffSessionService(
  repos: Pick<Repositories, 'sessions'>,
  audit: AuditService,
  clock: Clock,
  settings: Pick<StaffSecuritySettings, 'sessionLifetimeMs'>,
) {
  /** Signed in, not run out and not past the absolute lifetime: the sessions that would still work. */
  async function live(user: StaffUser, currentHandle: string | undefined): Promise<StaffSession[]> {
    const now = clock.now().getTime()
    const rows = await repos.sessions.listByUser(user.id, now)
    return (
      rows
        .filter((row) => now - row.signedInAt < settings.sessionLifetimeMs)
        // The one in use is being used now: the database learns so only once this request ends.
        .map((row) => (row.handle === currentHandle ? { ...row, lastActiveAt: now, current: true } : { ...row, current: false }))
        .sort((a, b) => b.lastActiveAt - a.lastActiveAt)
    )
  }

  return {
    /** Most recently used first. */
    list: live,

    /** Ends one of the user's other sessions: the one in use is ended by signing out. */
    async endOne(user: StaffUser, handle: string, currentHandle: string | undefined): Promise<void> {
      const ended = (await live(user, currentHandle)).find((s) => s.handle === handle && !s.current)
      if (!ended || (await repos.sessions.removeByUser(user.id, [handle])) === 0) throw alreadyEnded()
      await audit.audit(user, 'session ended', { signedInAt: new Date(ended.signedInAt).toISOString() })
    },

    /** Ends every session of the user but this one; returns how many. */
    async endOthers(user: StaffUser, currentHandle: string | undefined): Promise<number> {
      const others = (await live(user, currentHandle)).filter((s) => !s.current).map((s) => s.handle)
      const ended = await repos.sessions.removeByUser(user.id, others)
      await audit.audit(user, 'other sessions ended', { sessions: ended })
      return ended
    },
  }
}
export type StaffSessionService = ReturnType<typeof createStaffSessionService>
