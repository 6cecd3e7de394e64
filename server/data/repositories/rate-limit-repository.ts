// Request counts per limit and client in fixed windows, shared by every app process on the database.
import type { Kysely } from 'kysely'
import type { RateLimitRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'

export function rateLimitRepository(db: Kysely<Schema>): RateLimitRepository {
  const find = (key: string, now: number) =>
    db.selectFrom('rate_limit').select(['hits', 'resets_at as resetsAt']).where('key', '=', key).where('resets_at', '>', now).executeTakeFirst()

  return {
    // One statement: a window that has ended starts again, otherwise the count goes up; concurrent hits all count.
    hit: (key, now, windowMs) =>
      db
        .insertInto('rate_limit')
        .values({ key, hits: 1, resets_at: now + windowMs })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => {
            const ended = eb('rate_limit.resets_at', '<=', now)
            return {
              hits: eb
                .case()
                .when(ended)
                .then(1)
                .else(eb('rate_limit.hits', '+', 1))
                .end(),
              resets_at: eb
                .case()
                .when(ended)
                .then(now + windowMs)
                .else(eb.ref('rate_limit.resets_at'))
                .end(),
            }
          }),
        )
        .returning(['hits', 'resets_at as resetsAt'])
        .executeTakeFirstOrThrow(),
    find,
    // The last request of a window taken back leaves no count at all (a count is never 0: see the CHECK).
    takeBack: async (key) => {
      await db.deleteFrom('rate_limit').where('key', '=', key).where('hits', '<=', 1).execute()
      await db
        .updateTable('rate_limit')
        .set((eb) => ({ hits: eb('hits', '-', 1) }))
        .where('key', '=', key)
        .where('hits', '>', 1)
        .execute()
    },
    reset: async (key) => {
      await db.deleteFrom('rate_limit').where('key', '=', key).execute()
    },
    prune: async (now) => Number((await db.deleteFrom('rate_limit').where('resets_at', '<=', now).executeTakeFirst()).numDeletedRows),
  }
}
