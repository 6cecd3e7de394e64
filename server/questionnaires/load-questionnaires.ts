// Reads questionnaire definition files from a folder and checks them against the schema.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse as parseYaml, YAMLParseError } from 'yaml'
import { questionnaireSchema, type Questionnaire } from './definition-schema.js'
import { formatIssuePath } from './format-issue-path.js'

export class QuestionnaireDefinitionError extends Error {
  constructor(readonly problems: string[]) {
    super(`Questionnaire definitions are invalid:\n${problems.map((p) => `  ${p}`).join('\n')}`)
    this.name = 'QuestionnaireDefinitionError'
  }
}

export interface LoadedQuestionnaire {
  file: string
  questionnaire: Questionnaire
}

const DEFINITION_FILE = /\.(ya?ml|json)$/
const NOT_A_DEFINITION = new Set(['schema.json'])

export function definitionFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => DEFINITION_FILE.test(name) && !NOT_A_DEFINITION.has(name))
    .sort()
    .map((name) => join(folder, name))
}

/** Parses one file; returns the questionnaire or the list of problems, each prefixed with the file name. */
export function parseDefinition(displayName: string, source: string): { questionnaire?: Questionnaire; problems: string[] } {
  let data: unknown
  try {
    data = displayName.endsWith('.json') ? JSON.parse(source) : parseYaml(source, { uniqueKeys: true })
  } catch (error) {
    const reason = error instanceof YAMLParseError || error instanceof SyntaxError ? error.message : String(error)
    return { problems: [`${displayName}: not valid ${displayName.endsWith('.json') ? 'JSON' : 'YAML'}: ${reason.split('\n')[0]}`] }
  }
  const result = questionnaireSchema.safeParse(data)
  if (result.success) return { questionnaire: result.data, problems: [] }
  return {
    problems: result.error.issues.map((issue) => {
      const path = formatIssuePath(issue.path)
      return `${displayName}: ${path ? `${path}: ` : ''}${issue.message}`
    }),
  }
}

/** Loads every definition in the folder, or throws one error listing every problem found. */
export function loadQuestionnaires(folder: string, cwd = process.cwd()): LoadedQuestionnaire[] {
  const loaded: LoadedQuestionnaire[] = []
  const problems: string[] = []
  const firstFileForId = new Map<string, string>()
  for (const file of definitionFiles(folder)) {
    const displayName = relative(cwd, file)
    const result = parseDefinition(displayName, readFileSync(file, 'utf8'))
    problems.push(...result.problems)
    if (!result.questionnaire) continue
    const earlier = firstFileForId.get(result.questionnaire.id)
    if (earlier) {
      problems.push(`${displayName}: id: "${result.questionnaire.id}" is already defined in ${earlier}`)
      continue
    }
    firstFileForId.set(result.questionnaire.id, displayName)
    loaded.push({ file: displayName, questionnaire: result.questionnaire })
  }
  if (problems.length > 0) throw new QuestionnaireDefinitionError(problems)
  return loaded
}
