// Export rows are read on a connection of their own, so a download in progress never stops anyone saving.
import { existsSync, readdirSync, readlinkSync } from 'node:fs'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { seedExportFixture } from '../../support/export-fixture.js'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
beforeEach(() => {
  ls = testLinkscore()
  seedExportFixture(ls)
})
afterEach(() => ls.close())

const waveId = () => ls.repos.waves.findBySlug(ls.repos.programmes.findBySlug('north')!.id, 'baseline')!.id

it.each(['answerRows', 'responseAnswerRows'] as const)('%s: the shared connection can still write while an export is half read', (method) => {
  const rows = ls.repos.exports[method](waveId(), true)
  expect(rows.next().done).toBe(false)
  ls.services.auditLog.audit({ kind: 'command line' }, 'password reset', { user: 'someone@example.org' })
  expect(ls.repos.auditLog.count()).toBe(1)
  rows.return(undefined)
})

it('reads a snapshot: a response submitted after the export started is not in it', () => {
  const count = () => [...ls.repos.exports.answerRows(waveId(), false)].length
  const before = count()
  const rows = ls.repos.exports.answerRows(waveId(), false)
  expect(rows.next().done).toBe(false)
  ls.repos.responses.submit(6, '2026-03-02T00:00:00.000Z') // it has two answers
  expect(1 + [...rows].length).toBe(before)
  expect(count()).toBe(before + 2)
})

// Open files of this process that are the database itself (Linux only).
const openDatabaseFiles = () =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === ls.config.databasePath
    } catch {
      return false
    }
  }).length

// SQLite may keep a closed connection's file open for reuse while another connection holds locks on it, so this checks
// that twenty exports, stopped early or read to the end, leave no more files open than one.
it.skipIf(!existsSync('/proc/self/fd'))('closes its connection when the reader stops early, and when it reaches the end', () => {
  const before = openDatabaseFiles()
  for (let i = 0; i < 10; i++) {
    const rows = ls.repos.exports.answerRows(waveId(), true)
    rows.next()
    rows.return(undefined)
    expect([...ls.repos.exports.responseAnswerRows(waveId(), true)].length).toBeGreaterThan(0)
  }
  expect(openDatabaseFiles()).toBeLessThanOrEqual(before + 1)
})
