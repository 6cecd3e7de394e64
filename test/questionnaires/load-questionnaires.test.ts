import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { definitionFiles, loadQuestionnaires, QuestionnaireDefinitionError } from '../../server/questionnaires/load-questionnaires.js'
import { questionnaireJsonSchema, translationJsonSchema } from '../../server/questionnaires/json-schema.js'

const folders: string[] = []
afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })))
function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'linkscore-q-'))
  folders.push(folder)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text)
  return folder
}
const PILOT = readFileSync('test/fixtures/questionnaires/pilot.yaml', 'utf8')
const PILOT_NL = readFileSync('test/fixtures/translations/pilot.nl.yaml', 'utf8')
const TRANSLATED_PILOT = PILOT.replace('version: 1', 'version: 1\ntranslations: [nl]')

/** The problems a folder's definitions and translations have, as loadQuestionnaires lists them. */
function problemsIn(folder: string, cwd = folder): string[] {
  try {
    loadQuestionnaires(folder, cwd)
  } catch (error) {
    if (error instanceof QuestionnaireDefinitionError) return error.problems
    throw error
  }
  return []
}

describe('loading a folder of definitions', () => {
  it('loads every definition and ignores schema.json', () => {
    const folder = folderWith({ 'pilot.yaml': PILOT, 'schema.json': '{}', 'notes.txt': 'not a definition' })
    expect(loadQuestionnaires(folder, folder).map((l) => [l.file, l.questionnaire.id])).toEqual([['pilot.yaml', 'pilot']])
  })

  it('lists the problems of every file at once', () => {
    const folder = folderWith({ 'a.yaml': PILOT.replace('type: scale0to10', 'type: slider'), 'b.yaml': 'id: [', 'c.yaml': PILOT })
    try {
      loadQuestionnaires(folder, folder)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(QuestionnaireDefinitionError)
      const problems = (error as QuestionnaireDefinitionError).problems
      expect(problems.some((p) => p.startsWith('a.yaml: sections[0].items[2].type:'))).toBe(true)
      expect(problems.some((p) => p.startsWith('b.yaml: not valid YAML'))).toBe(true)
      expect(problems.some((p) => p.startsWith('c.yaml'))).toBe(false)
    }
  })

  it('refuses two files with the same questionnaire id', () => {
    const folder = folderWith({ 'a.yaml': PILOT, 'b.yaml': PILOT })
    expect(() => loadQuestionnaires(folder, folder)).toThrow('b.yaml: id: "pilot" is already defined in a.yaml')
  })

  it('loads the real questionnaires, each with its Dutch translation', () => {
    const loaded = loadQuestionnaires('questionnaires')
    expect(loaded.map((l) => [l.questionnaire.id, l.translations.map((t) => t.file)])).toEqual([
      ['context', ['questionnaires/context.nl.yaml']],
      ['good-practice', ['questionnaires/good-practice.nl.yaml']],
      ['normalisation', ['questionnaires/normalisation.nl.yaml']],
    ])
  })
})

describe('loading translations', () => {
  it('loads the translations a definition declares, and never takes a translation file for a definition', () => {
    const folder = folderWith({ 'pilot.yaml': TRANSLATED_PILOT, 'pilot.nl.yaml': PILOT_NL, 'translation-schema.json': '{}' })
    expect(definitionFiles(folder)).toEqual([join(folder, 'pilot.yaml')])
    const [pilot] = loadQuestionnaires(folder, folder)
    expect(pilot!.translations.map((t) => [t.file, t.translation.language, t.translation.revision])).toEqual([['pilot.nl.yaml', 'nl', 1]])
  })

  it('lists every gap in every translation of a broken folder at once, by file and path', () => {
    expect(problemsIn('test/fixtures/broken-translations', process.cwd())).toEqual([
      'test/fixtures/broken-translations/other.yaml: translations[1]: "de" is declared, but test/fixtures/broken-translations/other.de.yaml does not exist',
      'test/fixtures/broken-translations/survey.nl.yaml: version: translates version 2, but test/fixtures/broken-translations/survey.yaml is version 1: bring the texts up to date, then set version: 1',
      'test/fixtures/broken-translations/survey.nl.yaml: title: must keep {intervention}, as the English does ("Working with {intervention}")',
      'test/fixtures/broken-translations/survey.nl.yaml: sections.only.title: empty (the English is "Only page")',
      'test/fixtures/broken-translations/survey.nl.yaml: items.s_leaders.text: missing (the English is "Leaders here make time for {intervention}.")',
      'test/fixtures/broken-translations/survey.nl.yaml: items.s_years.hint: empty (the English is "Count all your time here.")',
      'test/fixtures/broken-translations/survey.nl.yaml: items.s_leaders.hint: not in survey.yaml',
      'test/fixtures/broken-translations/survey.nl.yaml: items.s_years.options.maybe: not in survey.yaml',
      'test/fixtures/broken-translations/survey.nl.yaml: items.nope.text: not in survey.yaml',
      `test/fixtures/broken-translations/stray.fr.yaml: no definition declares this translation: name it <id>.<language>.yaml and add the language to that definition's "translations", or remove it`,
    ])
  })

  it('reports a translation file whose definition does not declare it', () => {
    expect(problemsIn(folderWith({ 'pilot.yaml': PILOT, 'pilot.nl.yaml': PILOT_NL }))).toEqual([
      `pilot.nl.yaml: no definition declares this translation: name it <id>.<language>.yaml and add the language to that definition's "translations", or remove it`,
    ])
  })

  it('reports the translations of a definition that could not be read only once, with the definition', () => {
    const problems = problemsIn(folderWith({ 'pilot.yaml': TRANSLATED_PILOT.replace('type: scale0to10', 'type: slider'), 'pilot.nl.yaml': PILOT_NL }))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^pilot\.yaml: sections\[0\]\.items\[2\]\.type: /)
  })

  it('reports a translation that is not valid YAML by its file', () => {
    expect(problemsIn(folderWith({ 'pilot.yaml': TRANSLATED_PILOT, 'pilot.nl.yaml': 'title: [' }))[0]).toMatch(/^pilot\.nl\.yaml: not valid YAML: /)
  })
})

describe('questionnaires/schema.json', () => {
  it('is the JSON Schema generated from the zod schema (run "npm run schema" after changing it)', () => {
    expect(JSON.parse(readFileSync('questionnaires/schema.json', 'utf8'))).toEqual(questionnaireJsonSchema())
  })

  it('has its translation counterpart, questionnaires/translation-schema.json, generated too', () => {
    expect(JSON.parse(readFileSync('questionnaires/translation-schema.json', 'utf8'))).toEqual(translationJsonSchema())
  })

  it('describes the item types', () => {
    const text = JSON.stringify(questionnaireJsonSchema())
    for (const type of ['likert5', 'scale0to10', 'single', 'multi', 'text']) expect(text).toContain(`"const":"${type}"`)
  })
})
