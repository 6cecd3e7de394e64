// `npm run bench`, the page half: the survey section page's GET and its save (POST) on Linkscore against a bare
// Express 5 + EJS ceiling app rendering a page of the same size and taking the same form, in one run and side by side;
// the same GET from `npm start` exactly as the README gives it; and the cold start to /healthz. Prints one table.
import autocannon from 'autocannon'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { questionsFor } from './ceiling/ceiling-app.js'
import { respondentSection, type SectionRequest } from './respondent-section.js'
import { freePort } from '../test/support/free-port.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const CONNECTIONS = 64
/** Seconds of load per row, after WARM_UP seconds not counted; BENCH_SECONDS shortens or lengthens a run. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const WARM_UP = 2
const COLD_STARTS = 3

const folder = mkdtempSync(join(tmpdir(), 'linkscore-bench-'))
const children = new Set<ChildProcess>()

/** Starts a process in a group of its own (npm start has a child), and resolves once `url` answers 200: with how long that took. */
async function startServer(
  command: string[],
  env: Record<string, string | undefined>,
  url: string,
): Promise<{ child: ChildProcess; ms: number; output: () => string }> {
  const started = performance.now()
  const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  children.add(child)
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command.join(' ')} stopped:\n${output}`)
    const ok = await fetch(url).then(
      (res) => res.ok,
      () => false,
    )
    if (ok) return { child, ms: performance.now() - started, output: () => output }
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  process.kill(-child.pid!, 'SIGTERM')
  await exited
  // npm exits before the server it started has stopped: wait for the whole group, or the next cold start would be
  // answered by this server, still holding the port.
  while (groupAlive(child.pid!)) await new Promise((resolve) => setTimeout(resolve, 10))
  children.delete(child)
}

interface Load {
  requestsPerSecond: number
  p99: number
  statuses: string
}

async function load(url: string, section: SectionRequest, method: 'GET' | 'POST'): Promise<Load> {
  const options = {
    url,
    connections: CONNECTIONS,
    method,
    headers: { cookie: section.cookie, ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    ...(method === 'POST' ? { body: section.body } : {}),
  }
  await autocannon({ ...options, duration: WARM_UP })
  const result = await autocannon({ ...options, duration: SECONDS })
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .map(([code, { count }]) => `${code}×${count}`)
    .join(' ')
  return { requestsPerSecond: result.requests.average, p99: result.latency.p99, statuses: result.errors > 0 ? `${statuses} errors×${result.errors}` : statuses }
}

const linkscoreServer = (port: number, db: string) => ({
  command: [process.execPath, '--import', 'tsx', 'server/main.ts'],
  env: { NODE_ENV: 'production', PORT: String(port), LINKSCORE_DB: db, LINKSCORE_DEMO: 'off', LINKSCORE_BASE_URL: undefined },
})
/** `npm start` as the README gives it: the defaults, but for a free port and a database of the benchmark's own. */
const npmStart = (port: number, db: string) => ({
  command: ['npm', 'start'],
  env: { NODE_ENV: undefined, PORT: String(port), LINKSCORE_DB: db, LINKSCORE_DEMO: undefined, LINKSCORE_BASE_URL: undefined },
})

async function main(): Promise<void> {
  const generatedDb = join(folder, 'generated.db')
  const generated = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/cli/main.ts', 'demo', 'generate', '--practices', '20', '--respondents', '10', '--waves', '2', '--seed', '1'],
    { cwd: ROOT, env: { ...process.env, LINKSCORE_DB: generatedDb, LINKSCORE_DEMO: 'off' }, encoding: 'utf8' },
  )
  if (generated.status !== 0) throw new Error(`demo generate failed:\n${generated.stderr}`)
  console.log(generated.stdout.trim())

  const rows: { page: string; server: string; load: Load; bytes: number; ceiling?: Load }[] = []

  const lsPort = await freePort()
  const linkscore = linkscoreServer(lsPort, generatedDb)
  const ls = await startServer(linkscore.command, linkscore.env, `http://127.0.0.1:${lsPort}/healthz`)
  const section = await respondentSection(`http://127.0.0.1:${lsPort}`, '/p/SYNTHETIC-0001/wave-2')
  const questions = questionsFor(section.pageBytes)

  const ceilingPort = await freePort()
  const ceiling = await startServer(
    [process.execPath, '--import', 'tsx', 'bench/ceiling/serve-ceiling.ts'],
    { NODE_ENV: 'production', PORT: String(ceilingPort), CEILING_QUESTIONS: String(questions) },
    `http://127.0.0.1:${ceilingPort}/section`,
  )
  const ceilingUrl = `http://127.0.0.1:${ceilingPort}/section`
  const ceilingBytes = Buffer.byteLength(await (await fetch(ceilingUrl)).text())
  const ceilingSection = { ...section, url: '/section' }

  for (const method of ['GET', 'POST'] as const) {
    const top = await load(ceilingUrl, ceilingSection, method)
    rows.push({ page: `section ${method}`, server: 'ceiling: Express 5 + EJS', load: top, bytes: ceilingBytes })
    const ours = await load(`http://127.0.0.1:${lsPort}${section.url}`, section, method)
    rows.push({ page: `section ${method}`, server: 'Linkscore (NODE_ENV=production)', load: ours, bytes: section.pageBytes, ceiling: top })
  }
  await stop(ls.child)

  // npm start as the README gives it, on a fresh database: it creates the demo programme and prints its open link.
  const quickDb = join(folder, 'quick-start.db')
  const quickPort = await freePort()
  const quick = npmStart(quickPort, quickDb)
  const first = await startServer(quick.command, quick.env, `http://127.0.0.1:${quickPort}/healthz`)
  const openLink = /open practice link: +\S+?(\/p\/\S+)/.exec(first.output())?.[1]
  if (!openLink) throw new Error(`npm start printed no open link:\n${first.output()}`)
  const quickSection = await respondentSection(`http://127.0.0.1:${quickPort}`, openLink)
  const quickGet = await load(`http://127.0.0.1:${quickPort}${quickSection.url}`, quickSection, 'GET')
  rows.push({ page: 'section GET', server: 'Linkscore via `npm start`', load: quickGet, bytes: quickSection.pageBytes, ceiling: rows[0]!.load })
  await stop(first.child)

  // Cold start on a small database (the quick start's, made above): from spawning to the first 200 from /healthz.
  const coldStarts: { how: string; ms: number[] }[] = []
  for (const [how, server] of [
    ['npm start', npmStart(quickPort, quickDb)],
    [
      'node --import tsx server/main.ts',
      { ...linkscoreServer(quickPort, quickDb), env: { ...linkscoreServer(quickPort, quickDb).env, LINKSCORE_DEMO: undefined } },
    ],
  ] as const) {
    const ms: number[] = []
    for (let i = 0; i < COLD_STARTS; i++) {
      const started = await startServer([...server.command], server.env, `http://127.0.0.1:${quickPort}/healthz`)
      ms.push(started.ms)
      await stop(started.child)
    }
    coldStarts.push({ how, ms })
  }
  await stop(ceiling.child)

  const number = (n: number) => Math.round(n).toLocaleString('en-GB')
  console.log(`\nautocannon ${CONNECTIONS} connections, ${SECONDS} s per row after a ${WARM_UP} s warm-up; form body ${section.body.length} bytes`)
  console.log(`Linkscore's database: demo generate --practices 20 --respondents 10 --waves 2 (SQLite, synchronous = FULL)\n`)
  console.log('| page | server | page bytes | req/s | p99 ms | share of ceiling | statuses |')
  console.log('| --- | --- | ---: | ---: | ---: | ---: | --- |')
  for (const { page, server, load: l, bytes, ceiling: top } of rows) {
    const share = top ? `${Math.round((100 * l.requestsPerSecond) / top.requestsPerSecond)}%` : '(ceiling)'
    console.log(`| ${page} | ${server} | ${number(bytes)} | ${number(l.requestsPerSecond)} | ${l.p99} | ${share} | ${l.statuses} |`)
  }
  console.log('\n| cold start to /healthz (small database) | runs, ms | median ms |')
  console.log('| --- | --- | ---: |')
  for (const { how, ms } of coldStarts) {
    const sorted = [...ms].sort((a, b) => a - b)
    console.log(`| ${how} | ${ms.map(number).join(', ')} | ${number(sorted[Math.floor(sorted.length / 2)]!)} |`)
  }
}

try {
  await main()
} finally {
  for (const child of children) await stop(child)
  rmSync(folder, { recursive: true, force: true })
}
