import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { boot, type Linkscore } from '../../server/boot.js'
import { openDatabase } from '../../server/data/database.js'
import { contentHash } from '../../server/questionnaires/content-hash.js'
import type { Questionnaire } from '../../server/questionnaires/definition-schema.js'
import { allItems } from '../../server/questionnaires/questionnaire-model.js'
import { QuestionnaireVersionConflictError } from '../../server/services/questionnaire-catalogue.js'
import { FIXTURE_QUESTIONNAIRES } from '../support/test-linkscore.js'

const folders: string[] = []
afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })))

function setUp() {
  const folder = mkdtempSync(join(tmpdir(), 'linkscore-cat-'))
  folders.push(folder)
  const questionnaires = join(folder, 'q')
  cpSync(FIXTURE_QUESTIONNAIRES, questionnaires, { recursive: true })
  return { config: { databasePath: join(folder, 'db.sqlite'), questionnairesFolder: questionnaires }, file: join(questionnaires, 'pilot.yaml') }
}

const leaders = (q: Questionnaire) => allItems(q).find((item) => item.id === 'p_leaders')

/** What the catalogue offers, and the content hash stored for each of its versions. */
function offered(ls: Linkscore) {
  return ls.services.catalogue.list().map((q) => ({
    id: q.id,
    version: q.version,
    leaders: leaders(q)?.text,
    storedHash: ls.repos.questionnaireVersions.find(q.id, q.version)?.contentHash === contentHash(q),
  }))
}

function answerOnce(config: { databasePath: string; questionnairesFolder: string }) {
  const ls = boot(config)
  ls.services.admin.addProgramme({ slug: 'p', name: 'P' })
  const practice = ls.services.admin.addPractice({ programme: 'p', code: 'C1', name: 'C1' })
  const wave = ls.services.admin.addWave({ programme: 'p', slug: 'w', title: 'W', questionnaires: ['pilot'], open: true })
  const response = ls.repos.responses.create({
    invitationId: null,
    practiceId: practice.id,
    waveId: wave.id,
    resumeToken: 'x'.repeat(24),
    source: 'open_link',
    role: 'gp',
    setting: 'general_practice',
    at: '2026-01-01T00:00:00Z',
  })
  ls.repos.responses.savePage({
    responseId: response.id,
    pageKey: 'pilot/first-page',
    questionnaireId: 'pilot',
    questionnaireVersion: 1,
    itemIds: ['p_leaders'],
    answers: [{ itemId: 'p_leaders', value: '4' }],
    complete: true,
    at: '2026-01-01T00:00:00Z',
  })
  ls.repos.close()
}

it('accepts an edited definition while its version has no answers', () => {
  const { config, file } = setUp()
  const first = boot(config)
  expect(offered(first)).toEqual([{ id: 'pilot', version: 1, leaders: 'Leaders here make time for {intervention}.', storedHash: true }])
  first.repos.close()
  writeFileSync(file, readFileSync(file, 'utf8').replace('Leaders here make time', 'Leaders here find time'))
  const edited = boot(config)
  expect(offered(edited)).toEqual([{ id: 'pilot', version: 1, leaders: 'Leaders here find time for {intervention}.', storedHash: true }])
  expect(edited.services.catalogue.get('pilot')).toBe(edited.services.catalogue.find('pilot'))
  expect(edited.services.catalogue.find('nowhere')).toBeUndefined()
  expect(() => edited.services.catalogue.get('nowhere')).toThrow('Questionnaire "nowhere" is used by a wave but no definition file defines it')
  edited.repos.close()
})

it('refuses a changed definition under a version that has answers, and names the way out', () => {
  const { config, file } = setUp()
  answerOnce(config)
  writeFileSync(file, readFileSync(file, 'utf8').replace('Leaders here make time', 'Leaders here find time'))
  expect(() => boot(config)).toThrow(QuestionnaireVersionConflictError)
  expect(() => boot(config)).toThrow(
    /pilot\.yaml: "pilot" version 1 already has answers, and its definition has changed since they were given\. Restore the earlier definition, or raise "version" to 2/,
  )
})

it('accepts the change under a new version, and formatting-only edits under the old one', () => {
  const { config, file } = setUp()
  answerOnce(config)
  const original = readFileSync(file, 'utf8')
  writeFileSync(file, `# a new comment\n${original}`)
  const reformatted = boot(config)
  expect(offered(reformatted)).toEqual([{ id: 'pilot', version: 1, leaders: 'Leaders here make time for {intervention}.', storedHash: true }])
  reformatted.repos.close()
  writeFileSync(file, original.replace('Leaders here make time', 'Leaders here find time').replace('version: 1', 'version: 2'))
  const ls = boot(config)
  expect(offered(ls)).toEqual([{ id: 'pilot', version: 2, leaders: 'Leaders here find time for {intervention}.', storedHash: true }])
  ls.repos.close()
  const db = openDatabase(config.databasePath)
  expect(db.prepare('SELECT version FROM questionnaire_version ORDER BY version').pluck().all()).toEqual([1, 2])
  db.close()
})
