import { createHash } from 'node:crypto'
import type { Questionnaire } from './definition-schema.js'
import type { Translation } from './translation-schema.js'

// Which languages a definition is offered in says nothing about what its answers mean, so declaring a translation
// (or the source language, which was implicit before) leaves the hash, and answers already given, where they were.
const NOT_CONTENT = new Set(['language', 'translations'])
// A scale's plain name is a report's everyday label beside the theory's name; respondents never read it, so adding or
// rewording one (in any language) is not a new version or revision, and answers already given stay where they were.
const REPORT_LABEL = 'plainName'

/** A hash of the parsed definition, so formatting and comments can change without counting as a new version. */
export function contentHash(questionnaire: Questionnaire): string {
  const content = Object.fromEntries(Object.entries(questionnaire).filter(([key]) => !NOT_CONTENT.has(key)))
  return sha256(canonicalJson(content))
}

/** A hash of a parsed translation: a changed wording in one language is a new revision of that translation. */
export function translationHash(translation: Translation): string {
  return sha256(canonicalJson(translation))
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([key, v]) => v !== undefined && key !== '$schema' && key !== REPORT_LABEL)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
