// Streams the answers export of a large synthetic wave (1,000 practices × 20 respondents × 80 items = 1.6 million
// answers) the way the command line does and the way the web does, printing rows per second and the growth of the
// process's memory (RSS) while streaming: it stays flat, whatever the size of the wave. Run with `npm run bench`.
import { rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import { afterAll, bench, describe } from 'vitest'
import { createApp } from '../../server/app.js'
import { readConfig } from '../../server/config.js'
import { writeTable } from '../../server/exports/csv.js'
import { buildLargeWave } from './fixtures/large-wave.js'

const PRACTICES = 1000
const PER_PRACTICE = 20
const MB = 1024 * 1024

const started = performance.now()
const large = await buildLargeWave(PRACTICES, PER_PRACTICE)
const { ls, wave } = large
console.log(
  `built ${large.answers.toLocaleString('en-GB')} answers from ${large.responses.toLocaleString('en-GB')} responses in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)

/**
 * Runs `work`, which reports its progress (0–1) as it goes, and prints rows per second and how far RSS has grown above
 * its level at the start when a quarter, half, three quarters and all of the file are written: flat means constant memory.
 */
async function measured(label: string, rows: number, work: (progress: (fraction: number) => void) => Promise<number>): Promise<number> {
  const before = process.memoryUsage.rss()
  let peak = before
  const atQuarters: number[] = []
  const progress = (fraction: number) => {
    const rss = process.memoryUsage.rss()
    peak = Math.max(peak, rss)
    while (atQuarters.length < 4 && fraction >= (atQuarters.length + 1) / 4) atQuarters.push(rss - before)
  }
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10)
  const begin = performance.now()
  const bytes = await work(progress)
  const seconds = (performance.now() - begin) / 1000
  clearInterval(timer)
  progress(1)
  const mb = (n: number) => (n / MB).toFixed(0)
  console.log(
    `${label}: ${rows.toLocaleString('en-GB')} rows, ${mb(bytes)} MB of CSV in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds).toLocaleString('en-GB')} rows/s; ` +
      `RSS ${mb(before)} MB at the start, growth at 25/50/75/100% ${atQuarters.map(mb).join(' / ')} MB, peak growth ${mb(peak - before)} MB`,
  )
  return bytes
}

/** A sink that takes its time, like a network: each chunk is accepted on the next turn of the event loop. */
function countingSink(progress: (bytes: number) => void): { sink: Writable; bytes: () => number } {
  let bytes = 0
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length
      progress(bytes)
      setImmediate(done)
    },
  })
  return { sink, bytes: () => bytes }
}

/** Passes rows through, reporting the fraction of `total` read so far. */
async function* reporting<T>(rows: Iterable<T> | AsyncIterable<T>, total: number, progress: (fraction: number) => void): AsyncGenerator<T> {
  const every = Math.max(1, Math.floor(total / 100))
  let n = 0
  for await (const row of rows) {
    if (++n % every === 0) progress(n / total)
    yield row
  }
}

/** Passes CSV chunks through, reporting the fraction of `total` lines written so far. */
async function* reportingLines(chunks: AsyncIterable<string>, total: number, progress: (fraction: number) => void): AsyncGenerator<string> {
  let n = 0
  for await (const chunk of chunks) {
    for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) n++
    progress(n / total)
    yield chunk
  }
}

async function streamThroughService(kind: 'answers' | 'responses', total: number, progress: (fraction: number) => void): Promise<number> {
  const { sink, bytes } = countingSink(() => {})
  const table = await ls.services.exports.table({ kind, waves: [wave], includePartial: false })
  const reported =
    'rows' in table ? { ...table, rows: reporting(table.rows, total, progress) } : { ...table, lines: reportingLines(table.lines, total, progress) }
  await writeTable(sink, reported)
  return bytes()
}

/** Signs in as an evaluator and downloads the file over HTTP from the real app, reading the body as it arrives. */
async function streamOverHttp(path: string, expectedBytes: number, progress: (fraction: number) => void): Promise<number> {
  const config = { ...readConfig({ NODE_ENV: 'test' }), database: { kind: 'sqlite' as const, path: large.databasePath }, logRequests: false }
  const app = createApp({ config, repos: ls.repos, services: ls.services, sessionSecret: 'bench', log: () => {} })
  const server = app.listen(0, '127.0.0.1')
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  try {
    const email = `bench-${Date.now()}@example.org`
    const { password } = await ls.services.staffAccounts.addUser(
      { email, role: 'evaluator', programmes: ['bench'] },
      { kind: 'command line' },
      { mustChangePassword: false },
    )
    const form = await fetch(`${base}/sign-in`)
    let cookie = form.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!
    const signedIn = await fetch(`${base}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
    })
    cookie = signedIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const download = await fetch(`${base}${path}`, { headers: { cookie } })
    if (download.status !== 200) throw new Error(`download answered ${download.status}`)
    let bytes = 0
    for await (const chunk of download.body!) {
      bytes += (chunk as Uint8Array).length
      progress(bytes / expectedBytes)
    }
    return bytes
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

const answerBytes = await measured('answers export, as the command line writes it', large.answers, (progress) =>
  streamThroughService('answers', large.answers, progress),
)
await measured('answers export, downloaded over HTTP', large.answers, (progress) =>
  streamOverHttp('/programmes/bench/exports/answers.csv?wave=w1', answerBytes, progress),
)
await measured('responses export (wide), as the command line writes it', large.responses, (progress) =>
  streamThroughService('responses', large.responses, progress),
)

afterAll(async () => {
  await ls.repos.close()
  rmSync(large.folder, { recursive: true, force: true })
})

describe('answers export', () => {
  bench(
    `${large.answers.toLocaleString('en-GB')} answers streamed as CSV`,
    async () => {
      await streamThroughService('answers', large.answers, () => {})
    },
    { iterations: 2, time: 0, warmupIterations: 0 },
  )
})
