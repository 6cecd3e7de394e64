// `npm run bench`, the export half: `linkscore export answers` against `sqlite3 -csv` running the same SELECT on the
// same wave, in rows per second and peak RSS, and `linkscore export scores` in seconds and peak RSS, on a synthetic
// programme of 1,000 practices × 20 respondents (one wave), generated once per seed and kept in the temp folder.
import { spawn, spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely'
import { excludedFlag } from '../server/data/repositories/not-excluded.js'
import type { Schema } from '../server/data/schema.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const PRACTICES = 1000
const RESPONDENTS = 20
const SEED = Number(process.env.BENCH_SEED ?? 1)
const RUNS = 2
const CACHE = join(tmpdir(), 'linkscore-bench-cache')
const database = join(CACHE, `exports-${PRACTICES}x${RESPONDENTS}-seed${SEED}.db`)
const scratch = join(CACHE, 'scratch')

/** Generates the programme unless this seed's database is already there; built in a scratch file and renamed when whole. */
function generated(): string {
  if (existsSync(database)) return `reused ${database}`
  mkdirSync(CACHE, { recursive: true })
  const partial = `${database}.partial`
  rmSync(partial, { force: true })
  const made = spawnSync(
    process.execPath,
    ['bin/linkscore.js', 'demo', 'generate', '--practices', String(PRACTICES), '--respondents', String(RESPONDENTS), '--waves', '1', '--seed', String(SEED)],
    { cwd: ROOT, env: { ...process.env, LINKSCORE_DB: partial, LINKSCORE_DEMO: 'off' }, encoding: 'utf8' },
  )
  if (made.status !== 0) throw new Error(`demo generate failed:\n${made.stderr}`)
  for (const suffix of ['-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true })
  renameSync(partial, database)
  return made.stdout.trim()
}

/**
 * The ceiling's SELECT: the export's rows with the 11 columns the database holds (the export adds the 5 practice columns
 * itself), as one query joining each answer's response in, with its parameters written in for sqlite3 to run as it is.
 * The export reads the same rows as two queries in one snapshot (the responses, then the answers' own columns).
 */
function answersSelect(waveId: number): string {
  const db = new Kysely<Schema>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new SqliteIntrospector(k),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  })
  const compiled = db
    .selectFrom('answer as a')
    .innerJoin('response as r', 'r.id', 'a.response_id')
    .innerJoin('practice as p', 'p.id', 'r.practice_id')
    .innerJoin('wave as w', 'w.id', 'r.wave_id')
    .select((eb) => [
      'r.id as response_id',
      'p.code as practice_code',
      'w.slug as wave',
      'a.questionnaire_id as questionnaire',
      'a.questionnaire_version',
      'r.role',
      'r.setting',
      'a.item_id as item',
      'a.value',
      excludedFlag(eb).as('excluded'),
      'r.language',
    ])
    .where('r.wave_id', '=', waveId)
    .where('r.status', '=', 'submitted')
    .orderBy('r.id')
    .orderBy('a.questionnaire_id')
    .orderBy('a.id')
    .compile()
  const parameters = [...compiled.parameters]
  return compiled.sql.replace(/\?/g, () => {
    const value = parameters.shift()
    return typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`
  })
}

interface Run {
  seconds: number
  rows: number
  /** Peak resident memory in MB and CPU seconds (user + system), or null when they could not be measured. */
  peakMb: number | null
  cpuSeconds: number | null
}

/** Runs a command with its output in a file; the best (fastest) of RUNS runs, with its data rows and peak RSS. */
async function measure(command: string[], measuresItself: boolean): Promise<Run> {
  let best: Run | undefined
  for (let i = 0; i < RUNS; i++) {
    const output = join(scratch, 'output.csv')
    const rssFile = join(scratch, 'max-rss')
    rmSync(rssFile, { force: true })
    const fd = openSync(output, 'w')
    const timed = !measuresItself && existsSync('/usr/bin/time')
    const argv = timed ? ['/usr/bin/time', '-f', '%M %U %S', '-o', rssFile, ...command] : command
    const started = performance.now()
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: ROOT,
      env: { ...process.env, LINKSCORE_DB: database, LINKSCORE_BENCH_MAX_RSS_FILE: rssFile },
      stdio: ['ignore', fd, 'pipe'],
    })
    let errors = ''
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    const seconds = (performance.now() - started) / 1000
    closeSync(fd)
    if (code !== 0) throw new Error(`${command.join(' ')} failed:\n${errors}`)
    const rows = countLines(output) - (measuresItself ? 1 : 0)
    const [kb, user, system] = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) : []
    const run = { seconds, rows, peakMb: kb === undefined ? null : kb / 1024, cpuSeconds: user === undefined ? null : user + system! }
    if (!best || seconds < best.seconds) best = run
  }
  return best!
}

function countLines(file: string): number {
  const text = readFileSync(file)
  let lines = 0
  for (let i = text.indexOf(10); i !== -1; i = text.indexOf(10, i + 1)) lines++
  return lines
}

const sqlite3Missing = (): string | undefined => {
  const found = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' })
  return found.error || found.status !== 0 ? 'the sqlite3 command-line program is not installed (apt-get install -y sqlite3)' : undefined
}

async function main(): Promise<void> {
  console.log(generated())
  mkdirSync(scratch, { recursive: true })
  const linkscore = (...args: string[]) => [process.execPath, '--import', join(ROOT, 'bench', 'report-max-rss.mjs'), 'bin/linkscore.js', ...args]
  const waveId = Number(spawnSync('sqlite3', [database, "SELECT id FROM wave WHERE slug = 'wave-1'"], { encoding: 'utf8' }).stdout.trim() || 1)

  const answers = await measure(linkscore('export', 'answers', '--wave', 'wave-1'), true)
  const missing = sqlite3Missing()
  const sqlite = missing ? undefined : await measure(['sqlite3', '-csv', database, answersSelect(waveId)], false)
  const scores = await measure(linkscore('export', 'scores', '--wave', 'wave-1'), true)

  const number = (n: number) => Math.round(n).toLocaleString('en-GB')
  const mb = (run: Run) => (run.peakMb === null ? 'not measured' : number(run.peakMb))
  const perSecond = (run: Run) => run.rows / run.seconds
  console.log(`\nSQLite, demo generate --practices ${PRACTICES} --respondents ${RESPONDENTS} --waves 1 --seed ${SEED}; best of ${RUNS} runs; output to a file`)
  console.log('sqlite3 -csv runs the SELECT export answers runs (its 11 columns; the export adds the 5 practice columns itself)\n')
  const cpu = (run: Run) => (run.cpuSeconds === null ? 'not measured' : run.cpuSeconds.toFixed(2))
  const share = sqlite ? `${Math.round((100 * perSecond(answers)) / perSecond(sqlite))}%` : 'n/a'
  // On a busy machine wall time is shared with other work; CPU time says what each program itself costs.
  const cpuShare = sqlite?.cpuSeconds && answers.cpuSeconds ? `${Math.round((100 * sqlite.cpuSeconds) / answers.cpuSeconds)}%` : 'n/a'
  const row = (name: string, run: Run, shareByRows: string, shareByCpu: string) =>
    `| ${name} | ${number(run.rows)} | ${run.seconds.toFixed(2)} | ${number(perSecond(run))} | ${shareByRows} | ${cpu(run)} | ${shareByCpu} | ${mb(run)} |`
  console.log('| export | rows | seconds | rows/s | share of sqlite3 -csv | CPU s | share by CPU | peak RSS MB |')
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  console.log(row('linkscore export answers', answers, share, cpuShare))
  if (sqlite) console.log(row('sqlite3 -csv, same SELECT (ceiling)', sqlite, '(ceiling)', '(ceiling)'))
  else console.log(`| sqlite3 -csv | skipped: ${missing} | | | | | | |`)
  console.log(row('linkscore export scores', scores, '', ''))
  console.log(`\n(database ${number(statSync(database).size / 1024 / 1024)} MB; delete ${CACHE} to generate it again)`)
}

try {
  await main()
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
