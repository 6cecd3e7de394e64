// Both databases' migrations make the same schema: columns, NOT NULLs, keys, unique sets, foreign keys, indexes and the
// number of CHECKs of every table, and the CHECKs refuse the same bad rows.
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate as migratePostgres } from '../../../server/data/postgres-database.js'
import { migrate as migrateSqlite } from '../../../server/data/sqlite-database.js'
import { createTestSchema, postgresTestUrl } from '../../support/postgres.js'
import { TEST_DATABASE } from '../../support/test-linkscore.js'

interface TableShape {
  columns: string[]
  primaryKey: string[]
  /** Column lists of unique constraints and unique indexes, partial ones with their condition. */
  unique: string[]
  foreignKeys: string[]
  indexes: string[]
  checks: number
}
type SchemaShape = Record<string, TableShape>

function sqliteShape(db: Database.Database): SchemaShape {
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migration'").all() as {
    name: string
    sql: string
  }[]
  return Object.fromEntries(
    tables.map(({ name, sql }) => {
      const columns = db.pragma(`table_info(${name})`) as { name: string; notnull: number; pk: number }[]
      const indexes = db.pragma(`index_list(${name})`) as { name: string; unique: number; origin: string; partial: number }[]
      const columnsOf = (index: string) => (db.pragma(`index_info(${index})`) as { name: string }[]).map((c) => c.name).join(',')
      const partialWhere = (index: string) =>
        ((db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(index) as string).match(/WHERE (.*)$/i)?.[1] ?? '').toLowerCase()
      const fks = db.pragma(`foreign_key_list(${name})`) as { id: number; table: string; from: string; to: string; on_delete: string }[]
      const byFk = new Map<number, typeof fks>()
      for (const fk of fks) byFk.set(fk.id, [...(byFk.get(fk.id) ?? []), fk])
      const shape: TableShape = {
        columns: columns.map((c) => `${c.name}${c.notnull || c.pk === 1 ? ' not null' : ''}`),
        primaryKey: columns
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
        unique: indexes
          .filter((i) => i.unique && i.origin !== 'pk')
          .map((i) => `${columnsOf(i.name)}${i.partial ? ` where ${partialWhere(i.name)}` : ''}`)
          .sort(),
        foreignKeys: [...byFk.values()]
          .map(
            (parts) =>
              `${parts.map((p) => p.from).join(',')} -> ${parts[0]!.table}(${parts.map((p) => p.to).join(',')}) on delete ${parts[0]!.on_delete.toLowerCase()}`,
          )
          .sort(),
        indexes: indexes
          .filter((i) => i.origin === 'c')
          .map((i) => i.name)
          .sort(),
        checks: (sql.match(/CHECK \(/g) ?? []).length,
      }
      return [name, shape]
    }),
  )
}

async function postgresShape(client: pg.Client): Promise<SchemaShape> {
  const q = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await client.query<T>(text, values)).rows
  const tables = await q<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'schema_migration'",
  )
  const shape: SchemaShape = {}
  for (const { name } of tables) {
    const columns = await q<{ column_name: string; is_nullable: string }>(
      'SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position',
      [name],
    )
    const constraints = await q<{ contype: string; columns: string; ref: string | null; ref_columns: string | null; on_delete: string }>(
      `SELECT c.contype,
         (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
         c.confrelid::regclass::text AS ref,
         (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS ref_columns,
         c.confdeltype AS on_delete
       FROM pg_constraint c WHERE c.conrelid = $1::regclass`,
      [name],
    )
    const indexes = await q<{ name: string; columns: string; unique: boolean; constraint_backed: boolean; predicate: string | null }>(
      `SELECT i.relname AS name, ix.indisunique AS unique, pg_get_expr(ix.indpred, ix.indrelid) AS predicate,
         EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid) AS constraint_backed,
         (SELECT string_agg(coalesce(a.attname, 'expr'), ',' ORDER BY k.n) FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, n)
            LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum) AS columns
       FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid WHERE ix.indrelid = $1::regclass`,
      [name],
    )
    const onDelete: Record<string, string> = { a: 'no action', c: 'cascade', r: 'restrict', n: 'set null', d: 'set default' }
    // The lower(email) index is PostgreSQL's stand-in for SQLite's COLLATE NOCASE column (see migrations/postgres/003).
    const standIns = new Set(['staff_user_email_lower'])
    shape[name] = {
      columns: columns.map((c) => `${c.column_name}${c.is_nullable === 'NO' ? ' not null' : ''}`),
      primaryKey: constraints.find((c) => c.contype === 'p')?.columns.split(',') ?? [],
      unique: [
        ...constraints.filter((c) => c.contype === 'u').map((c) => c.columns),
        ...indexes
          .filter((i) => i.unique && !i.constraint_backed && !standIns.has(i.name))
          .map((i) => `${i.columns}${i.predicate ? ` where ${i.predicate.replace(/[()]/g, '').toLowerCase()}` : ''}`),
      ].sort(),
      foreignKeys: constraints
        .filter((c) => c.contype === 'f')
        .map((c) => `${c.columns} -> ${c.ref}(${c.ref_columns}) on delete ${onDelete[c.on_delete]}`)
        .sort(),
      indexes: indexes
        .filter((i) => !i.constraint_backed && !standIns.has(i.name))
        .map((i) => i.name)
        .sort(),
      checks: constraints.filter((c) => c.contype === 'c').length,
    }
  }
  return shape
}

