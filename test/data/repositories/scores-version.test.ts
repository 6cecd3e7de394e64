// The scores version of a wave: raised by every write that changes what the wave is scored from, and by nothing else
// that happens to a response; and every write to those tables is one the list below has weighed.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Wave } from '../../../server/domain/wave.js'
import { seedProgramme, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

const AT = '2026-03-02T09:00:00.000Z'

/** The tables a wave's scores are computed from (see server/data/repositories/scoring-repository.ts and not-excluded.ts). */
const SCORED_FROM = ['response', 'answer', 'response_exclusion', 'excluded_response', 'wave_questionnaire', 'questionnaire_version']

/**
 * Every place a statement writes to those tables, and why its scores version is right. A new one fails this test: raise
 * the version in the same transaction (server/data/repositories/scores-version.ts) and add it here, or say why not.
 */
const WEIGHED: Record<string, string> = {
  "response-repository.ts insertInto('response') ×2": 'create: a new response is in progress, and only submitted ones are scored',
  "response-repository.ts updateTable('response') ×3": 'savePage and saveRole raise it when the response is submitted; submit always',
  "response-repository.ts insertInto('answer') ×1": 'savePage: raises it when the response is submitted',
  "response-repository.ts deleteFrom('answer') ×1": 'savePage and saveRole: raise it when the response is submitted',
  "exclusion-repository.ts insertInto('response_exclusion') ×1": 'exclude raises it',
  "exclusion-repository.ts insertInto('excluded_response') ×1": 'exclude raises it',
  "exclusion-repository.ts updateTable('response_exclusion') ×1": 'restore raises it',
  "wave-repository.ts insertInto('wave_questionnaire') ×2": 'create: a new wave has no responses; update raises it',
  "wave-repository.ts deleteFrom('wave_questionnaire') ×1": 'update raises it',
  "practice-repository.ts deleteFrom('excluded_response') ×1": 'remove: only a practice without responses, so its exclusions set nothing aside',
  "practice-repository.ts deleteFrom('response_exclusion') ×1": 'remove: as above',
  "questionnaire-version-repository.ts insertInto('questionnaire_version') ×1": 'a version stored once never changes; scores keys carry the version',
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

function writesToScoredTables(): Record<string, number> {
  const tables = SCORED_FROM.join('|')
  const builder = new RegExp(`\\.(insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\\(\\s*'(${tables})(?: as \\w+)?'`, 'g')
  const raw = new RegExp(`\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|REPLACE\\s+INTO)\\s+"?(${tables})\\b`, 'gi')
  const found: Record<string, number> = {}
  for (const file of sourceFiles('server')) {
    const text = readFileSync(file, 'utf8')
    for (const [, verb, table] of [...text.matchAll(builder), ...text.matchAll(raw)]) {
      const site = `${relative('server/data/repositories', file).replace(/^(\.\.\/)+/, '')} ${verb}('${table}')`
      found[site] = (found[site] ?? 0) + 1
    }
  }
  return Object.fromEntries(Object.entries(found).map(([site, n]) => [`${site} ×${n}`, n]))
}

describe('the writes to what scores are computed from', () => {
  it('are each weighed: a new one must raise the scores version or say why it need not', () => {
    expect(Object.keys(writesToScoredTables()).sort()).toEqual(Object.keys(WEIGHED).sort())
  })
})

describe('a wave’s scores version', () => {
  let ls: TestLinkscore
  let wave: Wave
  let other: Wave
  let practiceId: number
  let n = 0

  beforeEach(async () => {
    ls = await testLinkscore()
    const seeded = await seedProgramme(ls, ['pilot'])
    wave = seeded.wave
    practiceId = seeded.practice.id
    other = await ls.services.admin.addWave({ programme: 'test', slug: 'other', title: 'Other survey', questionnaires: ['pilot'], open: true })
  })
  afterEach(() => ls.close())

  const version = (w: Wave = wave) => ls.repos.scoring.scoresVersion(w.id)
  const start = (w: Wave = wave) =>
    ls.repos.responses.create({
      invitationId: null,
      practiceId,
      waveId: w.id,
      resumeToken: `scores-version-${++n}`.padEnd(24, 'x'),
      source: 'open_link',
      role: 'gp',
      setting: 'general_practice',
      at: AT,
    })
  const savePage = (responseId: number, value: string) =>
    ls.repos.responses.savePage({
      responseId,
      pageKey: 'pilot/first-page',
      questionnaireId: 'pilot',
      questionnaireVersion: 1,
      itemIds: ['p_leaders'],
      answers: [{ itemId: 'p_leaders', value }],
      complete: true,
      at: AT,
    })
  const saveRole = (responseId: number) =>
    ls.repos.responses.saveRole({ responseId, role: 'gp', setting: 'general_practice', pageKey: 'about-you', at: AT, hiddenItems: [], pagesToForget: [] })
  const exclude = () =>
    ls.repos.exclusions.exclude({
      waveId: wave.id,
      practiceId: null,
      startedFrom: '2026-01-01T00:00:00.000Z',
      startedTo: '2027-01-01T00:00:00.000Z',
      openLinkOnly: false,
      reason: 'A test run',
      excludedAt: AT,
      excludedBy: null,
    })

  it('starts at 0 and stays there while responses are only started and answered', async () => {
    const response = await start()
    await saveRole(response.id)
    await savePage(response.id, '4')
    expect(await version()).toBe(0)
  })

  it('rises when a response is submitted, and for its own wave only', async () => {
    const response = await start()
    await savePage(response.id, '4')
    expect(await ls.repos.responses.submit(response.id, AT)).toBe(true)
    expect(await version()).toBe(1)
    expect(await version(other)).toBe(0)
    // A second submit changes nothing, so it raises nothing.
    expect(await ls.repos.responses.submit(response.id, AT)).toBe(false)
    expect(await version()).toBe(1)
  })

  it('rises when a submitted response’s answers or role are saved again', async () => {
    const response = await start()
    await ls.repos.responses.submit(response.id, AT)
    await savePage(response.id, '5')
    expect(await version()).toBe(2)
    await saveRole(response.id)
    expect(await version()).toBe(3)
  })

  it('rises when responses are set aside and when they are brought back', async () => {
    const { id } = await exclude()
    expect(await version()).toBe(1)
    expect(await ls.repos.exclusions.restore(id, AT, null)).toBe(true)
    expect(await version()).toBe(2)
    // Restoring again restores nothing.
    expect(await ls.repos.exclusions.restore(id, AT, null)).toBe(false)
    expect(await version()).toBe(2)
    expect(await version(other)).toBe(0)
  })

  it('rises when the wave’s questionnaires change', async () => {
    await ls.repos.waves.update(wave.id, { title: wave.title, opensOn: wave.opensOn, closesOn: wave.closesOn, questionnaireIds: ['pilot'] })
    expect(await version()).toBe(1)
  })

  it('is not raised by a write that is rolled back', async () => {
    const response = await start()
    await expect(
      ls.repos.transaction(async (trx) => {
        await trx.responses.submit(response.id, AT)
        throw new Error('changed my mind')
      }),
    ).rejects.toThrow('changed my mind')
    expect(await version()).toBe(0)
  })
})
