// SQLite commits the transactions that end together in one sync, and answers each only once it is on disk; one that
// fails is undone alone.
import Database from 'better-sqlite3'
import { Kysely, sql, type Generated } from 'kysely'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GroupCommitSqliteDialect } from '../../server/data/group-commit-driver.js'
import { TEST_DATABASE } from '../support/test-linkscore.js'

interface Tables {
  note: { id: Generated<number>; text: string }
}

describe.skipIf(TEST_DATABASE !== 'sqlite')('group commit on SQLite', () => {
  let folder: string
  let path: string
  let raw: Database.Database
  let db: Kysely<Tables>

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'linkscore-group-commit-'))
    path = join(folder, 'notes.db')
    raw = new Database(path)
    raw.pragma('journal_mode = WAL')
    raw.pragma('synchronous = FULL')
    raw.exec('CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)')
    db = new Kysely<Tables>({ dialect: new GroupCommitSqliteDialect({ database: raw }, () => raw.inTransaction) })
  })
  afterEach(async () => {
    await db.destroy()
    rmSync(folder, { recursive: true, force: true })
  })

  /** What another connection (another process, or the server after a crash) finds on disk. */
  function notesOnDisk(): string[] {
    const other = new Database(path, { readonly: true })
    try {
      return (other.prepare('SELECT text FROM note ORDER BY id').pluck().all() as string[]).sort()
    } finally {
      other.close()
    }
  }
  /** Frames in the write-ahead log: each commit writes the pages it changed and a commit record. */
  const walFrames = () => (raw.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]!.log
  const addNote = (text: string) => db.transaction().execute((trx) => trx.insertInto('note').values({ text }).execute())

  it('commits twenty transactions that end together in one write to the log, and each is on disk when it returns', async () => {
    raw.pragma('wal_checkpoint(TRUNCATE)')
    const seen: string[][] = []
    const texts = Array.from({ length: 20 }, (_, i) => `note ${String(i).padStart(2, '0')}`)
    await Promise.all(texts.map((text) => addNote(text).then(() => seen.push(notesOnDisk()))))

    expect(notesOnDisk()).toEqual(texts)
    // Every transaction's answer came after all twenty were on disk: they were committed at once.
    expect(seen.every((notes) => notes.length === 20)).toBe(true)
    // One commit of one changed page; committed one by one, each would have written its own frame.
    expect(walFrames()).toBeLessThanOrEqual(2)
  })

  it('undoes a transaction that fails, alone, and tells only its caller', async () => {
    const failing = db.transaction().execute(async (trx) => {
      await trx.insertInto('note').values({ text: 'undone' }).execute()
      throw new Error('the page did not validate')
    })
    const results = await Promise.allSettled([addNote('first'), failing, addNote('last')])

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('the page did not validate'))
    expect(notesOnDisk()).toEqual(['first', 'last'])
  })

  it('answers a write outside a transaction, made while others are being committed, once it is on disk too', async () => {
    const inTransaction = addNote('in a transaction')
    await db.insertInto('note').values({ text: 'on its own' }).execute()
    expect(notesOnDisk()).toEqual(['in a transaction', 'on its own'])
    await inTransaction
  })

  it('refuses every transaction of a group that SQLite rolled back, and goes on committing the next group', async () => {
    const first = addNote('committed with the lost group')
    // A transaction whose statement makes SQLite roll back everything open on the connection, as a disk error does.
    const rolledBack = db.transaction().execute(async (trx) => {
      await trx.insertInto('note').values({ text: 'lost' }).execute()
      await sql`ROLLBACK`.execute(trx)
      throw new Error('disk I/O error')
    })
    const results = await Promise.allSettled([first, rolledBack])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect(notesOnDisk()).toEqual([])

    await addNote('next group')
    expect(notesOnDisk()).toEqual(['next group'])
  })
})
