// The pieces definition files are built from, shared by the questionnaire schema and every item type's schema.
import { z } from 'zod'

export const SETTINGS = ['general_practice', 'link_worker', 'community'] as const
export type Setting = (typeof SETTINGS)[number]

export const NOT_RELEVANT_CODES = ['nr_role', 'nr_stage', 'nr_intervention'] as const
export type NotRelevantCode = (typeof NOT_RELEVANT_CODES)[number]

export const identifier = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'must start with a lower-case letter and use only a-z, 0-9 and _')
  .max(64)

export const slug = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'must start with a lower-case letter and use only a-z, 0-9 and -')
  .max(64)

export const optionCode = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_]*$/, 'must use only a-z, 0-9 and _')
  .max(32)
  .refine((code) => !code.startsWith('nr_'), 'codes starting "nr_" are reserved for "not relevant" choices')

/** The language every shipped definition is written in, and the one a definition without `language` is taken to be in. */
export const SOURCE_LANGUAGE = 'en-GB'

/** A BCP 47 language tag in its canonical spelling: nl, en-GB, pt-BR. */
export const languageTag = z.string().superRefine((tag, ctx) => {
  let canonical: string | undefined
  try {
    canonical = Intl.getCanonicalLocales(tag)[0]
  } catch {
    canonical = undefined
  }
  if (!canonical || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) ctx.addIssue({ code: 'custom', message: `"${tag}" is not a language tag such as nl or en-GB` })
  else if (canonical !== tag) ctx.addIssue({ code: 'custom', message: `write the language tag as ${canonical}` })
})

const PLACEHOLDER = /\{([^}]*)\}/g

/** The placeholders other than {intervention} in a text: none in a text people may read. */
export const unknownPlaceholders = (text: string): string[] => [...text.matchAll(PLACEHOLDER)].filter((m) => m[1] !== 'intervention').map((m) => m[0])

export const respondentText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((text) => unknownPlaceholders(text).length === 0, 'the only placeholder allowed is {intervention}')

export const option = z.strictObject({ code: optionCode, label: respondentText })

/** The fields every item has, whatever its type; spread into each type's strictObject before its `type` literal. */
export const itemBase = {
  id: identifier,
  text: respondentText,
  hint: respondentText.optional(),
  required: z.boolean().default(false),
  settings: z.array(z.enum(SETTINGS)).min(1).default([...SETTINGS]),
}

/** An item of any type, as far as code that does not know its type can tell. */
export interface ItemBase {
  id: string
  type: string
  text: string
  hint?: string | undefined
  required: boolean
  settings: Setting[]
}
