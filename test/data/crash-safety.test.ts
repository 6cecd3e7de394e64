// A server killed with SIGKILL while pages are being saved never leaves a half-saved page, nor loses one it confirmed.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, expect, it } from 'vitest'
import { boot } from '../../server/boot.js'
import { httpClient } from '../support/http-client.js'

const ITEMS = 40
const RESPONDENTS = 6
const CONFIRMED_SAVES = 30
const folder = mkdtempSync(join(tmpdir(), 'linkscore-crash-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

function writeQuestionnaire(dir: string): void {
  mkdirSync(dir)
  const items = Array.from({ length: ITEMS }, (_, i) => `      - { id: c_${i}, type: likert5, text: Statement number ${i}., required: true }`).join('\n')
  writeFileSync(join(dir, 'crash.yaml'), `id: crash\nversion: 1\ntitle: Crash test\nintroduction: One long page.\nsections:\n  - id: long-page\n    title: Long page\n    items:\n${items}\n`)
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
  const db = join(folder, 'crash.db')
  const setup = boot({ databasePath: db, questionnairesFolder: questionnaires })
  setup.services.admin.addProgramme({ slug: 'p', name: 'P' })
  setup.services.admin.addPractice({ programme: 'p', code: 'C1', name: 'C1' })
  setup.services.admin.addWave({ programme: 'p', slug: 'w', title: 'W', questionnaires: ['crash'], open: true })
  setup.repos.close()

  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), LINKSCORE_DB: db, LINKSCORE_QUESTIONNAIRES: questionnaires, LINKSCORE_DEMO: 'off', LINKSCORE_LOG_REQUESTS: 'off', NODE_ENV: 'production' },
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

  const check = new Database(db, { readonly: true })
  expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
  expect(check.prepare('SELECT count(*) FROM response').pluck().get()).toBe(RESPONDENTS)
  expect(refused, 'saves the server answered with anything but a 303').toEqual([])
  expect(confirmedSaves(), 'saves the server confirmed before it was killed').toBeGreaterThanOrEqual(CONFIRMED_SAVES)
  for (const [p, { token }] of people.entries()) {
    const id = check.prepare('SELECT id FROM response WHERE resume_token = ?').pluck().get(token) as number
    const values = check.prepare("SELECT value FROM answer WHERE response_id = ? AND questionnaire_id = 'crash'").pluck().all(id) as string[]
    const pageSaved = check.prepare("SELECT count(*) FROM saved_page WHERE response_id = ? AND page_key = 'crash/long-page'").pluck().get(id)
    expect(confirmed[p]!.length, `respondent ${p} had a save confirmed`).toBeGreaterThan(0)
    expect(values, `respondent ${p} has all ${ITEMS} answers of a confirmed save`).toHaveLength(ITEMS)
    expect(new Set(values).size, `respondent ${p} mixes answers from two saves`).toBe(1)
    // The last save confirmed, or the one on its way when the server died, which may or may not have been committed.
    expect([confirmed[p]!.at(-1), sending[p]], `respondent ${p}'s page comes from their last confirmed save or a later one`).toContain(values[0])
    expect(pageSaved).toBe(1)
  }
  check.close()
})
