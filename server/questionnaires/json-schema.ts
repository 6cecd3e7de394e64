import { z } from 'zod'
import { questionnaireSchema } from './definition-schema.js'
import { translationSchema } from './translation-schema.js'

/** The JSON Schema of a definition file, as editors read it (the input side: defaults may be left out). */
export function questionnaireJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(questionnaireSchema, { io: 'input', unrepresentable: 'any', cycles: 'ref' }),
    title: 'Linkscore questionnaire definition',
  }
}

/** The JSON Schema of a translation file (<id>.<language>.yaml). Which keys it needs depends on its definition: `npm run validate` checks that. */
export function translationJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(translationSchema, { io: 'input', unrepresentable: 'any', cycles: 'ref' }),
    title: 'Linkscore questionnaire translation',
  }
}
