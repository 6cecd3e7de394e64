// Opens the SQLite database with safe settings and applies numbered migrations.
import Database from 'better-sqlite3'
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export type Db = Database.Database

const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'migrations', 'sqlite')

export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  return db
}

export function migrate(db: Db): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migration (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)')
  const applied = new Set(db.prepare('SELECT name FROM schema_migration').pluck().all() as string[])
  const pending = readdirSync(MIGRATIONS_FOLDER)
    .filter((name) => /^\d{3}-[a-z0-9-]+\.sql$/.test(name) && !applied.has(name))
    .sort()
  const record = db.prepare("INSERT INTO schema_migration (name, applied_at) VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")
  for (const name of pending) {
    db.transaction(() => {
      db.exec(readFileSync(join(MIGRATIONS_FOLDER, name), 'utf8'))
      record.run(name)
    })()
  }
  return pending
}
