import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
} from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { compiledOnce } from '../../server/data/compiled-once.js'
import type { Schema } from '../../server/data/schema.js'
import { seedProgramme, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

/** A database that runs nothing and keeps what it was sent, with each dialect's own compiler. */
function recording(dialect: 'sqlite' | 'postgres') {
  const sent: Pick<CompiledQuery, 'sql' | 'parameters'>[] = []
  const db = new Kysely<Schema>({
    dialect: {
      createAdapter: () => (dialect === 'sqlite' ? new SqliteAdapter() : new PostgresAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => (dialect === 'sqlite' ? new SqliteIntrospector(k) : new PostgresIntrospector(k)),
      createQueryCompiler: () => (dialect === 'sqlite' ? new SqliteQueryCompiler() : new PostgresQueryCompiler()),
    },
    log: (event) => void sent.push({ sql: event.query.sql, parameters: [...event.query.parameters] }),
  })
  return { db, sent }
}

type AnswerRow = { response_id: number; questionnaire_id: string; questionnaire_version: number; item_id: string; value: string }

const answersOf = (db: Kysely<Schema>, a: { responseId: number; itemIds: string[] }) =>
  db.selectFrom('answer').select(['item_id', 'value']).where('response_id', '=', a.responseId).where('item_id', 'in', a.itemIds).orderBy('id')
const insertRows = (db: Kysely<Schema>, rows: AnswerRow[]) => db.insertInto('answer').values(rows)
const startResponse = (db: Kysely<Schema>, r: { token: string; role: string | null; language?: string; practiceId: number; waveId: number }) =>
  db.insertInto('response').values({
    practice_id: r.practiceId,
    wave_id: r.waveId,
    resume_token: r.token,
    source: 'open_link',
    role: r.role,
    started_at: '2026-03-02T09:00:00.000Z',
    updated_at: '2026-03-02T09:00:00.000Z',
    language: r.language,
  })

const row = (item: string, value: string): AnswerRow => ({ response_id: 7, questionnaire_id: 'pilot', questionnaire_version: 1, item_id: item, value })

describe.each(['sqlite', 'postgres'] as const)('a query compiled once, in %s', (dialect) => {
  const cases: [string, (db: Kysely<Schema>) => Promise<unknown>, (db: Kysely<Schema>) => Promise<unknown>][] = [
    [
      'an IN list of one, three, then one item',
      async (db) => {
        const query = compiledOnce(answersOf)
        for (const itemIds of [['a'], ['b', 'c', 'd'], ['e']]) await query(db, { responseId: 7, itemIds })
      },
      async (db) => {
        for (const itemIds of [['a'], ['b', 'c', 'd'], ['e']]) await answersOf(db, { responseId: 7, itemIds }).execute()
      },
    ],
    [
      'an insert of two rows, then of one',
      async (db) => {
        const query = compiledOnce(insertRows)
        await query(db, [row('q1', '1'), row('q2', '5')])
        await query(db, [row('q3', 'free text')])
      },
      async (db) => {
        await insertRows(db, [row('q1', '1'), row('q2', '5')]).execute()
        await insertRows(db, [row('q3', 'free text')]).execute()
      },
    ],
    [
      'a null, and a column left undefined, which Kysely leaves out',
      async (db) => {
        const query = compiledOnce(startResponse)
        await query(db, { token: 't1', role: null, practiceId: 1, waveId: 2 })
        await query(db, { token: 't2', role: 'gp', language: 'nl', practiceId: 1, waveId: 2 })
        await query(db, { token: 't3', role: 'gp', language: undefined, practiceId: 1, waveId: 2 })
      },
      async (db) => {
        await startResponse(db, { token: 't1', role: null, practiceId: 1, waveId: 2 }).execute()
        await startResponse(db, { token: 't2', role: 'gp', language: 'nl', practiceId: 1, waveId: 2 }).execute()
        await startResponse(db, { token: 't3', role: 'gp', language: undefined, practiceId: 1, waveId: 2 }).execute()
      },
    ],
  ]

  it.each(cases)('sends exactly the SQL and parameters of building it afresh: %s', async (_name, once, afresh) => {
    const compiled = recording(dialect)
    const built = recording(dialect)
    await once(compiled.db)
    await afresh(built.db)
    expect(compiled.sent).toEqual(built.sent)
    expect(compiled.sent.length).toBeGreaterThan(0)
  })

  it('builds a query once for each shape of its values, and again for another database', async () => {
    let builds = 0
    const query = compiledOnce((db, a: { responseId: number; itemIds: string[] }) => (builds++, answersOf(db, a)))
    const first = recording(dialect)
    for (const itemIds of [['a'], ['b'], ['c', 'd'], ['e', 'f'], ['g']]) await query(first.db, { responseId: 7, itemIds })
    expect(builds).toBe(2)
    await query(recording(dialect).db, { responseId: 7, itemIds: ['a'] })
    expect(builds).toBe(3)
  })
})

describe('a query compiled once, on the test database', () => {
  let ls: TestLinkscore
  beforeEach(async () => {
    ls = await testLinkscore()
  })
  afterEach(async () => {
    await ls.close()
  })

  it('writes and reads what the values say, inside a transaction too', async () => {
    const { practice, wave } = await seedProgramme(ls, ['pilot'])
    await compiledOnce(startResponse)(ls.db, { token: 'compiled-once-1'.padEnd(24, 'x'), role: null, practiceId: practice.id, waveId: wave.id })
    const { id } = await ls.db.selectFrom('response').select('id').where('resume_token', '=', 'compiled-once-1'.padEnd(24, 'x')).executeTakeFirstOrThrow()
    const insert = compiledOnce(insertRows)
    await ls.db.transaction().execute(async (trx) => {
      await insert(trx, [{ ...row('q1', '4'), response_id: id }])
      await insert(trx, [
        { ...row('q2', '2'), response_id: id },
        { ...row('q3', 'words'), response_id: id },
      ])
    })
    const read = compiledOnce(answersOf)
    expect((await read(ls.db, { responseId: id, itemIds: ['q1', 'q3'] })).rows).toEqual([
      { item_id: 'q1', value: '4' },
      { item_id: 'q3', value: 'words' },
    ])
    expect((await read(ls.db, { responseId: id, itemIds: ['q2'] })).rows).toEqual([{ item_id: 'q2', value: '2' }])
  })
})
