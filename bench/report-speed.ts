// `npm run bench`, the report half: the scorecard's and the comparison's server time on generated programmes of 100 and
// 1,000 practices × 20 respondents, for a wave without a previous one (wave 1) and with one (wave 2), cold (the first
// request after start, and the first after a submit) and warm (the median of several); the comparison page's bytes;
// and a respondent's section page, p50 and p99, while a cold scorecard is being built, beside the same page's p99 with
// nothing else running (that row's ceiling). Server time is the request's time on localhost, body read: the app sends
// no Server-Timing header. Generated databases are kept in $TMPDIR/linkscore-bench-reports, by size and seed.
// BENCH_PRACTICES=100 (a comma list) limits the sizes; BENCH_SECONDS shortens the respondent's ceiling row.
import autocannon from 'autocannon'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { boot } from '../server/boot.js'
import { filledIn, respondentSection } from './respondent-section.js'
import { freePort } from '../test/support/free-port.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const SIZES = (process.env.BENCH_PRACTICES ?? '100,1000').split(',').map(Number)
const RESPONDENTS = 20
const WAVES = 2
const SEED = 1
const WARM_RUNS = 5
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = 4
const CACHE = join(tmpdir(), 'linkscore-bench-reports')
const EMAIL = 'bench@example.org'

const folder = mkdtempSync(join(tmpdir(), 'linkscore-report-bench-'))
const children = new Set<ChildProcess>()

/** The generated programme's database, made once per size and seed (1,000 practices take some minutes). */
function generatedDatabase(practices: number): { path: string; note: string } {
  mkdirSync(CACHE, { recursive: true })
  const path = join(CACHE, `synthetic-p${practices}-r${RESPONDENTS}-w${WAVES}-s${SEED}.db`)
  if (existsSync(path)) return { path, note: 'cached' }
  const partial = `${path}.partial`
  rmSync(partial, { force: true })
  const args = ['--practices', practices, '--respondents', RESPONDENTS, '--waves', WAVES, '--seed', SEED].map(String)
  const made = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'demo', 'generate', ...args], {
    cwd: ROOT,
    env: { ...process.env, LINKSCORE_DB: partial, LINKSCORE_DEMO: 'off' },
    encoding: 'utf8',
  })
  if (made.status !== 0) throw new Error(`demo generate failed:\n${made.stderr}`)
  renameSync(partial, path)
  return { path, note: made.stdout.trim() }
}

/** A copy for this run (a submit writes to it), with an admin whose password is known. */
async function runDatabase(practices: number): Promise<{ path: string; password: string; note: string }> {
  const { path: cached, note } = generatedDatabase(practices)
  const path = join(folder, `p${practices}.db`)
  copyFileSync(cached, path)
  const ls = await boot({ database: { kind: 'sqlite', path }, questionnairesFolder: join(ROOT, 'questionnaires') })
  try {
    const { password } = await ls.services.staffAccounts.addUser({ email: EMAIL, role: 'admin' }, { kind: 'command line' }, { mustChangePassword: false })
    return { path, password, note }
  } finally {
    await ls.database.close()
  }
}

interface Server {
  child: ChildProcess
  base: string
}

async function startServer(db: string): Promise<Server> {
  const port = await freePort()
  const env = { ...process.env, NODE_ENV: 'production', PORT: String(port), LINKSCORE_DB: db, LINKSCORE_DEMO: 'off', LINKSCORE_BASE_URL: undefined }
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  children.add(child)
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const base = `http://127.0.0.1:${port}`
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped:\n${output}`)
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, base }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  process.kill(-child.pid!, 'SIGTERM')
  await exited
  children.delete(child)
}

const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')

async function signIn(base: string, password: string): Promise<string> {
  const form = await fetch(`${base}/sign-in`)
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? ''
  const res = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookiesOf(form), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email: EMAIL, password }).toString(),
  })
  if (res.status !== 303) throw new Error(`signing in answered ${res.status}`)
  return cookiesOf(res)
}

/** One request's time, body read, and its size; anything but 200 stops the run. */
async function timed(url: string, cookie: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now()
  const res = await fetch(url, { headers: { cookie } })
  const body = await res.arrayBuffer()
  const ms = performance.now() - started
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`)
  return { ms, bytes: body.byteLength }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** A response through the open link of a practice, every page saved with its first choices, then submitted. */
async function submitResponse(base: string, practice: string, wave: string): Promise<void> {
  const section = await respondentSection(base, `/p/${practice}/${wave}`)
  const token = section.url.split('/')[2]!
  const post = (path: string, body: string) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: section.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    })
  for (let step = 0; step < 100; step++) {
    const check = await fetch(`${base}/r/${token}/check-answers`, { headers: { cookie: section.cookie } })
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await check.text())?.[1] ?? ''
    const submitted = await post(`/r/${token}/check-answers`, new URLSearchParams({ _csrf: csrf }).toString())
    const next = submitted.headers.get('location') ?? ''
    if (next.endsWith('/confirmation')) return
    const page = await fetch(`${base}${next}`, { headers: { cookie: section.cookie } })
    const saved = await post(next, filledIn(await page.text()))
    if (saved.status !== 303) throw new Error(`saving ${next} answered ${saved.status}`)
  }
  throw new Error('the survey did not end')
}

interface Row {
  practices: number
  page: string
  wave: string
  cold: number
  afterSubmit?: number
  warm: number
  bytes: number
}

