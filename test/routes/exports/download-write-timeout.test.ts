// A download whose client stops reading is cut off after the write timeout, and lets go of its database snapshot: on
// SQLite the write-ahead log can be emptied again, on PostgreSQL no connection is left in a transaction.
import Database from 'better-sqlite3'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { LONG_DOWNLOAD_BYTES, LONG_DOWNLOAD_PATH, openPausedDownload, readRest, seedLongDownload } from '../../support/long-download.js'
import { addStaff, signedInCookie } from '../../support/staff-users.js'
import { listen, testLinkscore, TEST_DATABASE, type TestLinkscore } from '../../support/test-linkscore.js'

const WRITE_TIMEOUT_MS = 1000

let ls: TestLinkscore
let server: Awaited<ReturnType<typeof listen>>
let cookie: string
beforeAll(async () => {
  ls = await testLinkscore({ config: { writeTimeoutMs: WRITE_TIMEOUT_MS } })
  await seedLongDownload(ls)
  server = await listen(ls.app)
  cookie = await signedInCookie(server.url, 'admin@example.org', await addStaff(ls, 'admin@example.org', 'admin'))
})
afterAll(async () => {
  await server.stop()
  await ls.close()
})

const stalledDownload = () => openPausedDownload(`${server.url}${LONG_DOWNLOAD_PATH}`, cookie)

/** Is something still holding a snapshot? SQLite: a checkpoint that cannot empty the log; PostgreSQL: another of the app's connections in a transaction. */
async function snapshotHeld(): Promise<{ held: boolean; detail: unknown }> {
  if (TEST_DATABASE === 'sqlite') {
    const check = new Database((ls.config.database as { path: string }).path, { timeout: 0 })
    try {
      const [result] = check.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[]
      return { held: result!.busy !== 0, detail: result }
    } finally {
      check.close()
    }
  }
  const applicationName = new URL((ls.config.database as { url: string }).url).searchParams.get('application_name')!
  const { rows } = await sql<{ state: string }>`SELECT state FROM pg_stat_activity
    WHERE application_name = ${applicationName} AND xact_start IS NOT NULL AND pid <> pg_backend_pid()`.execute(ls.db)
  return { held: rows.length > 0, detail: rows }
}

async function until(condition: () => Promise<boolean>, ms: number): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end && !(await condition());) await new Promise((resolve) => setTimeout(resolve, 50))
}

it('cuts off a download the client stops reading, and lets go of its snapshot', async () => {
  const res = await stalledDownload()
  expect(res.statusCode).toBe(200)
  expect(await snapshotHeld()).toMatchObject({ held: true })

  await until(async () => !(await snapshotHeld()).held, 20 * WRITE_TIMEOUT_MS)
  expect(await snapshotHeld()).toEqual({
    held: false,
    detail: TEST_DATABASE === 'sqlite' ? { busy: 0, log: 0, checkpointed: 0 } : [],
  })
  const rest = await readRest(res)
  expect(rest.complete).toBe(false)
  expect(rest.bytes).toBeLessThan(LONG_DOWNLOAD_BYTES)
})

it('lets a client that keeps reading have the whole file', async () => {
  const res = await stalledDownload()
  const rest = await readRest(res)
  expect(rest.complete).toBe(true)
  expect(rest.bytes).toBeGreaterThan(LONG_DOWNLOAD_BYTES)
  expect(await snapshotHeld()).toMatchObject({ held: false })
})
