// The audit log: who did what and when, newest first.
import type { Kysely } from 'kysely'
import type { AuditLogRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'

const COLUMNS = ['id', 'at', 'actor_user_id as actorUserId', 'actor_email as actorEmail', 'source', 'action', 'detail'] as const

export function auditLogRepository(db: Kysely<Schema>): AuditLogRepository {
  return {
    add: async (e) =>
      (
        await db
          .insertInto('audit_log')
          .values({ at: e.at, actor_user_id: e.actorUserId, actor_email: e.actorEmail, source: e.source, action: e.action, detail: e.detail })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    page: (limit, offset) => db.selectFrom('audit_log').select(COLUMNS).orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    pruneBefore: async (actions, at) =>
      actions.length === 0
        ? 0
        : Number((await db.deleteFrom('audit_log').where('action', 'in', actions).where('at', '<', at).executeTakeFirst()).numDeletedRows),
    count: async () =>
      Number(
        (
          await db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
  }
}
