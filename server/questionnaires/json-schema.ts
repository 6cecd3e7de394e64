import { z } from 'zod'
import { questionnaireSchema } from './definition-schema.js'

/** The JSON Schema of a definition file, as editors read it (the input side: defaults may be left out). */
export function questionnaireJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(questionnaireSchema, { io: 'input', unrepresentable: 'any', cycles: 'ref' }),
    title: 'Linkscore questionnaire definition',
  }
}
