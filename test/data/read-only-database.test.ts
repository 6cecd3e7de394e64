// The scoring workers' connection (server/data/read-only-database.ts) reads what the app wrote and refuses every write,
// on the project's database: SQLite opened read-only, PostgreSQL with read-only transactions.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openReadOnlyDatabase, type ReadOnlyDatabase } from '../../server/data/read-only-database.js'
import { seedProgramme, TEST_DATABASE, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
let reader: ReadOnlyDatabase

beforeAll(async () => {
  ls = await testLinkscore()
  await seedProgramme(ls, ['pilot'])
  reader = openReadOnlyDatabase(ls.config.database)
})
afterAll(async () => {
  await reader?.close()
  await ls?.close()
})

describe(`a scoring worker's read-only connection (${TEST_DATABASE})`, () => {
  it('reads what the app has written', async () => {
    const programmes = await reader.db.selectFrom('programme').select('slug').execute()
    expect(programmes.map((p) => p.slug)).toEqual(
      await ls.db
        .selectFrom('programme')
        .select('slug')
        .execute()
        .then((rows) => rows.map((r) => r.slug)),
    )
    expect(programmes.length).toBeGreaterThan(0)
  })

  it('refuses an insert, an update and a delete, and the data stay as they were', async () => {
    const before = await ls.db.selectFrom('programme').selectAll().execute()
    const refused = TEST_DATABASE === 'sqlite' ? /readonly database/i : /read-only transaction/i
    await expect(reader.db.updateTable('programme').set({ name: 'Changed by a worker' }).execute()).rejects.toThrow(refused)
    await expect(reader.db.deleteFrom('programme').execute()).rejects.toThrow(refused)
    await expect(sql`insert into wave_scores_version (wave_id, version) values (1, 99)`.execute(reader.db)).rejects.toThrow(refused)
    expect(await ls.db.selectFrom('programme').selectAll().execute()).toEqual(before)
  })

  it('refuses an in-memory SQLite database, which no second connection could open', () => {
    expect(() => openReadOnlyDatabase({ kind: 'sqlite', path: ':memory:' })).toThrow(/score it inline/)
  })
})
