import { z } from 'zod'
import type { MessageKey } from '../i18n/translate.js'

/**
 * A staff e-mail address, trimmed and in lower case. Deliberately loose (`admin@localhost` is fine): it names an account,
 * and no mail is sent to it. `message` is a catalogue key on a page's form (worded in the page's language), or English
 * text where only the command line and start-up read it.
 */
export function staffEmail(message: MessageKey | string) {
  return z
    .string({ error: message })
    .trim()
    .toLowerCase()
    .max(254, { error: message })
    .regex(/^[^\s@]+@[^\s@]+$/, { error: message })
}
