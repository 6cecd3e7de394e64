// A server killed with SIGKILL while pages are being saved never leaves a half-saved page, nor loses one it confirmed.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, expect, it } from 'vitest'
import { boot } from '../../server/boot.js'
import { openDatabase } from '../../server/data/database.js'
import { httpClient } from '../support/http-client.js'
import { testDatabase } from '../support/test-linkscore.js'

const ITEMS = 40
const RESPONDENTS = 6
const CONFIRMED_SAVES = 30
const folder = mkdtempSync(join(tmpdir(), 'linkscore-crash-'))
let dropDatabase = async () => {}
afterAll(async () => {
  await dropDatabase()
  rmSync(folder, { recursive: true, force: true })
})

function writeQuestionnaire(dir: string): void {
  mkdirSync(dir)
  const items = Array.from({ length: ITEMS }, (_, i) => `      - { id: c_${i}, type: likert5, text: Statement number ${i}., required: true }`).join('\n')
  writeFileSync(
    join(dir, 'crash.yaml'),
    `id: crash\nversion: 1\ntitle: Crash test\nintroduction: One long page.\nsections:\n  - id: long-page\n    title: Long page\n    items:\n${items}\n`,
  )
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

it('keeps each page whole: every confirmed save is stored with all its answers, and no page mixes two saves', async () => {
  const questionnaires = join(folder, 'questionnaires')
  writeQuestionnaire(questionnaires)
  const database = await testDatabase(folder)
  dropDatabase = database.drop
  const setup = await boot({ database: database.target, questionnairesFolder: questionnaires })
  await setup.services.admin.addProgramme({ slug: 'p', name: 'P' })
  await setup.services.admin.addPractice({ programme: 'p', code: 'C1', name: 'C1' })
  await setup.services.admin.addWave({ programme: 'p', slug: 'w', title: 'W', questionnaires: ['crash'], open: true })
  await setup.repos.close()

  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      ...database.env,
      LINKSCORE_QUESTIONNAIRES: questionnaires,
      LINKSCORE_DEMO: 'off',
      LINKSCORE_LOG_REQUESTS: 'off',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => b.toString().includes('listening') && resolve())
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)))
  })

  const base = `http://127.0.0.1:${port}`
  const people = await Promise.all(
    Array.from({ length: RESPONDENTS }, async () => {
      const client = httpClient(base)
      const start = await client.get('/p/C1/w')
      const token = (await client.post('/p/C1/w', {}, start.csrf)).location!.split('/')[2]!
      await client.submit(`/r/${token}/about-you`, { role: 'gp' })
      const page = await client.get(`/r/${token}/crash/long-page`)
      return { client, token, url: `/r/${token}/crash/long-page`, csrf: page.csrf }
    }),
  )

  // Each respondent's saves alternate their value, so the stored page tells which save it came from.
  const confirmed: string[][] = people.map(() => [])
  const sending: (string | undefined)[] = people.map(() => undefined)
  const refused: string[] = []
  let stop = false
  const saving = people.map(async ({ client, url, csrf }, p) => {
    for (let round = 0; !stop; round++) {
      const value = String(((round + p) % 5) + 1)
      const fields = Object.fromEntries(Array.from({ length: ITEMS }, (_, i) => [`c_${i}`, value]))
      sending[p] = value
      try {
        const saved = await client.post(url, fields, csrf)
        if (saved.status === 303) confirmed[p]!.push(value)
        else refused.push(`respondent ${p}: ${saved.status}`)
      } catch {
        return
      }
    }
  })
  const confirmedSaves = () => confirmed.reduce((n, values) => n + values.length, 0)
  const deadline = Date.now() + 20_000
  while (confirmedSaves() < CONFIRMED_SAVES && refused.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5))
  child.kill('SIGKILL')
  stop = true
  await exited
  await Promise.all(saving)

  // SQLite only: its own check that the file is sound after the kill (PostgreSQL recovers from its write-ahead log itself).
  if (database.target.kind === 'sqlite') {
    const file = new Database(database.target.path, { readonly: true })
    expect(file.pragma('integrity_check', { simple: true })).toBe('ok')
    file.close()
  }
  const opened = await openDatabase(database.target)
  try {
    const check = opened.db
    const responses = await check
      .selectFrom('response')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(responses.n)).toBe(RESPONDENTS)
    expect(refused, 'saves the server answered with anything but a 303').toEqual([])
    expect(confirmedSaves(), 'saves the server confirmed before it was killed').toBeGreaterThanOrEqual(CONFIRMED_SAVES)
    for (const [p, { token }] of people.entries()) {
      const { id } = await check.selectFrom('response').select('id').where('resume_token', '=', token).executeTakeFirstOrThrow()
      const answers = await check
        .selectFrom('answer')
        .select('value')
        .where('response_id', '=', id)
        .where('questionnaire_id', '=', 'crash')
        .orderBy('id')
        .execute()
      const values = answers.map((a) => a.value)
      const pageSaved = await check
        .selectFrom('saved_page')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('response_id', '=', id)
        .where('page_key', '=', 'crash/long-page')
        .executeTakeFirstOrThrow()
      expect(confirmed[p]!.length, `respondent ${p} had a save confirmed`).toBeGreaterThan(0)
      expect(values, `respondent ${p} has all ${ITEMS} answers of a confirmed save`).toHaveLength(ITEMS)
      expect(new Set(values).size, `respondent ${p} mixes answers from two saves`).toBe(1)
      // The last save confirmed, or the one on its way when the server died, which may or may not have been committed.
      expect([confirmed[p]!.at(-1), sending[p]], `respondent ${p}'s page comes from their last confirmed save or a later one`).toContain(values[0])
      expect(Number(pageSaved.n)).toBe(1)
    }
  } finally {
    await opened.close()
  }
})
