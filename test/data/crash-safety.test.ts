// A server killed with SIGKILL while pages are being saved never leaves a half-saved page.
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

it('keeps each page whole: every saved page has all its answers from one save, and no unsaved page has any', async () => {
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
      return { client, url: `/r/${token}/crash/long-page`, csrf: page.csrf }
    }),
  )

  let saves = 0
  let stop = false
  const saving = people.map(async ({ client, url, csrf }, p) => {
    for (let round = 0; !stop; round++) {
      const value = String(((round + p) % 5) + 1)
      const fields = Object.fromEntries(Array.from({ length: ITEMS }, (_, i) => [`c_${i}`, value]))
      try {
        await client.post(url, fields, csrf)
        saves++
      } catch {
        return
      }
    }
  })
  while (saves < 30) await new Promise((r) => setTimeout(r, 5))
  child.kill('SIGKILL')
  stop = true
  await exited
  await Promise.all(saving)

  const check = new Database(db, { readonly: true })
  expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
  const responses = check.prepare('SELECT id FROM response').pluck().all() as number[]
  expect(responses).toHaveLength(RESPONDENTS)
  for (const id of responses) {
    const values = check.prepare("SELECT value FROM answer WHERE response_id = ? AND questionnaire_id = 'crash'").pluck().all(id) as string[]
    const pageSaved = check.prepare("SELECT count(*) FROM saved_page WHERE response_id = ? AND page_key = 'crash/long-page'").pluck().get(id)
    expect([0, ITEMS], `response ${id} has ${values.length} answers`).toContain(values.length)
    expect(new Set(values).size, `response ${id} mixes answers from two saves`).toBeLessThanOrEqual(1)
    expect(pageSaved).toBe(values.length === ITEMS ? 1 : 0)
  }
  check.close()
  expect(saves).toBeGreaterThanOrEqual(30)
})
