// Which errors are the user's, and how each is shown: the one list the error handler, the server's start-up and the CLI read.
import { ConfigError } from './config.js'
import { DatabaseUnavailableError } from './data/database-errors.js'
import {
  BAD_REQUEST_MESSAGE,
  BadRequestError,
  ConflictError,
  MixedQuestionnaireVersionsError,
  NotFoundError,
  SurveyClosedError,
  TooManySignInAttemptsError,
  TooManySurveyStartsError,
  UsageError,
  ValidationError,
} from './errors.js'
import { TamperedInputError } from './questionnaires/item-types/tampered-input-error.js'
import { QuestionnaireDefinitionError } from './questionnaires/load-questionnaires.js'
import { QuestionnaireVersionConflictError } from './services/questionnaire-catalogue.js'

/** What the person asked for, where a page's title depends on it. */
export interface Asked {
  /** A file download (CSV or R script) rather than a page. */
  download: boolean
}

export interface UserErrorPage {
  status: number
  title: string
  message: string
  /** Where to go from here, when the page would otherwise be a dead end. */
  next?: { href: string; text: string }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- constructors of any signature
type ErrorClass<E extends Error> = abstract new (...args: any[]) => E

interface UserErrorKind<E extends Error> {
  type: ErrorClass<E>
  status: number
  title: (error: E, asked: Asked) => string
  /** What the page says; the error's own message unless it is not meant for people. */
  message?: (error: E) => string
  next?: UserErrorPage['next']
}

// Each entry is only ever called with errors of its own type (see kindOf), so widening it is safe.
const kind = <E extends Error>(entry: UserErrorKind<E>) => entry as unknown as UserErrorKind<Error>
const always = (title: string) => () => title
const PROBLEM_WITH_REQUEST = 'Sorry, there is a problem with that request'

/** Most specific first: the first entry an error is an instance of describes it. */
const USER_ERRORS: readonly UserErrorKind<Error>[] = [
  kind({ type: ValidationError, status: 422, title: always('There is a problem') }),
  kind({ type: UsageError, status: 400, title: always(PROBLEM_WITH_REQUEST) }),
  kind({ type: BadRequestError, status: 400, title: always(PROBLEM_WITH_REQUEST) }),
  kind({ type: TamperedInputError, status: 400, title: always(PROBLEM_WITH_REQUEST), message: () => BAD_REQUEST_MESSAGE }),
  kind({ type: NotFoundError, status: 404, title: always('Page not found') }),
  kind({ type: ConflictError, status: 409, title: (error) => error.title }),
  kind({
    type: MixedQuestionnaireVersionsError,
    status: 409,
    title: (_error, asked) => (asked.download ? 'This export cannot be made' : 'These scores cannot be shown'),
  }),
  kind({ type: SurveyClosedError, status: 410, title: always('This survey is closed') }),
  kind({ type: TooManySignInAttemptsError, status: 429, title: always('Too many attempts'), next: { href: '/sign-in', text: 'Back to sign in' } }),
  kind({ type: TooManySurveyStartsError, status: 429, title: always('Try again later') }),
  // Found at start-up or by a command, before any page is served.
  kind({ type: ConfigError, status: 500, title: always('Linkscore is not set up correctly') }),
  kind({ type: DatabaseUnavailableError, status: 503, title: always('The database cannot be used') }),
  kind({ type: QuestionnaireDefinitionError, status: 500, title: always('A questionnaire definition has mistakes') }),
  kind({ type: QuestionnaireVersionConflictError, status: 500, title: always('A questionnaire changed without a new version') }),
]

function kindOf(error: unknown): UserErrorKind<Error> | undefined {
  return USER_ERRORS.find((entry) => error instanceof entry.type)
}

/** True for an error the person can put right, whose message is shown to them as it is. */
export function isUserError(error: unknown): error is Error {
  return kindOf(error) !== undefined
}

export function userErrorPage(error: unknown, asked: Asked = { download: false }): UserErrorPage | undefined {
  const entry = kindOf(error)
  if (!entry) return undefined
  const e = error as Error
  return { status: entry.status, title: entry.title(e, asked), message: entry.message ? entry.message(e) : e.message, next: entry.next }
}
