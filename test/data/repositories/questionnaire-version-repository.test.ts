import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedProgramme, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
beforeEach(async () => {
  ls = await testLinkscore()
})
afterEach(async () => {
  await ls.close()
})

const revision = (revision: number, contentHash: string) => ({
  questionnaireId: 'pilot',
  version: 1,
  language: 'nl',
  revision,
  contentHash,
  translationJson: JSON.stringify({ revision }),
})

/** A response in `language` with one answer to pilot version 1. */
async function answerIn(language: string) {
  const { practice, wave } = await seedProgramme(ls, ['pilot'], { practice: `P-${language}` })
  const response = await ls.repos.responses.create({
    invitationId: null,
    practiceId: practice.id,
    waveId: wave.id,
    resumeToken: `${language}-token-`.padEnd(24, 'x'),
    source: 'open_link',
    role: 'gp',
    setting: 'general_practice',
    at: '2026-01-01T00:00:00Z',
  })
  await ls.db.updateTable('response').set({ language }).where('id', '=', response.id).execute()
  await ls.repos.responses.savePage({
    responseId: response.id,
    pageKey: 'pilot/first-page',
    questionnaireId: 'pilot',
    questionnaireVersion: 1,
    itemIds: ['p_leaders'],
    answers: [{ itemId: 'p_leaders', value: '4' }],
    complete: false,
    at: '2026-01-01T00:00:00Z',
  })
}

describe('questionnaire translations', () => {
  it('keeps each revision of a language apart, and replaces a revision’s hash and text without changing when it was first loaded', async () => {
    const versions = ls.repos.questionnaireVersions
    expect(await versions.findTranslation('pilot', 1, 'nl', 1)).toBeUndefined()
    await versions.saveTranslation(revision(1, 'first'))
    const { first_loaded_at: loadedAt } = await ls.db.selectFrom('questionnaire_translation').select('first_loaded_at').executeTakeFirstOrThrow()
    await versions.saveTranslation({ ...revision(1, 'edited'), translationJson: '{"edited":true}' })
    await versions.saveTranslation(revision(2, 'second'))
    expect(await versions.findTranslation('pilot', 1, 'nl', 1)).toEqual({
      questionnaireId: 'pilot',
      version: 1,
      language: 'nl',
      revision: 1,
      contentHash: 'edited',
    })
    expect(await versions.findTranslation('pilot', 1, 'nl', 2)).toMatchObject({ contentHash: 'second' })
    expect(await versions.findTranslation('pilot', 1, 'de', 1)).toBeUndefined()
    const rows = await ls.db.selectFrom('questionnaire_translation').select(['revision', 'translation_json', 'first_loaded_at']).orderBy('revision').execute()
    expect(rows.map((r) => [r.revision, r.translation_json])).toEqual([
      [1, '{"edited":true}'],
      [2, '{"revision":2}'],
    ])
    expect(rows[0]!.first_loaded_at).toBe(loadedAt)
  })

  it('tells whether a version has answers given in a language', async () => {
    const versions = ls.repos.questionnaireVersions
    await answerIn('en-GB')
    expect(await versions.hasAnswersInLanguage('pilot', 1, 'en-GB')).toBe(true)
    expect(await versions.hasAnswersInLanguage('pilot', 1, 'nl')).toBe(false)
    await answerIn('nl')
    expect(await versions.hasAnswersInLanguage('pilot', 1, 'nl')).toBe(true)
    expect(await versions.hasAnswersInLanguage('pilot', 2, 'nl')).toBe(false)
  })
})
