// A SQLite database made by the migrations before PostgreSQL support (001–004), with answers in it, upgrades in place:
// every row is still there afterwards, and each answer keeps its place in the order it was saved.
import Database from 'better-sqlite3'
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { createRepositories } from '../../../server/data/index.js'
import { migrate, openSqliteDatabase } from '../../../server/data/sqlite-database.js'

const SQLITE_MIGRATIONS = 'server/data/migrations/sqlite'
const BEFORE_POSTGRES = ['001-initial.sql', '002-sessions.sql', '003-staff.sql', '004-session-generation.sql']
const EVERY_MIGRATION = readdirSync(SQLITE_MIGRATIONS)
  .filter((name) => name.endsWith('.sql'))
  .sort()

let folder: string
let path: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'linkscore-upgrade-'))
  path = join(folder, 'old.db')
  const oldMigrations = join(folder, 'migrations')
  for (const name of BEFORE_POSTGRES) cpSync(join(SQLITE_MIGRATIONS, name), join(oldMigrations, name))
  const old = new Database(path)
  old.pragma('foreign_keys = ON')
  migrate(old, oldMigrations)
  old.exec(`
    INSERT INTO programme (slug, name) VALUES ('north', 'North PCN');
    INSERT INTO practice (programme_id, code, name) VALUES (1, 'N1', 'North One');
    INSERT INTO wave (programme_id, slug, title, status, position) VALUES (1, 'baseline', 'Baseline', 'open', 1);
    INSERT INTO wave_questionnaire VALUES (1, 'pilot', 1);
    INSERT INTO questionnaire_version (questionnaire_id, version, content_hash, definition_json) VALUES ('pilot', 1, 'h', '{}');
    INSERT INTO response (practice_id, wave_id, resume_token, source, role, setting, status, started_at, updated_at, submitted_at)
      VALUES (1, 1, 'token-one', 'open_link', 'gp', 'general_practice', 'submitted', 't0', 't1', 't1'),
             (1, 1, 'token-two', 'open_link', 'gp', 'general_practice', 'in_progress', 't0', 't0', NULL);
    -- Saved out of key order, so the order of saving is visible.
    INSERT INTO answer VALUES (1, 'pilot', 1, 'p_leaders', '4'), (1, 'pilot', 1, 'p_channels', 'link_worker'),
      (1, 'pilot', 1, 'p_channels', 'colleagues'), (2, 'pilot', 1, 'p_comments', 'Commas, "quotes"');
    INSERT INTO saved_page VALUES (1, 'pilot/one', 't1');
    INSERT INTO staff_user (email, role, password_hash, created_at) VALUES ('eva@example.org', 'evaluator', 'scrypt$x', 't0');
    INSERT INTO staff_scope (user_id, programme_id) VALUES (1, 1);
    INSERT INTO session VALUES ('sid-1', '{}', 99999999999999);
    INSERT INTO audit_log (at, actor_email, source, action) VALUES ('t0', 'eva@example.org', 'web', 'signed in');
  `)
  old.close()
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

const dump = (db: Database.Database, table: string, order: string) => db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all()

it('keeps every row and gives each answer its old rowid as its id', async () => {
  const old = new Database(path, { readonly: true })
  const tables: [string, string][] = [
    ['programme', 'id'],
    ['practice', 'id'],
    ['wave', 'id'],
    ['wave_questionnaire', 'wave_id'],
    ['questionnaire_version', 'questionnaire_id'],
    ['response', 'id'],
    ['saved_page', 'response_id'],
    ['staff_user', 'id'],
    ['staff_scope', 'user_id'],
    ['session', 'sid'],
    ['audit_log', 'id'],
  ]
  const before = Object.fromEntries(tables.map(([table, order]) => [table, dump(old, table, order)]))
  const answersBefore = old.prepare('SELECT rowid AS id, * FROM answer ORDER BY rowid').all()
  old.close()

  const upgraded = openSqliteDatabase(path)
  const repos = createRepositories(upgraded)
  expect(await repos.responses.answers(1)).toEqual([
    { questionnaireId: 'pilot', itemId: 'p_leaders', value: '4' },
    { questionnaireId: 'pilot', itemId: 'p_channels', value: 'link_worker' },
    { questionnaireId: 'pilot', itemId: 'p_channels', value: 'colleagues' },
  ])
  await upgraded.close()

  const after = new Database(path, { readonly: true })
  // Later migrations may add columns: the old ones keep their values.
  const oldColumns = (rows: unknown[], like: unknown[]) =>
    rows.map((row, i) => Object.fromEntries(Object.keys((like[i] ?? {}) as object).map((key) => [key, (row as Record<string, unknown>)[key]])))
  for (const [table, order] of tables) expect(oldColumns(dump(after, table, order), before[table]!), table).toEqual(before[table])
  expect(after.prepare('SELECT id, response_id, questionnaire_id, questionnaire_version, item_id, value FROM answer ORDER BY id').all()).toEqual(answersBefore)
  expect(after.prepare('SELECT name FROM schema_migration ORDER BY name').pluck().all()).toEqual(EVERY_MIGRATION)
  after.close()
})

it('still refuses a second row for the same value after the upgrade', async () => {
  const upgraded = openSqliteDatabase(path)
  await expect(
    upgraded.db
      .insertInto('answer')
      .values({ response_id: 1, questionnaire_id: 'pilot', questionnaire_version: 1, item_id: 'p_leaders', value: '4' })
      .execute(),
  ).rejects.toThrow(/UNIQUE constraint failed/)
  await upgraded.close()
})
