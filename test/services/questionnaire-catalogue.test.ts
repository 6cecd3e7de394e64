import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { boot } from '../../server/boot.js'
import { openDatabase } from '../../server/data/database.js'
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
  boot(config).repos.close()
  writeFileSync(file, readFileSync(file, 'utf8').replace('Leaders here make time', 'Leaders here find time'))
  expect(() => boot(config).repos.close()).not.toThrow()
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
  expect(() => boot(config).repos.close()).not.toThrow()
  writeFileSync(file, original.replace('Leaders here make time', 'Leaders here find time').replace('version: 1', 'version: 2'))
  boot(config).repos.close()
  const db = openDatabase(config.databasePath)
  expect(db.prepare('SELECT version FROM questionnaire_version ORDER BY version').pluck().all()).toEqual([1, 2])
  db.close()
})
