// Parses input against a zod schema, or throws a ValidationError with an issue for each field at fault.
import type { z } from 'zod'
import { ValidationError } from '../errors.js'
import { fieldIssuesFromZod } from './field-issues.js'

export function validate<S extends z.ZodType>(schema: S, input: unknown, labels: Readonly<Record<string, string>> = {}): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  throw new ValidationError(fieldIssuesFromZod(result.error.issues, labels))
}
