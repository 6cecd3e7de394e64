// The audit log: who did what and when, newest first.
import type { AuditEntry, NewAuditEntry } from '../../domain/audit-entry.js'
import type { Db } from '../database.js'
import type { AuditLogRepository } from '../repository-interfaces.js'

const COLUMNS = 'id, at, actor_user_id AS actorUserId, actor_email AS actorEmail, source, action, detail'

export function auditLogRepository(db: Db): AuditLogRepository {
  const insert = db.prepare('INSERT INTO audit_log (at, actor_user_id, actor_email, source, action, detail) VALUES (@at, @actorUserId, @actorEmail, @source, @action, @detail)')
  const page = db.prepare(`SELECT ${COLUMNS} FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?`)
  const count = db.prepare('SELECT count(*) FROM audit_log').pluck()

  return {
    add: (entry: NewAuditEntry) => Number(insert.run(entry).lastInsertRowid),
    page: (limit: number, offset: number) => page.all(limit, offset) as AuditEntry[],
    count: () => count.get() as number,
  }
}
