// What a password someone chooses must be: long enough, not too long to hash, not built from the most common passwords
// (zxcvbn-ts with its common-password and word lists), and not their own e-mail address. Generated passwords are random
// and skip these checks.
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as zxcvbnCommon from '@zxcvbn-ts/language-common'
import type { MessageKey } from '../i18n/translate.js'
import { issueOf, type FieldIssue } from '../validation/field-issues.js'
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords.js'

/** zxcvbn's scores run 0–4; below 3 a password falls to an online guessing attack or to a few hours offline. */
const LOWEST_SCORE = 3

let zxcvbn: ZxcvbnFactory | undefined
/** Made at the first check, not at start-up: unpacking its word lists was a tenth of a cold start. */
const checker = () => (zxcvbn ??= new ZxcvbnFactory({ dictionary: zxcvbnCommon.dictionary, graphs: zxcvbnCommon.adjacencyGraphs }))

/** The issue with a chosen password for `field`, or none. The password itself never appears in a message. */
export function choosePasswordIssue(field: string, password: string, email: string): FieldIssue | undefined {
  const problem = (key: MessageKey, values?: Record<string, unknown>) => issueOf(field, { key, values })
  if (password.length < MIN_PASSWORD_LENGTH) return problem('staff:password.errors.tooShort', { min: MIN_PASSWORD_LENGTH })
  if (password.length > MAX_PASSWORD_LENGTH) return problem('staff:password.errors.tooLong', { max: MAX_PASSWORD_LENGTH })
  const lower = password.toLowerCase()
  const [localPart] = email.toLowerCase().split('@')
  if (lower.includes(email.toLowerCase()) || (localPart && localPart.length >= 4 && lower.includes(localPart)))
    return problem('staff:password.errors.containsEmail')
  const { score } = checker().check(password, [email, localPart ?? ''])
  if (score < LOWEST_SCORE) return problem('staff:password.errors.common')
  return undefined
}
