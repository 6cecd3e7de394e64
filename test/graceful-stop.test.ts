// The server stopped with SIGTERM: new connections are refused, a download being read finishes, one nobody reads is
// cut off at LINKSCORE_SHUTDOWN_TIMEOUT_SECONDS, the write-ahead log is emptied and the process exits 0; a second signal exits 1.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { boot } from '../server/boot.js'
import { LONG_DOWNLOAD_BYTES, LONG_DOWNLOAD_PATH, openPausedDownload, readRest, seedLongDownload } from './support/long-download.js'
import { signedInCookie } from './support/staff-users.js'
import { FIXTURE_QUESTIONNAIRES } from './support/test-linkscore.js'

const folder = mkdtempSync(join(tmpdir(), 'linkscore-stop-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

/** A SQLite file with a long download and an admin, and the server started on it. */
async function startServer(name: string, env: Record<string, string> = {}) {
  const path = join(folder, `${name}.db`)
  const setup = await boot({ database: { kind: 'sqlite', path }, questionnairesFolder: FIXTURE_QUESTIONNAIRES })
  await seedLongDownload(setup)
  const { password } = await setup.services.staffAccounts.addUser(
    { email: 'admin@example.org', role: 'admin' },
    { kind: 'command line' },
    { mustChangePassword: false },
  )
  await setup.repos.close()

  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), LINKSCORE_DB: path, LINKSCORE_QUESTIONNAIRES: FIXTURE_QUESTIONNAIRES, LINKSCORE_DEMO: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  await printed(child, () => stdout, 'listening')
  const base = `http://127.0.0.1:${port}`
  return { path, base, child, exited, cookie: await signedInCookie(base, 'admin@example.org', password), output: () => stdout }
}

function printed(child: ChildProcess, output: () => string, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => output().includes(text) && resolve()
    child.stdout!.on('data', check)
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before printing "${text}":\n${output()}`)))
    check()
  })
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms))])

it('on SIGTERM refuses new connections, finishes a download being read, cuts one nobody reads, empties the WAL and exits 0', async () => {
  const server = await startServer('stop', { LINKSCORE_SHUTDOWN_TIMEOUT_SECONDS: '2' })
  const stalled = await openPausedDownload(`${server.base}${LONG_DOWNLOAD_PATH}`, server.cookie)
  const reading = await openPausedDownload(`${server.base}${LONG_DOWNLOAD_PATH}`, server.cookie)

  server.child.kill('SIGTERM')
  await printed(server.child, server.output, 'SIGTERM: letting requests in progress finish (up to 2 s), then stopping')
  await expect(fetch(`${server.base}/healthz`)).rejects.toThrow()
  const read = await readRest(reading)
  expect(await within(server.exited, 10_000)).toBe(0)

  expect(read.complete).toBe(true)
  expect(read.bytes).toBeGreaterThan(LONG_DOWNLOAD_BYTES)
  expect(await readRest(stalled)).toMatchObject({ complete: false })
  const wal = `${server.path}-wal`
  expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0)
})

it('exits 1 at once on a second signal while waiting for a download', async () => {
  const server = await startServer('again')
  const stalled = await openPausedDownload(`${server.base}${LONG_DOWNLOAD_PATH}`, server.cookie)
  server.child.kill('SIGTERM')
  await printed(server.child, server.output, 'SIGTERM: letting requests in progress finish (up to 8 s), then stopping')
  server.child.kill('SIGINT')
  expect(await within(server.exited, 5_000)).toBe(1)
  expect(server.output()).toContain('SIGINT again: stopping at once')
  stalled.destroy()
})
