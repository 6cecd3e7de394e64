// The compiled copy of the loaded questionnaires in the build folder: read when the definition files are unchanged,
// made again when one changes, and never made without a build folder or from definitions with problems.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { loadCompiledQuestionnaires } from '../../server/questionnaires/compiled-questionnaires.js'
import { loadQuestionnaires, QuestionnaireDefinitionError } from '../../server/questionnaires/load-questionnaires.js'

const folders: string[] = []
afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })))
function emptyFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'linkscore-compiled-'))
  folders.push(folder)
  return folder
}
function definitionsFolder(pilot = readFileSync('test/fixtures/questionnaires/pilot.yaml', 'utf8')): string {
  const folder = emptyFolder()
  writeFileSync(join(folder, 'pilot.yaml'), pilot)
  return folder
}
const compiledIn = (build: string) => readdirSync(build).filter((name) => name.startsWith('questionnaires-'))

it('loads the definitions as loadQuestionnaires does, keeps them, and reads the kept copy while the files are unchanged', async () => {
  const [definitions, build] = [definitionsFolder(), emptyFolder()]
  const loaded = await loadCompiledQuestionnaires(definitions, build, definitions)
  expect(loaded).toStrictEqual(loadQuestionnaires(definitions, definitions))
  expect(compiledIn(build)).toHaveLength(1)

  // What the next start gets is the kept copy, not the files read again: a mark put in it comes back.
  const kept = join(build, compiledIn(build)[0]!)
  const marked = JSON.parse(readFileSync(kept, 'utf8')) as { file: string }[]
  marked[0]!.file = 'from the kept copy'
  writeFileSync(kept, JSON.stringify(marked))
  expect((await loadCompiledQuestionnaires(definitions, build, definitions))[0]!.file).toBe('from the kept copy')
})

it('loads afresh when a definition file changes', async () => {
  const [definitions, build] = [definitionsFolder(), emptyFolder()]
  const before = await loadCompiledQuestionnaires(definitions, build, definitions)
  writeFileSync(join(definitions, 'pilot.yaml'), readFileSync(join(definitions, 'pilot.yaml'), 'utf8').replace('version: 1', 'version: 7'))
  const after = await loadCompiledQuestionnaires(definitions, build, definitions)
  expect([before[0]!.questionnaire.version, after[0]!.questionnaire.version]).toEqual([1, 7])
  expect(compiledIn(build)).toHaveLength(2)
})

it('keeps nothing without a build folder, nor from definitions with problems', async () => {
  const definitions = definitionsFolder()
  expect(await loadCompiledQuestionnaires(definitions, undefined, definitions)).toStrictEqual(loadQuestionnaires(definitions, definitions))

  const [broken, build] = [definitionsFolder('id: pilot\n'), emptyFolder()]
  await expect(loadCompiledQuestionnaires(broken, build, broken)).rejects.toThrow(QuestionnaireDefinitionError)
  expect(readdirSync(build)).toEqual([])
})
