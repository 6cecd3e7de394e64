// Wrong passwords in a row per e-mail address tried, and the lock they lead to.
import type { Kysely } from 'kysely'
import { inTransaction } from '../in-transaction.js'
import type { SignInFailureRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'

export function signInFailureRepository(db: Kysely<Schema>): SignInFailureRepository {
  const find = (trx: Kysely<Schema>, email: string) =>
    trx.selectFrom('sign_in_failure').select(['failures', 'locked_until as lockedUntil']).where('email', '=', email.toLowerCase()).executeTakeFirst()

  return {
    find: (email) => find(db, email),
    // The upsert locks the row, so concurrent tries (in this process or another) are all counted, one after the other.
    recordFailure: (email, at, maxFailures, lockUntil) =>
      inTransaction(db, async (trx) => {
        const key = email.toLowerCase()
        await trx
          .insertInto('sign_in_failure')
          .values({ email: key, failures: 1, last_failed_at: at })
          .onConflict((oc) =>
            oc.column('email').doUpdateSet((eb) => {
              // A lock that has run out starts the count again.
              const ranOut = eb.and([eb('sign_in_failure.locked_until', 'is not', null), eb('sign_in_failure.locked_until', '<=', at)])
              return {
                failures: eb.case().when(ranOut).then(1).else(eb('sign_in_failure.failures', '+', 1)).end(),
                locked_until: eb.case().when(ranOut).then(null).else(eb.ref('sign_in_failure.locked_until')).end(),
                last_failed_at: at,
              }
            }),
          )
          .execute()
        const row = (await find(trx, key))!
        if (row.failures < maxFailures || row.lockedUntil !== null) return { ...row, lockedNow: false }
        await trx.updateTable('sign_in_failure').set({ locked_until: lockUntil }).where('email', '=', key).execute()
        return { failures: row.failures, lockedUntil: lockUntil, lockedNow: true }
      }),
    clear: async (email) => {
      await db.deleteFrom('sign_in_failure').where('email', '=', email.toLowerCase()).execute()
    },
    pruneBefore: async (at) =>
      Number(
        (
          await db
            .deleteFrom('sign_in_failure')
            .where('last_failed_at', '<', at)
            .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
            .executeTakeFirst()
        ).numDeletedRows,
      ),
  }
}
