// Failed sign-ins in a row per key: an e-mail address tried, or a hash of a client address (see sign-in-delays.ts).
import type { Kysely } from 'kysely'
import type { SignInFailureRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'

export function signInFailureRepository(db: Kysely<Schema>): SignInFailureRepository {
  const find = (key: string) =>
    db.selectFrom('sign_in_failure').select(['failures', 'last_failed_at as lastFailedAt']).where('key', '=', key.toLowerCase()).executeTakeFirst()

  return {
    find,
    // One statement that counts and answers, so concurrent tries (in this process or another) are all counted.
    recordFailure: (key, at) =>
      db
        .insertInto('sign_in_failure')
        .values({ key: key.toLowerCase(), failures: 1, last_failed_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ failures: eb('sign_in_failure.failures', '+', 1), last_failed_at: at })))
        .returning(['failures', 'last_failed_at as lastFailedAt'])
        .executeTakeFirstOrThrow(),
    clear: async (key) => {
      await db.deleteFrom('sign_in_failure').where('key', '=', key.toLowerCase()).execute()
    },
    pruneBefore: async (at) => Number((await db.deleteFrom('sign_in_failure').where('last_failed_at', '<', at).executeTakeFirst()).numDeletedRows),
  }
}
