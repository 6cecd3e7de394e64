import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { boot, type Linkscore } from '../../server/boot.js'
import { openDatabase, type DatabaseTarget } from '../../server/data/database.js'
import { contentHash, translationHash } from '../../server/questionnaires/content-hash.js'
import type { Questionnaire } from '../../server/questionnaires/definition-schema.js'
import { parseTranslation } from '../../server/questionnaires/load-questionnaires.js'
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
async function setUp({ dutch = false } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'linkscore-cat-'))
  folders.push(folder)
  const questionnaires = join(folder, 'q')
  cpSync(FIXTURE_QUESTIONNAIRES, questionnaires, { recursive: true })
  const file = join(questionnaires, 'pilot.yaml')
  const dutchFile = join(questionnaires, 'pilot.nl.yaml')
  if (dutch) {
    writeFileSync(file, readFileSync(file, 'utf8').replace('version: 1', 'version: 1\ntranslations: [nl]'))
    cpSync('test/fixtures/translations/pilot.nl.yaml', dutchFile)
  }
  const database = await testDatabase(folder)
  drops.push(database.drop)
  const config: CatalogueConfig = { database: database.target, questionnairesFolder: questionnaires }
  return { config, file, dutchFile }
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

async function answerOnce(config: CatalogueConfig, language = 'en-GB') {
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
  // The survey journey records the language; here the test sets it the way it is stored.
  await ls.database.db.updateTable('response').set({ language }).where('id', '=', response.id).execute()
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

/** The translation revisions the database holds for pilot version 1. */
async function storedTranslations(config: CatalogueConfig) {
  const database = await openDatabase(config.database)
  const rows = await database.db
    .selectFrom('questionnaire_translation')
    .select(['language', 'revision', 'content_hash as contentHash'])
    .where('questionnaire_id', '=', 'pilot')
    .where('version', '=', 1)
    .orderBy('revision')
    .execute()
  await database.close()
  return rows
}

const changeDutch = (dutchFile: string, revision?: number) =>
  writeFileSync(
    dutchFile,
    readFileSync(dutchFile, 'utf8')
      .replace('De leiding maakt hier tijd', 'De leiding neemt hier tijd')
      .replace('revision: 1', `revision: ${revision ?? 1}`),
  )

describe('translations', () => {
  it('offers the questionnaire in each of its languages, the source for scoring and exports, and records the translation', async () => {
    const { config } = await setUp({ dutch: true })
    const ls = await boot(config)
    const { catalogue } = ls.services
    expect(catalogue.languagesOf('pilot')).toEqual(['en-GB', 'nl'])
    expect(catalogue.languagesOf('nowhere')).toEqual([])
    expect(leaders(catalogue.get('pilot'))?.text).toBe('Leaders here make time for {intervention}.')
    expect(leaders(catalogue.get('pilot', 'nl'))?.text).toBe('De leiding maakt hier tijd voor {intervention}.')
    expect(catalogue.find('pilot', 'nl')).toBe(catalogue.get('pilot', 'nl'))
    expect(catalogue.get('pilot', 'de')).toBe(catalogue.get('pilot'))
    expect(catalogue.get('pilot', 'en-GB')).toBe(catalogue.get('pilot'))
    expect(catalogue.list().map((q) => q.language)).toEqual(['en-GB'])
    expect(catalogue.find('nowhere', 'nl')).toBeUndefined()
    await ls.repos.close()
    const hash = translationHash(parseTranslation('x', readFileSync('test/fixtures/translations/pilot.nl.yaml', 'utf8')).translation!)
    expect(await storedTranslations(config)).toEqual([{ language: 'nl', revision: 1, contentHash: hash }])
  })

  it('accepts a changed wording while nobody has answered in that language', async () => {
    const { config, dutchFile } = await setUp({ dutch: true })
    await answerOnce(config, 'en-GB')
    const [before] = await storedTranslations(config)
    changeDutch(dutchFile)
    const ls = await boot(config)
    expect(leaders(ls.services.catalogue.get('pilot', 'nl'))?.text).toBe('De leiding neemt hier tijd voor {intervention}.')
    await ls.repos.close()
    const after = await storedTranslations(config)
    expect(after.map((t) => t.revision)).toEqual([1])
    expect(after[0]!.contentHash).not.toBe(before!.contentHash)
  })

  it('refuses a changed wording under a revision answered in that language, naming the file and the way out', async () => {
    const { config, dutchFile } = await setUp({ dutch: true })
    await answerOnce(config, 'nl')
    changeDutch(dutchFile)
    await expect(boot(config)).rejects.toThrow(QuestionnaireVersionConflictError)
    await expect(boot(config)).rejects.toThrow(
      `pilot.nl.yaml: the "nl" wording of "pilot" version 1 (revision 1) has changed, and answers have been given in "nl". ` +
        'Restore the earlier wording, or raise "revision" to 2 so that the wording those answers were given to stays on record.',
    )
    changeDutch(dutchFile, 2)
    const ls = await boot(config)
    expect(leaders(ls.services.catalogue.get('pilot', 'nl'))?.text).toBe('De leiding neemt hier tijd voor {intervention}.')
    expect(await offered(ls)).toEqual([{ id: 'pilot', version: 1, leaders: 'Leaders here make time for {intervention}.', storedHash: true }])
    await ls.repos.close()
    expect((await storedTranslations(config)).map((t) => t.revision)).toEqual([1, 2])
  })
})
