import { createHash } from 'node:crypto'
import type { Questionnaire } from './definition-schema.js'

/** A hash of the parsed definition, so formatting and comments can change without counting as a new version. */
export function contentHash(questionnaire: Questionnaire): string {
  return createHash('sha256').update(canonicalJson(questionnaire)).digest('hex')
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([key, v]) => v !== undefined && key !== '$schema')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
