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

const PLACEHOLDER = /\{([^}]*)\}/g
export const respondentText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine(
    (text) => [...text.matchAll(PLACEHOLDER)].every((m) => m[1] === 'intervention'),
    'the only placeholder allowed is {intervention}',
  )

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