const PRACTICE = 'SYNTHETIC-0001'
const pages = (base: string) => ({
  scorecard: (wave: string) => `${base}/programmes/synthetic/practices/${PRACTICE}?wave=${wave}`,
  comparison: (wave: string) => `${base}/programmes/synthetic/compare?wave=${wave}`,
})

async function measureSize(practices: number): Promise<{ rows: Row[]; respondent: string[]; note: string }> {
  const { path, password, note } = await runDatabase(practices)
  const rows: Row[] = []
  for (const page of ['scorecard', 'comparison'] as const) {
    for (const wave of ['wave-1', 'wave-2']) {
      // A fresh server for each cold figure: nothing of this wave's scores is kept yet.
      const server = await startServer(path)
      const cookie = await signIn(server.base, password)
      const url = pages(server.base)[page](wave)
      const cold = await timed(url, cookie)
      const warm: number[] = []
      for (let i = 0; i < WARM_RUNS; i++) warm.push((await timed(url, cookie)).ms)
      let afterSubmit: number | undefined
      // Wave 2 is open: a submit there changes its scores, so the next request works them out again.
      if (wave === 'wave-2') {
        await submitResponse(server.base, 'SYNTHETIC-0002', wave)
        afterSubmit = (await timed(url, cookie)).ms
      }
      rows.push({ practices, page, wave, cold: cold.ms, warm: median(warm), bytes: cold.bytes, ...(afterSubmit === undefined ? {} : { afterSubmit }) })
      await stop(server.child)
    }
  }
  return { rows, respondent: await respondentWhileScoring(path, password, practices), note }
}

const autocannonRun = (url: string, cookie: string, duration: number) => autocannon({ url, connections: CONNECTIONS, headers: { cookie }, duration })

/** The section page with nothing else running, then while the cold wave-2 scorecard (with its change) is built. */
async function respondentWhileScoring(path: string, password: string, practices: number): Promise<string[]> {
  const server = await startServer(path)
  const staff = await signIn(server.base, password)
  const section = await respondentSection(server.base, `/p/SYNTHETIC-0003/wave-2`)
  const sectionUrl = `${server.base}${section.url}`
  await autocannonRun(sectionUrl, section.cookie, 2)
  const alone = await autocannonRun(sectionUrl, section.cookie, SECONDS)
  // The load runs until the scorecard has been built, and no longer.
  let during: autocannon.Instance | undefined
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    during = autocannon({ url: sectionUrl, connections: CONNECTIONS, headers: { cookie: section.cookie }, duration: 600 }, (error, result) =>
      error ? reject(error as Error) : resolve(result),
    )
  })
  await new Promise((resolve) => setTimeout(resolve, 200))
  const scorecard = await timed(pages(server.base).scorecard('wave-2'), staff)
  during!.stop()
  const loaded = await finished
  await stop(server.child)
  const ms = (n: number) => n.toFixed(1)
  return [
    `| ${practices} | alone (ceiling), ${SECONDS} s | ${alone.requests.total} | ${ms(alone.latency.p50)} | ${ms(alone.latency.p99)} | |`,
    `| ${practices} | while a cold scorecard is built (${Math.round(scorecard.ms)} ms) | ${loaded.requests.total} | ${ms(loaded.latency.p50)} | ${ms(loaded.latency.p99)} | ${(loaded.latency.p99 / Math.max(alone.latency.p99, 0.1)).toFixed(1)}× |`,
  ]
}

async function main(): Promise<void> {
  const results = []
  for (const practices of SIZES) results.push(await measureSize(practices))
  const number = (n: number) => Math.round(n).toLocaleString('en-GB')
  for (const { note } of results) console.log(note)
  console.log(`\nServer time: each request on localhost, body read. ${RESPONDENTS} respondents a practice, 2 waves (wave 2 has wave 1 before it).`)
  console.log(`Cold: the first request after the server starts; after a submit: the first after a response to wave 2 is submitted.`)
  console.log(
    `Warm: median of ${WARM_RUNS}. Targets (issue 14, 1,000 practices): warm scorecard < 50 ms, comparison < 200 ms, first scorecard after a submit < 1 s.\n`,
  )
  console.log('| practices | page | wave | cold ms | after a submit ms | warm ms | page bytes |')
  console.log('| ---: | --- | --- | ---: | ---: | ---: | ---: |')
  for (const r of results.flatMap((x) => x.rows)) {
    const previous = r.wave === 'wave-2' ? 'wave 2 (previous wave)' : 'wave 1 (no previous)'
    console.log(
      `| ${number(r.practices)} | ${r.page} | ${previous} | ${number(r.cold)} | ${r.afterSubmit === undefined ? '' : number(r.afterSubmit)} | ${number(r.warm)} | ${number(r.bytes)} |`,
    )
  }
  console.log(`\nA respondent's section page (autocannon, ${CONNECTIONS} connections). Target: p99 < 50 ms while a scorecard is computed.\n`)
  console.log('| practices | section GET | requests | p50 ms | p99 ms | p99 ÷ ceiling |')
  console.log('| ---: | --- | ---: | ---: | ---: | ---: |')
  for (const line of results.flatMap((x) => x.respondent)) console.log(line)
}

try {
  await main()
} finally {
  for (const child of children) await stop(child)
  rmSync(folder, { recursive: true, force: true })
}
