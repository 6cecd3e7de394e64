import type { Kysely } from 'kysely'
import type { SessionRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'

export function sessionRepository(db: Kysely<Schema>): SessionRepository {
  return {
    find: async (sid, now) => (await db.selectFrom('session').select('data').where('sid', '=', sid).where('expires_at', '>', now).executeTakeFirst())?.data,
    save: async (sid, data, expiresAt) => {
      await db
        .insertInto('session')
        .values({ sid, data, expires_at: expiresAt })
        .onConflict((oc) => oc.column('sid').doUpdateSet((eb) => ({ data: eb.ref('excluded.data'), expires_at: eb.ref('excluded.expires_at') })))
        .execute()
    },
    extend: async (sid, expiresAt) => {
      await db.updateTable('session').set({ expires_at: expiresAt }).where('sid', '=', sid).execute()
    },
    remove: async (sid) => {
      await db.deleteFrom('session').where('sid', '=', sid).execute()
    },
    prune: async (now) => Number((await db.deleteFrom('session').where('expires_at', '<=', now).executeTakeFirst()).numDeletedRows),
  }
}
