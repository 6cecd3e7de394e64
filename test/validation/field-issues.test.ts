import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ValidationError } from '../../server/errors.js'
import { fieldIssuesFromZod, issueText } from '../../server/validation/field-issues.js'
import { validate } from '../../server/validation/validate.js'

const schema = z.object({
  name: z.string().min(1, 'must not be empty').max(3, 'must be 3 letters or fewer'),
  closesOn: z.iso.date('use the form YYYY-MM-DD'),
  count: z.number().int('must be a whole number').min(1, 'must be at least 1'),
})

describe('field issues from zod', () => {
  it('keeps the first issue of each field, in the order zod reports them, with the label given', () => {
    const parsed = schema.safeParse({ name: '', closesOn: '1 May', count: 0.5 })
    expect(parsed.success).toBe(false)
    expect(fieldIssuesFromZod(parsed.error!.issues, { closesOn: 'closes' })).toEqual([
      { field: 'name', message: 'must not be empty', label: 'name' },
      { field: 'closesOn', message: 'use the form YYYY-MM-DD', label: 'closes' },
      { field: 'count', message: 'must be a whole number', label: 'count' },
    ])
  })

  it('reads as "label: message", or as the message alone when it has no label', () => {
    expect(issueText({ field: 'closesOn', label: 'closes', message: 'use the form YYYY-MM-DD' })).toBe('closes: use the form YYYY-MM-DD')
    expect(issueText({ field: 'slug', message: 'A programme "north" already exists' })).toBe('A programme "north" already exists')
  })
})

describe('validate', () => {
  it('returns the parsed data', () => {
    expect(validate(schema, { name: 'abc', closesOn: '2026-05-01', count: 2 })).toEqual({ name: 'abc', closesOn: '2026-05-01', count: 2 })
  })

  it('throws a ValidationError holding every field at fault, its message one line per field', () => {
    let thrown: unknown
    try {
      validate(schema, { name: 'abcd', closesOn: '2026-05-01', count: 0 }, { name: 'programme name' })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ValidationError)
    const error = thrown as ValidationError
    expect(error.issues.map((i) => i.field)).toEqual(['name', 'count'])
    expect(error.message).toBe('programme name: must be 3 letters or fewer\ncount: must be at least 1')
  })
})
