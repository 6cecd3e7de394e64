import { describe, expect, it } from 'vitest'
import { formErrors, NO_FORM_ERRORS } from '../../server/routes/form-errors.js'

describe('form errors', () => {
  it('puts a message beside each field and the same messages in the summary, in page order, each linking to its field', () => {
    const issues = [
      { field: 'password', message: 'Enter your password' },
      { field: 'email', message: 'Enter your e-mail address' },
    ]
    expect(formErrors(issues, { order: ['email', 'password'] })).toEqual({
      errors: { email: 'Enter your e-mail address', password: 'Enter your password' },
      errorSummary: [
        { text: 'Enter your e-mail address', href: '#email' },
        { text: 'Enter your password', href: '#password' },
      ],
    })
  })

  it('keeps the first message for a field, lists fields the order does not name last, and links where idOf says', () => {
    const issues = [
      { field: 'extra', message: 'Second' },
      { field: 'wave', message: 'Choose a wave' },
      { field: 'wave', message: 'Choose only one wave' },
      { field: 'other', message: 'Third' },
    ]
    expect(formErrors(issues, { order: ['wave'], idOf: (field) => `${field}-1` })).toEqual({
      errors: { wave: 'Choose a wave', extra: 'Second', other: 'Third' },
      errorSummary: [
        { text: 'Choose a wave', href: '#wave-1' },
        { text: 'Second', href: '#extra-1' },
        { text: 'Third', href: '#other-1' },
      ],
    })
  })

  it('is empty without issues', () => {
    expect(formErrors([])).toEqual(NO_FORM_ERRORS)
  })
})
