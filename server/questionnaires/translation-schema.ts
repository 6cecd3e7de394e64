// The translation file format: questionnaires/<id>.<language>.yaml, every person-facing text of one definition version
// in another language, keyed by ids (and band minimums) rather than positions.
import { z } from 'zod'
import { languageTag, slug } from './definition-parts.js'

// A key left empty in YAML (`hint:`) reads as null: taken as an empty text, or no keys, so that translationProblems
// reports what is missing beside the source text, as for any other gap.
/** A text as written; an empty one is reported by translationProblems, beside the source text it should translate. */
const text = z
  .string()
  .trim()
  .nullable()
  .transform((t) => t ?? '')
const keys = <T extends z.ZodType>(value: T) =>
  z
    .record(z.string(), value)
    .nullable()
    .transform((r) => r ?? {})

/** Texts under keys, as deep as an item type's texts go: `options: { lt1: …, gt5: … }`, `labels: { min: …, max: … }`. */
export type TextTree = string | { [key: string]: TextTree }
const textTree: z.ZodType<TextTree, unknown> = z.lazy(() => z.union([text, keys(textTree)], { error: 'must be a text, or keys with texts under them' }))

const keyed = <T extends z.ZodType>(value: T) => keys(value).optional()

export const translationSchema = z.strictObject({
  $schema: z.string().optional(),
  questionnaire: slug.describe('the id of the questionnaire translated'),
  version: z.number().int().min(1).describe('the definition version translated: a new version needs its translation brought up to date'),
  language: languageTag.describe('the language of the texts, as in the file name: nl, de, pt-BR'),
  revision: z.number().int().min(1).describe('raise it when the wording changes after answers were given in this language'),
  title: text.optional(),
  introduction: text.optional(),
  /** By level id. */
  levels: keyed(text),
  /** By scale id, at any level: `{ name, guidance }`. */
  scales: keyed(keys(text)),
  /** By the band's `min`, e.g. `75: Goed ingebed`. */
  bands: keyed(text),
  /** By section id: `{ title, introduction }`. */
  sections: keyed(keys(text)),
  /** By item id: the texts its item type names, e.g. `{ text, hint, options: { <code>: label } }`. */
  items: keyed(keys(textTree)),
})

export type Translation = z.output<typeof translationSchema>

const HEADER = new Set(['$schema', 'questionnaire', 'version', 'language', 'revision'])

/** Every text of a translation by its dotted path (`items.ctx_activities.options.refer`), in file order. */
export function translationTexts(translation: Translation): Map<string, string> {
  const texts = new Map<string, string>()
  const walk = (tree: TextTree, path: string): void => {
    if (typeof tree === 'string') texts.set(path, tree)
    else for (const [key, subtree] of Object.entries(tree)) walk(subtree, `${path}.${key}`)
  }
  for (const [key, value] of Object.entries(translation)) {
    if (HEADER.has(key) || value === undefined) continue
    if (typeof value === 'string') texts.set(key, value)
    else for (const [id, subtree] of Object.entries(value as Record<string, TextTree>)) walk(subtree, `${key}.${id}`)
  }
  return texts
}