describe.skipIf(TEST_DATABASE !== 'sqlite' || !postgresTestUrl())('the SQLite and PostgreSQL migrations', () => {
  let folder: string
  let schema: Awaited<ReturnType<typeof createTestSchema>>
  let client: pg.Client
  let sqlite: SchemaShape
  let postgres: SchemaShape

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'linkscore-schemas-'))
    const db = new Database(join(folder, 'shape.db'))
    migrateSqlite(db)
    sqlite = sqliteShape(db)
    db.close()
    schema = await createTestSchema()
    const pool = new pg.Pool({ connectionString: schema.url })
    await migratePostgres(pool)
    await pool.end()
    client = new pg.Client({ connectionString: schema.url })
    await client.connect()
    postgres = await postgresShape(client)
  })
  afterAll(async () => {
    await client?.end()
    await schema?.drop()
    rmSync(folder, { recursive: true, force: true })
  })

  it('make the same tables', () => {
    expect(Object.keys(postgres).sort()).toEqual(Object.keys(sqlite).sort())
    expect(Object.keys(sqlite)).toHaveLength(25)
  })

  it('give every table the same columns, keys, unique sets, foreign keys, indexes and number of CHECKs', () => {
    for (const table of Object.keys(sqlite)) expect(postgres[table], table).toEqual(sqlite[table])
  })

  it.each([
    ["INSERT INTO practice (programme_id, code, name, deprivation_quintile) VALUES (1, 'X', 'X', 6)", 'practice_deprivation_quintile_check'],
    [
      "INSERT INTO response (practice_id, wave_id, resume_token, source, setting, started_at, updated_at) VALUES (1, 1, 't', 'open_link', 'hospital', 'a', 'a')",
      'response_setting_check',
    ],
    [
      "INSERT INTO response (practice_id, wave_id, resume_token, source, status, started_at, updated_at) VALUES (1, 1, 't', 'open_link', 'submitted', 'a', 'a')",
      'response_check',
    ],
    ['INSERT INTO staff_scope (user_id, programme_id, practice_id) VALUES (1, 1, 1)', 'staff_scope_check'],
    ["INSERT INTO staff_user (id, email, role, password_hash, created_at) VALUES (2, 'Admin@X', 'admin', 'h', 'a')", 'staff_user_email_lower'],
  ])('refuse on PostgreSQL: %s', async (statement, constraint) => {
    await client.query(`
      INSERT INTO programme (id, slug, name) VALUES (1, 'p', 'P') ON CONFLICT DO NOTHING;
      INSERT INTO practice (id, programme_id, code, name) VALUES (1, 1, 'P1', 'P1') ON CONFLICT DO NOTHING;
      INSERT INTO wave (id, programme_id, slug, title) VALUES (1, 1, 'w', 'W') ON CONFLICT DO NOTHING;
      INSERT INTO staff_user (id, email, role, password_hash, created_at) VALUES (1, 'admin@x', 'admin', 'h', 'a') ON CONFLICT DO NOTHING;`)
    await expect(client.query(statement)).rejects.toMatchObject({ constraint })
  })
})
