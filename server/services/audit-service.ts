// Records who did what in the audit log, and reads it back a page at a time.
import type { Clock } from '../clock.js'
import type { Repositories } from '../data/repository-interfaces.js'
import type { AuditEntry, AuditSource } from '../domain/audit-entry.js'
import type { StaffUser } from '../domain/staff-user.js'
import { NotFoundError } from '../errors.js'

export type AuditAction =
  | 'signed in'
  | 'sign-in failed'
  | 'sign-in delayed'
  | 'signed out'
  | 'user added'
  | 'password reset'
  | 'password changed'
  | 'user disabled'
  | 'user enabled'
  | 'role changed'
  | 'session ended'
  | 'other sessions ended'
  | 'data exported'
  | 'open link limited'
  | 'responses excluded'
  | 'responses restored'
  | 'programme added'
  | 'programme changed'
  | 'programme archived'
  | 'programme restored'
  | 'wave added'
  | 'wave changed'
  | 'wave opened'
  | 'wave closed'
  | 'practice added'
  | 'practice changed'
  | 'practice removed'
  | 'invitations created'
  | 'invitations e-mailed'
  | 'reminders e-mailed'
  | 'addresses deleted'
  | 'action recorded'
  | 'action changed'
  | 'action removed'
  | 'free text hidden'
  | 'free text shown'

/** A signed-in user, someone trying to sign in as `email` (null when it was not an e-mail address), an anonymous visitor of an open link, or the people at the command line or starting the server. */
export type AuditActor = StaffUser | { kind: 'sign-in attempt'; email: string | null } | { kind: 'command line' } | { kind: 'start-up' } | { kind: 'open link' }

export type AuditDetail = Record<string, string | number | boolean | null | readonly string[]>

export const AUDIT_PAGE_SIZE = 50

// Keys that suggest a secret: the audit log is read by people, so a caller's slip must fail loudly instead.
const SECRET_KEY = /pass(word)?|secret|token|hash/i

function actorColumns(actor: AuditActor): { actorUserId: number | null; actorEmail: string | null; source: AuditSource } {
  if ('role' in actor) return { actorUserId: actor.id, actorEmail: actor.email, source: 'web' }
  if (actor.kind === 'sign-in attempt') return { actorUserId: null, actorEmail: actor.email, source: 'web' }
  if (actor.kind === 'open link') return { actorUserId: null, actorEmail: null, source: 'web' }
  return { actorUserId: null, actorEmail: null, source: actor.kind }
}

export function createAuditService(repos: Pick<Repositories, 'auditLog'>, clock: Clock) {
  return {
    async audit(actor: AuditActor, action: AuditAction, detail: AuditDetail = {}): Promise<void> {
      const secret = Object.keys(detail).find((key) => SECRET_KEY.test(key))
      if (secret) throw new Error(`The audit log must not hold "${secret}"`)
      const json = Object.keys(detail).length ? JSON.stringify(detail) : null
      await repos.auditLog.add({ at: clock.now().toISOString(), ...actorColumns(actor), action, detail: json })
    },

    /** One page of entries, newest first; pages count from 1, and a page past the end is not found. */
    async page(page: number): Promise<{ entries: AuditEntry[]; page: number; pageCount: number; total: number }> {
      const total = await repos.auditLog.count()
      const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE))
      if (!Number.isInteger(page) || page < 1 || page > pageCount) throw new NotFoundError()
      return { entries: await repos.auditLog.page(AUDIT_PAGE_SIZE, (page - 1) * AUDIT_PAGE_SIZE), page, pageCount, total }
    },
  }
}
export type AuditService = ReturnType<typeof createAuditService>
