import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { boot, type Linkscore } from '../../server/boot.js'
import { openDatabase, type DatabaseTarget } from '../../server/data/database.js'
import { contentHash } from '../../server/questionnaires/content-hash.js'
import type { Questionnaire } from '../../server/questionnaires/definition-schema.js'
import { allItems } from '../../server/questionnaires/questionnaire-model.js'
import { QuestionnaireVersionConflictError } from '../../server/services/questionnaire-catalogue.js'
import { FIXTURE_QUESTIONNAIRES, testDatabase } from '../support/test-linkscore.js'

const folders: string[] = []

const drops: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const drop of drops.splice(0)) await drop()
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true })
})

type CatalogueConfig = { database: DatabaseTarget; questionnairesFolder: string }

/** A copy of the fixture questionnaires to edit, and a database of its own that every boot() below opens again. */
async function setUp() {
  const folder = mkdtempSync(join(tmpdir(), 'linkscore-cat-'))
  folders.push(folder)
  const questionnaires = join(folder, 'q')
  cpSync(FIXTURE_QUESTIONNAIRES, questionnaires, { recursive: true })
  const database = await testDatabase(folder)
  drops.push(database.drop)
  const config: CatalogueConfig = { database: database.target, questionnairesFolder: questionnaires }
  return { config, file: join(questionnaires, 'pilot.yaml') }
}

const leaders = (q: Questionnaire) => allItems(q).find((item) => item.id === 'p_leaders')

/** What the catalogue offers, and the content hash stored for each of its versions. */
async function offered(ls: Linkscore) {
  const offers = []
  for (const q of ls.services.catalogue.list())
    offers.push({
      id: q.id,
      version: q.version,
      leaders: leaders(q)?.text,
      storedHash: (await ls.repos.questionnaireVersions.find(q.id, q.version))?.contentHash === contentHash(q),
    })
  return offers
}

async function answerOnce(config: CatalogueConfig) {
  const ls = await boot(config)
  await ls.services.admin.addProgramme({ slug: 'p', name: 'P' })
  const practice = await ls.services.admin.addPractice({ programme: 'p', code: 'C1', name: 'C1' })
  const wave = await ls.services.admin.addWave({ programme: 'p', slug: 'w', title: 'W', questionnaires: ['pilot'], open: true })
  const response = await ls.repos.responses.create({
    invitationId: null,
    practiceId: practice.id,
    waveId: wave.id,
    resumeToken: 'x'.repeat(24),
    source: 'open_link',
    role: 'gp',
    setting: 'general_practice',
    at: '2026-01-01T00:00:00Z',
  })
  await ls.repos.responses.savePage({
    responseId: response.id,
    pageKey: 'pilot/first-page',
    questionnaireId: 'pilot',
    questionnaireVersion: 1,
    itemIds: ['p_leaders'],
    answers: [{ itemId: 'p_leaders', value: '4' }],
    complete: true,
    at: '2026-01-01T00:00:00Z',
  })
  await ls.repos.close()
}

it('accepts an edited definition while its version has no answers', async () => {
  const { config, file } = await setUp()
  const first = await boot(config)
  expect(await offered(first)).toEqual([{ id: 'pilot', version: 1, leaders: 'Leaders here make time for {intervention}.', storedHash: true }])
  await first.repos.close()
  writeFileSync(file, readFileSync(file, 'utf8').replace('Leaders here make time', 'Leaders here find time'))
  const edited = await boot(config)
  expect(await offered(edited)).toEqual([{ id: 'pilot', version: 1, leaders: 'Leaders here find time for {intervention}.', storedHash: true }])
  expect(edited.services.catalogue.get('pilot')).toBe(edited.services.catalogue.find('pilot'))
  expect(edited.services.catalogue.find('nowhere')).toBeUndefined()
  expect(() => edited.services.catalogue.get('nowhere')).toThrow('Questionnaire "nowhere" is used by a wave but no definition file defines it')
  await edited.repos.close()
})

it('refuses a changed definition under a version that has answers, and names the way out', async () => {
  const { config, file } = await setUp()
  await answerOnce(config)
  writeFileSync(file, readFileSync(file, 'utf8').replace('Leaders here make time', 'Leaders here find time'))
  await expect(boot(config)).rejects.toThrow(QuestionnaireVersionConflictError)
  await expect(boot(config)).rejects.toThrow(
    /pilot\.yaml: "pilot" version 1 already has answers, and its definition has changed since they were given\. Restore the earlier definition, or raise "version" to 2/,
  )
})

it('accepts the change under a new version, and formatting-only edits under the old one', async () => {
  const { config, file } = await setUp()
  await answerOnce(config)
  const original = readFileSync(file, 'utf8')
  writeFileSync(file, `# a new comment\n${original}`)
  const reformatted = await boot(config)
  expect(await offered(reformatted)).toEqual([{ id: 'pilot', version: 1, leaders: 'Leaders here make time for {intervention}.', storedHash: true }])
  await reformatted.repos.close()
  writeFileSync(file, original.replace('Leaders here make time', 'Leaders here find time').replace('version: 1', 'version: 2'))
  const ls = await boot(config)
  expect(await offered(ls)).toEqual([{ id: 'pilot', version: 2, leaders: 'Leaders here find time for {intervention}.', storedHash: true }])
  await ls.repos.close()
  const database = await openDatabase(config.database)
  const versions = await database.db.selectFrom('questionnaire_version').select('version').orderBy('version').execute()
  expect(versions.map((v) => v.version)).toEqual([1, 2])
  await database.close()
})
