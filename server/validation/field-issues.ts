// What is wrong with the fields of a form or a command, keyed by field: the one shape the web and the CLI both present.
import type { z } from 'zod'
import { english, isMessageKey, say, type Message } from '../i18n/translate.js'

export interface FieldIssue {
  /** The form field or input property at fault, e.g. "closesOn". */
  field: string
  /** Reads on its own beside the field when there is no label; after "label: " otherwise. */
  message: string
  /** The field's name for people, e.g. "closes": text output reads "closes: must not be before the opening date". */
  label?: string
  /** The message to show on a page, in the reader's language; `message` is its English. */
  text?: Message
}

/** An issue worded by a message of the catalogue. */
export function issueOf(field: string, text: Message, label?: string): FieldIssue {
  return { field, message: say(english, text), text, ...(label === undefined ? {} : { label }) }
}

/** One issue per field (the first zod reports), in the order zod reports them. */
export function fieldIssuesFromZod(issues: readonly z.core.$ZodIssue[], labels: Readonly<Record<string, string>> = {}): FieldIssue[] {
  const seen = new Set<string>()
  const out: FieldIssue[] = []
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '')
    if (seen.has(field)) continue
    seen.add(field)
    const label = labels[field] ?? (field || undefined)
    // A rule whose message is a catalogue key ('staff:signIn.emailMissing') is worded in the reader's language later.
    out.push(isMessageKey(issue.message) ? { ...issueOf(field, { key: issue.message }), label } : { field, message: issue.message, label })
  }
  return out
}

/** An issue as one line of text: "label: message", or the message alone when it names its field itself. */
export function issueText(issue: FieldIssue): string {
  return issue.label ? `${issue.label}: ${issue.message}` : issue.message
}
