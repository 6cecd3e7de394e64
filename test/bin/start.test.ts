// `npm start` runs bin/start.js: on a fresh clone it builds dist/ and serves from it; it builds again only when a
// source is newer, and the build keeps working when the folder is moved. Each test runs in a copy of the project.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { freePort } from '../support/free-port.js'

const ROOT = join(import.meta.dirname, '..', '..')
const folder = mkdtempSync(join(tmpdir(), 'linkscore-start-'))
let project = join(folder, 'clone')
for (const part of ['bin', 'server', 'views', 'static', 'questionnaires', 'package.json', 'package-lock.json', 'tsconfig.json'])
  cpSync(join(ROOT, part), join(project, part), { recursive: true })
symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** Starts `node bin/start.js` in the copy, waits for /healthz, and returns the home page it serves. */
async function startAndFetchHome(): Promise<{ status: number; html: string; stylesheet: number }> {
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, ['bin/start.js'], {
    cwd: project,
    env: { ...process.env, PORT: String(port), LINKSCORE_DB: join(folder, 'db.sqlite'), LINKSCORE_DEMO: 'off', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  try {
    const deadline = Date.now() + 30_000
    for (;;) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`bin/start.js did not serve /healthz:\n${output}`)
      const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (res) => res.ok,
        () => false,
      )
      if (up) break
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const home = await fetch(`http://127.0.0.1:${port}/`)
    const html = await home.text()
    const css = /href="(\/[^"]+\.css)"/.exec(html)?.[1]
    const stylesheet = css ? (await fetch(`http://127.0.0.1:${port}${css}`)).status : 0
    return { status: home.status, html, stylesheet }
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
  }
}

const builtAt = () => statSync(join(project, 'dist', 'built')).mtimeMs

it('builds dist/ on a fresh clone and serves the pages, their templates and static files from it', { timeout: 60_000 }, async () => {
  const home = await startAndFetchHome()
  expect(home.status).toBe(200)
  expect(home.html).toContain('Linkscore')
  expect(home.stylesheet).toBe(200)
  expect(readFileSync(join(project, 'dist', 'server.js'), 'utf8')).not.toMatch(/import\.meta\.url\)\),\s*"\.\."\)/)
  // The scoring pool's worker is built too, so worker threads start from JavaScript rather than compiling through tsx.
  expect(readFileSync(join(project, 'dist', 'wave-scorer-worker.js'), 'utf8')).toMatch(/export\s*\{[^}]*as default/)
  // The questionnaires it loaded are kept beside the build, for the next start to read rather than parse.
  expect(readdirSync(join(project, 'dist')).filter((name) => /^questionnaires-[0-9a-f]+\.json$/.test(name))).toHaveLength(1)
})

it('builds again only when a source is newer than the build, and still serves after the folder is moved', { timeout: 60_000 }, async () => {
  const first = builtAt()
  await startAndFetchHome()
  expect(builtAt()).toBe(first)

  const moved = join(folder, 'moved')
  renameSync(project, moved)
  project = moved
  expect((await startAndFetchHome()).status).toBe(200)
  expect(builtAt()).toBe(first)

  const later = new Date(first + 5000)
  utimesSync(join(project, 'server', 'app.ts'), later, later)
  expect((await startAndFetchHome()).status).toBe(200)
  expect(builtAt()).toBeGreaterThan(first)
})

it('runs the linkscore command line from the build', { timeout: 60_000 }, () => {
  const run = spawnSync(process.execPath, ['bin/linkscore.js', 'validate'], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, LINKSCORE_DB: join(folder, 'cli.sqlite') },
  })
  expect(run.stderr).toBe('')
  expect(run.status).toBe(0)
  expect(run.stdout).toContain('ok  questionnaires/normalisation.yaml: normalisation version 2')
})
