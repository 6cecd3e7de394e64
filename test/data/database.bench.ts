// Page saves per second and answers-export rows per second on both databases, side by side in one run, against the
// ceiling of the synchronous better-sqlite3 code the repositories replaced (target: the async layer within 15% of it
// on SQLite). PostgreSQL joins when LINKSCORE_TEST_DATABASE_URL is set (`.ci/with-postgres npm run bench`).
import Database from 'better-sqlite3'
import { sql } from 'kysely'
import { afterAll, bench, describe } from 'vitest'
import type { PageSave } from '../../server/domain/response.js'
import { postgresTestUrl } from '../support/postgres.js'
import { seedProgramme, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

const RESPONSES = 2000
const ANSWERS = [
  { itemId: 'p_role_years', value: 'long' },
  { itemId: 'p_leaders', value: '4' },
  { itemId: 'p_confidence', value: '7' },
]

async function seeded(database: 'sqlite' | 'postgres'): Promise<{ ls: TestLinkscore; responseIds: number[]; waveId: number }> {
  const ls = await testLinkscore({ database })
  const { practice, wave } = await seedProgramme(ls, ['pilot'])
  const responseIds: number[] = []
  await ls.repos.transaction(async (repos) => {
    for (let n = 0; n < RESPONSES; n++) {
      const r = await repos.responses.create({
        invitationId: null,
        practiceId: practice.id,
        waveId: wave.id,
        resumeToken: `bench-${n}`.padEnd(24, 'x'),
        source: 'synthetic',
        role: 'gp',
        setting: 'general_practice',
        at: '2026-12-02T00:00:00.000Z',
      })
      await repos.responses.savePage(pageSave(r.id))
      await repos.responses.submit(r.id, '2026-12-02T00:00:00.000Z')
      responseIds.push(r.id)
    }
  })
  return { ls, responseIds, waveId: wave.id }
}

const pageSave = (responseId: number): PageSave => ({
  responseId,
  pageKey: 'pilot/first-page',
  questionnaireId: 'pilot',
  questionnaireVersion: 1,
  itemIds: ANSWERS.map((a) => a.itemId),
  answers: ANSWERS,
  complete: true,
  at: new Date().toISOString(),
})

/** The page save as it was written before the repositories became asynchronous: prepared statements in one transaction. */
function synchronousPageSave(path: string) {
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  const deleteAnswer = db.prepare('DELETE FROM answer WHERE response_id = ? AND questionnaire_id = ? AND item_id = ?')
  const insertAnswer = db.prepare('INSERT INTO answer (response_id, questionnaire_id, questionnaire_version, item_id, value) VALUES (?, ?, ?, ?, ?)')
  const markSaved = db.prepare(
    'INSERT INTO saved_page (response_id, page_key, saved_at) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET saved_at = excluded.saved_at',
  )
  const touch = db.prepare('UPDATE response SET updated_at = ? WHERE id = ?')
  const save = db.transaction((s: PageSave) => {
    for (const itemId of s.itemIds) deleteAnswer.run(s.responseId, s.questionnaireId, itemId)
    for (const a of s.answers) insertAnswer.run(s.responseId, s.questionnaireId, s.questionnaireVersion, a.itemId, a.value)
    if (s.complete) markSaved.run(s.responseId, s.pageKey, s.at)
    touch.run(s.at, s.responseId)
  })
  const rows = db.prepare(`SELECT r.id, p.code, w.slug, a.questionnaire_id, a.questionnaire_version, r.role, r.setting, a.item_id, a.value
    FROM answer a JOIN response r ON r.id = a.response_id JOIN practice p ON p.id = r.practice_id JOIN wave w ON w.id = r.wave_id
    WHERE r.wave_id = ? AND r.status = 'submitted' ORDER BY r.id, a.questionnaire_id, a.id`)
  return { save, rows, close: () => db.close() }
}

const sqlite = await seeded('sqlite')
// The app's own setting is FULL (see sqlite-database.ts); this one is put back to NORMAL to show what FULL costs.
const sqliteNormal = await seeded('sqlite')
await sql`PRAGMA synchronous = NORMAL`.execute(sqliteNormal.ls.db)
const postgres = postgresTestUrl() ? await seeded('postgres') : undefined
if (!postgres) console.warn('PostgreSQL figures left out: LINKSCORE_TEST_DATABASE_URL is not set')
const sync = synchronousPageSave((sqlite.ls.config.database as { path: string }).path)
afterAll(async () => {
  sync.close()
  await sqlite.ls.close()
  await sqliteNormal.ls.close()
  await postgres?.ls.close()
})

const pick = (ids: number[]) => ids[Math.floor(Math.random() * ids.length)]!
const options = { time: 2000, warmupTime: 300 }

describe('page save (one transaction: 3 answers replaced, the page marked saved)', () => {
  bench('ceiling: synchronous better-sqlite3, as before (synchronous = NORMAL)', () => sync.save(pageSave(pick(sqlite.responseIds))), options)
  bench('SQLite through Kysely (async), synchronous = FULL', () => sqlite.ls.repos.responses.savePage(pageSave(pick(sqlite.responseIds))), options)
  bench(
    'SQLite through Kysely (async), synchronous = NORMAL',
    () => sqliteNormal.ls.repos.responses.savePage(pageSave(pick(sqliteNormal.responseIds))),
    options,
  )
  if (postgres) bench('PostgreSQL through Kysely', () => postgres.ls.repos.responses.savePage(pageSave(pick(postgres.responseIds))), options)
})

describe(`answers export (${(RESPONSES * ANSWERS.length).toLocaleString('en-GB')} rows per run)`, () => {
  bench(
    'ceiling: synchronous better-sqlite3 iterate',
    () => {
      for (const _ of sync.rows.iterate(sqlite.waveId));
    },
    options,
  )
  bench(
    'SQLite: ExportRepository.answerBatches',
    async () => {
      for await (const _ of sqlite.ls.repos.exports.answerBatches(sqlite.waveId, false));
    },
    options,
  )
  if (postgres)
    bench(
      'PostgreSQL: ExportRepository.answerBatches (cursor, REPEATABLE READ snapshot)',
      async () => {
        for await (const _ of postgres.ls.repos.exports.answerBatches(postgres.waveId, false));
      },
      options,
    )
})
