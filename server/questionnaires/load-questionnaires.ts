// Reads questionnaire definition files and their translations from a folder and checks them against the schemas.
import { readdirSync, readFileSync } from 'node:fs'
import { join, parse as parsePath, relative } from 'node:path'
import { parse as parseYaml, YAMLParseError } from 'yaml'
import type { z } from 'zod'
import { questionnaireSchema, type Questionnaire } from './definition-schema.js'
import { formatIssuePath } from './format-issue-path.js'
import { QuestionnaireDefinitionError } from './questionnaire-definition-error.js'
import { translatableProblems, translationProblems } from './translation-problems.js'
import { translationSchema, type Translation } from './translation-schema.js'

export { QuestionnaireDefinitionError }

export interface LoadedTranslation {
  file: string
  translation: Translation
}

export interface LoadedQuestionnaire {
  file: string
  questionnaire: Questionnaire
  /** One for each language in the definition's `translations`, in that order. */
  translations: LoadedTranslation[]
}

const DEFINITION_FILE = /\.(ya?ml|json)$/
/** <id>.<language>.yaml beside the definition: a translation, never a definition of its own. */
const TRANSLATION_FILE = /^(?<stem>.+)\.[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\.(ya?ml|json)$/
const NOT_A_DEFINITION = new Set(['schema.json', 'translation-schema.json'])

export const translationFileName = (questionnaireId: string, language: string) => `${questionnaireId}.${language}.yaml`

export function definitionFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => DEFINITION_FILE.test(name) && !NOT_A_DEFINITION.has(name) && !TRANSLATION_FILE.test(name))
    .sort()
    .map((name) => join(folder, name))
}

/** Parses one file; returns the questionnaire or the list of problems, each prefixed with the file name. */
export function parseDefinition(displayName: string, source: string): { questionnaire?: Questionnaire; problems: string[] } {
  const { value, problems } = parseFile(displayName, source, questionnaireSchema)
  return { questionnaire: value, problems }
}

/** Parses one translation file for its shape alone; translationProblems checks it against its definition. */
export function parseTranslation(displayName: string, source: string): { translation?: Translation; problems: string[] } {
  const { value, problems } = parseFile(displayName, source, translationSchema)
  return { translation: value, problems }
}

function parseFile<T>(displayName: string, source: string, schema: z.ZodType<T, unknown>): { value?: T; problems: string[] } {
  let data: unknown
  try {
    data = displayName.endsWith('.json') ? JSON.parse(source) : parseYaml(source, { uniqueKeys: true })
  } catch (error) {
    const reason = error instanceof YAMLParseError || error instanceof SyntaxError ? error.message : String(error)
    return { problems: [`${displayName}: not valid ${displayName.endsWith('.json') ? 'JSON' : 'YAML'}: ${reason.split('\n')[0]}`] }
  }
  const result = schema.safeParse(data)
  if (result.success) return { value: result.data, problems: [] }
  return {
    problems: result.error.issues.map((issue) => {
      const path = formatIssuePath(issue.path)
      return `${displayName}: ${path ? `${path}: ` : ''}${issue.message}`
    }),
  }
}

/** Loads every definition in the folder with its translations, or throws one error listing every problem found. */
export function loadQuestionnaires(folder: string, cwd = process.cwd()): LoadedQuestionnaire[] {
  const loaded: LoadedQuestionnaire[] = []
  const problems: string[] = []
  const firstFileForId = new Map<string, string>()
  const unreadable = new Set<string>()
  for (const file of definitionFiles(folder)) {
    const displayName = relative(cwd, file)
    const result = parseDefinition(displayName, readFileSync(file, 'utf8'))
    problems.push(...result.problems)
    if (!result.questionnaire) {
      unreadable.add(parsePath(file).name)
      continue
    }
    const earlier = firstFileForId.get(result.questionnaire.id)
    if (earlier) {
      problems.push(`${displayName}: id: "${result.questionnaire.id}" is already defined in ${earlier}`)
      continue
    }
    firstFileForId.set(result.questionnaire.id, displayName)
    loaded.push({ file: displayName, questionnaire: result.questionnaire, translations: [] })
  }

  const unclaimed = new Set(readdirSync(folder).filter((name) => TRANSLATION_FILE.test(name)))
  for (const definition of loaded) problems.push(...loadTranslations(definition, folder, cwd, unclaimed))
  for (const name of [...unclaimed].sort()) {
    // A translation of a definition that could not be read is not reported twice.
    if (unreadable.has(TRANSLATION_FILE.exec(name)!.groups!.stem!)) continue
    problems.push(
      `${relative(cwd, join(folder, name))}: no definition declares this translation: name it <id>.<language>.yaml and add the language to that definition's "translations", or remove it`,
    )
  }
  if (problems.length > 0) throw new QuestionnaireDefinitionError(problems)
  return loaded
}

/** Reads and checks the translations a definition declares into its `translations`, claiming their files; returns the problems. */
function loadTranslations(definition: LoadedQuestionnaire, folder: string, cwd: string, unclaimed: Set<string>): string[] {
  const q = definition.questionnaire
  if (q.translations.length === 0) return []
  const problems = translatableProblems(definition)
  q.translations.forEach((language, i) => {
    const name = translationFileName(q.id, language)
    const file = relative(cwd, join(folder, name))
    if (!unclaimed.delete(name)) {
      problems.push(`${definition.file}: translations[${i}]: "${language}" is declared, but ${file} does not exist`)
      return
    }
    const { translation, problems: shape } = parseTranslation(file, readFileSync(join(folder, name), 'utf8'))
    problems.push(...shape)
    if (!translation) return
    problems.push(...translationProblems(definition, { file, language, translation }))
    definition.translations.push({ file, translation })
  })
  return problems
}
