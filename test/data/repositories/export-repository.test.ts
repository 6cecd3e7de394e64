// Export rows are read on a connection of their own, so a download in progress never stops anyone saving.
import { existsSync, readdirSync, readlinkSync } from 'node:fs'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { seedExportFixture } from '../../support/export-fixture.js'
import { TEST_DATABASE, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
beforeEach(async () => {
  ls = await testLinkscore()
  await seedExportFixture(ls)
})
afterEach(async () => {
  await ls.close()
})

const waveId = async () => (await ls.repos.waves.findBySlug((await ls.repos.programmes.findBySlug('north'))!.id, 'baseline'))!.id

async function countRows(rows: AsyncIterable<unknown>): Promise<number> {
  let n = 0
  for await (const _ of rows) n++
  return n
}

const answersIn = (responses: readonly { answers: readonly unknown[] }[]) => responses.reduce((n, response) => n + response.answers.length, 0)

async function countAnswers(batches: AsyncIterable<{ answers: readonly unknown[] }[]>): Promise<number> {
  let n = 0
  for await (const batch of batches) n += answersIn(batch)
  return n
}

it.each(['answerBatches', 'responseAnswerRows'] as const)('%s: the shared connection can still write while an export is half read', async (method) => {
  const rows = ls.repos.exports[method](await waveId(), true)
  expect((await rows.next()).done).toBe(false)
  await ls.services.auditLog.audit({ kind: 'command line' }, 'password reset', { user: 'someone@example.org' })
  expect(await ls.repos.auditLog.count()).toBe(1)
  await rows.return(undefined)
})

it('reads a snapshot: a response submitted after the export started is not in it', async () => {
  const count = async () => countAnswers(ls.repos.exports.answerBatches(await waveId(), false))
  const before = await count()
  const batches = ls.repos.exports.answerBatches(await waveId(), false)
  const first = await batches.next()
  expect(first.done).toBe(false)
  expect(await ls.repos.responses.submit(6, '2026-03-02T00:00:00.000Z')).toBe(true) // it has two answers
  expect(answersIn(first.value ?? []) + (await countAnswers(batches))).toBe(before)
  expect(await count()).toBe(before + 2)
})

// Open files of this process that are the database itself (Linux only).
const openDatabaseFiles = () =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return ls.config.database.kind === 'sqlite' && readlinkSync(`/proc/self/fd/${fd}`) === ls.config.database.path
    } catch {
      return false
    }
  }).length

// SQLite may keep a closed connection's file open for reuse while another connection holds locks on it, so this checks
// that twenty exports, stopped early or read to the end, leave no more files open than one. SQLite only: it counts the
// open files of the database file; on PostgreSQL each export's connection goes back to the pool.
it.skipIf(TEST_DATABASE !== 'sqlite' || !existsSync('/proc/self/fd'))(
  'closes its connection when the reader stops early, and when it reaches the end',
  async () => {
    const before = openDatabaseFiles()
    for (let i = 0; i < 10; i++) {
      const batches = ls.repos.exports.answerBatches(await waveId(), true)
      await batches.next()
      await batches.return(undefined)
      expect(await countRows(ls.repos.exports.responseAnswerRows(await waveId(), true))).toBeGreaterThan(0)
    }
    expect(openDatabaseFiles()).toBeLessThanOrEqual(before + 1)
  },
)
