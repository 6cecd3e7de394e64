import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadQuestionnaires, QuestionnaireDefinitionError } from '../../server/questionnaires/load-questionnaires.js'
import { questionnaireJsonSchema } from '../../server/questionnaires/json-schema.js'

const folders: string[] = []
afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })))
function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'linkscore-q-'))
  folders.push(folder)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text)
  return folder
}
const PILOT = readFileSync('test/fixtures/questionnaires/pilot.yaml', 'utf8')

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

  it('loads the real questionnaires', () => {
    expect(loadQuestionnaires('questionnaires').map((l) => l.questionnaire.id).sort()).toEqual(['context', 'good-practice', 'normalisation'])
  })
})

describe('questionnaires/schema.json', () => {
  it('is the JSON Schema generated from the zod schema (run "npm run schema" after changing it)', () => {
    expect(JSON.parse(readFileSync('questionnaires/schema.json', 'utf8'))).toEqual(questionnaireJsonSchema())
  })

  it('describes the item types', () => {
    const text = JSON.stringify(questionnaireJsonSchema())
    for (const type of ['likert5', 'scale0to10', 'single', 'multi', 'text']) expect(text).toContain(`"const":"${type}"`)
  })
})
