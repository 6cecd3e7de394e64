// Whether a translation file is complete for its definition: every text there, none empty, none extra, {intervention} kept.
import { basename } from 'node:path'
import { unknownPlaceholders } from './definition-parts.js'
import type { Questionnaire } from './definition-schema.js'
import { duplicateScaleIds, questionnaireTexts } from './questionnaire-texts.js'
import { translationTexts, type Translation } from './translation-schema.js'

export interface DefinitionFile {
  file: string
  questionnaire: Questionnaire
}

export interface TranslationFile {
  file: string
  /** The language its file name gives. */
  language: string
  translation: Translation
}

/** What is wrong with a definition that declares translations, before any translation is read. */
export function translatableProblems({ file, questionnaire }: DefinitionFile): string[] {
  return duplicateScaleIds(questionnaire).map(
    (id) => `${file}: scoring.scales: the scale id "${id}" is used more than once; translations name scales by id, so give each scale an id of its own`,
  )
}

/** Each problem as `<translation file>: <path>: <what is wrong>`, in the order of the definition, then extra keys in file order. */
export function translationProblems(definition: DefinitionFile, { file, language, translation }: TranslationFile): string[] {
  const q = definition.questionnaire
  const problems: string[] = []
  const problem = (path: string, message: string) => problems.push(`${file}: ${path}: ${message}`)

  if (translation.questionnaire !== q.id) problem('questionnaire', `is "${translation.questionnaire}", but this file translates "${q.id}" (${definition.file})`)
  if (translation.language !== language) problem('language', `is "${translation.language}", but the file name says "${language}"`)
  if (translation.version !== q.version) {
    problem('version', `translates version ${translation.version}, but ${definition.file} is version ${q.version}: bring the texts up to date, then set version: ${q.version}`)
  }

  const source = questionnaireTexts(q)
  const given = translationTexts(translation)
  const sourceName = `the ${languageName(q.language)}`
  for (const [path, text] of source) {
    const translated = given.get(path)
    if (translated === undefined) problem(path, `missing (${sourceName} is ${quote(text)})`)
    else if (translated === '') problem(path, `empty (${sourceName} is ${quote(text)})`)
    else if (text.includes('{intervention}') && !translated.includes('{intervention}')) problem(path, `must keep {intervention}, as ${sourceName} does (${quote(text)})`)
    else if (unknownPlaceholders(translated).length > 0) problem(path, 'the only placeholder allowed is {intervention}')
  }
  for (const path of given.keys()) if (!source.has(path)) problem(path, `not in ${basename(definition.file)}`)
  return problems
}

/** "English" for en-GB, "Dutch" for nl: the language's name without its region. */
function languageName(tag: string): string {
  return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag.split('-')[0]!) ?? tag
}

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 59)}…` : text)
}
