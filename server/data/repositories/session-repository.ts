import type { Kysely } from 'kysely'
import type { SessionRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'

export function sessionRepository(db: Kysely<Schema>): SessionRepository {
  return {
    find: async (sid, now) => {
      const row = await db.selectFrom('session').select(['data', 'last_active_at']).where('sid', '=', sid).where('expires_at', '>', now).executeTakeFirst()
      return row && { data: row.data, lastActiveAt: Number(row.last_active_at) }
    },
    save: async (sid, { data, expiresAt, lastActiveAt, owner }) => {
      const row = {
        sid,
        data,
        expires_at: expiresAt,
        last_active_at: lastActiveAt,
        user_id: owner?.userId ?? null,
        handle: owner?.handle ?? null,
        signed_in_at: owner?.signedInAt ?? null,
      }
      await db
        .insertInto('session')
        .values(row)
        .onConflict((oc) =>
          oc.column('sid').doUpdateSet((eb) => ({
            data: eb.ref('excluded.data'),
            expires_at: eb.ref('excluded.expires_at'),
            last_active_at: eb.ref('excluded.last_active_at'),
            user_id: eb.ref('excluded.user_id'),
            handle: eb.ref('excluded.handle'),
            signed_in_at: eb.ref('excluded.signed_in_at'),
          })),
        )
        .execute()
    },
    extend: async (sid, expiresAt, lastActiveAt) => {
      await db.updateTable('session').set({ expires_at: expiresAt, last_active_at: lastActiveAt }).where('sid', '=', sid).execute()
    },
    remove: async (sid) => {
      await db.deleteFrom('session').where('sid', '=', sid).execute()
    },
    listByUser: async (userId, now) => {
      const rows = await db
        .selectFrom('session')
        .select(['handle', 'signed_in_at', 'last_active_at'])
        .where('user_id', '=', userId)
        .where('handle', 'is not', null)
        .where('expires_at', '>', now)
        .orderBy('last_active_at', 'desc')
        .orderBy('handle')
        .execute()
      return rows.map((r) => ({ handle: r.handle!, signedInAt: Number(r.signed_in_at), lastActiveAt: Number(r.last_active_at) }))
    },
    removeByUser: async (userId, handles) => {
      if (handles?.length === 0) return 0
      let query = db.deleteFrom('session').where('user_id', '=', userId)
      if (handles) query = query.where('handle', 'in', handles)
      return Number((await query.executeTakeFirst()).numDeletedRows)
    },
    prune: async (now) => Number((await db.deleteFrom('session').where('expires_at', '<=', now).executeTakeFirst()).numDeletedRows),
  }
}
