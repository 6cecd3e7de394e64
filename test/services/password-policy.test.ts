import { describe, expect, it } from 'vitest'
import { choosePasswordIssue } from '../../server/services/password-policy.js'
import { generatePassword } from '../../server/services/passwords.js'

const EMAIL = 'eva.smith@example.org'
const issue = (password: string) => choosePasswordIssue('newPassword', password, EMAIL)?.message

describe('a chosen password', () => {
  it.each([
    ['short pass', 'Enter a new password of at least 12 characters'],
    ['x'.repeat(1025), 'Enter a new password of 1024 characters or fewer'],
    ['eva.smith@example.org', 'Enter a new password that does not contain your e-mail address or its name part'],
    ['EVA.SMITH rules the world', 'Enter a new password that does not contain your e-mail address or its name part'],
    ['password12345', 'Enter a new password that is not among the most common passwords or made from them: try three or four unrelated words'],
    ['liverpool1234', 'Enter a new password that is not among the most common passwords or made from them: try three or four unrelated words'],
    ['qwertyuiop123', 'Enter a new password that is not among the most common passwords or made from them: try three or four unrelated words'],
    ['aaaaaaaaaaaa', 'Enter a new password that is not among the most common passwords or made from them: try three or four unrelated words'],
  ])('refuses %j: %s', (password, message) => {
    expect(issue(password)).toBe(message)
  })

  it.each(['violet kettle marching quietly', 'Tr0ub4dor&3xyz', generatePassword()])('accepts %j', (password) => {
    expect(issue(password)).toBeUndefined()
  })

  it('never puts the password in its message', () => {
    for (const password of ['password12345', 'short', 'eva.smith!!!!!!']) expect(issue(password)).not.toContain(password)
  })
})
