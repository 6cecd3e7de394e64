// The SQLite database's own settings and closing: what a confirmed save and a stopped server leave on disk.
import { existsSync, statSync } from 'node:fs'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { seedLongDownload } from '../support/long-download.js'
import { testLinkscore, TEST_DATABASE, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore | undefined
afterEach(async () => {
  await ls?.close()
  ls = undefined
})

const pragma = async (name: string) => Object.values((await sql<Record<string, unknown>>`${sql.raw(`PRAGMA ${name}`)}`.execute(ls!.db)).rows[0]!)[0]

describe.skipIf(TEST_DATABASE !== 'sqlite')('SQLite', () => {
  it('writes ahead to a log, and syncs it at every commit (synchronous = FULL: a confirmed save survives a power cut)', async () => {
    ls = await testLinkscore()
    expect(await pragma('journal_mode')).toBe('wal')
    expect(await pragma('synchronous')).toBe(2) // 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA
    expect(await pragma('foreign_keys')).toBe(1)
  })

  it('on close ends a stream still reading with an error (not a short file) and empties the write-ahead log', async () => {
    ls = await testLinkscore()
    await seedLongDownload(ls)
    const wave = (await ls.db.selectFrom('wave').select('id').executeTakeFirstOrThrow()).id
    const rows = ls.repos.exports.answerBatches(wave, false)
    expect((await rows.next()).done).toBe(false)
    const path = (ls.config.database as { path: string }).path
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0)

    await ls.repos.close()
    await expect(rows.next()).rejects.toThrow('The database was closed while an export was reading it')
    expect(existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0).toBe(0)
  })
})
