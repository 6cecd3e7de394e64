import { z } from 'zod'

/**
 * A staff e-mail address, trimmed and in lower case. Deliberately loose (`admin@localhost` is fine): it names an account,
 * and no mail is sent to it.
 */
export function staffEmail(message: string) {
  return z
    .string({ error: message })
    .trim()
    .toLowerCase()
    .max(254, { error: message })
    .regex(/^[^\s@]+@[^\s@]+$/, { error: message })
}
