import type { Kysely } from 'kysely'
import type { SettingRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'

export function settingRepository(db: Kysely<Schema>): SettingRepository {
  const get = async (key: string) => (await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst())?.value
  return {
    get,
    // Two processes starting at once both try; the first value stored is the one both use.
    getOrCreate: async (key, create) => {
      await db
        .insertInto('setting')
        .values({ key, value: create() })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute()
      return (await get(key))!
    },
  }
}
