// The one way a page reports what is wrong with its form: a message beside each field and the error summary above.
import { ValidationError } from '../errors.js'
import { english, say, type Translate } from '../i18n/translate.js'
import type { FieldIssue } from '../validation/field-issues.js'

export interface ErrorSummaryItem {
  text: string
  href: string
}

export interface FormErrors {
  /** Field → the message shown beside it. */
  errors: Record<string, string>
  /** The same messages in page order, each linking to its field. */
  errorSummary: ErrorSummaryItem[]
}

export interface FormErrorOptions {
  /** The fields in the order the page shows them; issues for fields not listed follow in the order given. */
  order?: readonly string[]
  /** The id of the element a summary link jumps to (the field's input, or the first radio of a group); the field name by default. */
  idOf?: (field: string) => string
  /** The page's messages (res.locals.t): issues worded by the catalogue are shown in its language. */
  t?: Translate
}

export const NO_FORM_ERRORS: FormErrors = Object.freeze({ errors: {}, errorSummary: [] }) as FormErrors

export function formErrors(issues: readonly FieldIssue[], { order = [], idOf = (field) => field, t = english }: FormErrorOptions = {}): FormErrors {
  const rank = (field: string) => {
    const i = order.indexOf(field)
    return i === -1 ? order.length : i
  }
  const first = new Map<string, FieldIssue>()
  for (const issue of issues) if (!first.has(issue.field)) first.set(issue.field, issue)
  const sorted = [...first.values()].map((issue, i) => ({ issue, i })).sort((a, b) => rank(a.issue.field) - rank(b.issue.field) || a.i - b.i)
  const words = (issue: FieldIssue) => (issue.text ? say(t, issue.text) : issue.message)
  return {
    errors: Object.fromEntries(sorted.map(({ issue }) => [issue.field, words(issue)])),
    errorSummary: sorted.map(({ issue }) => ({ text: words(issue), href: `#${idOf(issue.field)}` })),
  }
}

/**
 * What a service refused, as issues for the page (each through `toPage`, which words it for a page rather than the
 * command line), or undefined when the work went through. Any other error travels on to the error handler.
 */
export async function serviceRefusal(
  work: () => Promise<unknown>,
  toPage: (issue: FieldIssue) => FieldIssue = (issue) => issue,
): Promise<FieldIssue[] | undefined> {
  try {
    await work()
    return undefined
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map(toPage)
    throw error
  }
}
