// Which errors are the user's, and how each is shown: the one list the error handler, the server's start-up and the CLI read.
import { ConfigError } from './config.js'
import { DatabaseUnavailableError } from './data/database-errors.js'
import {
  BAD_REQUEST,
  BadRequestError,
  ConflictError,
  MixedQuestionnaireVersionsError,
  NotFoundError,
  SurveyClosedError,
  TooManySignInAttemptsError,
  TooManySurveyStartsError,
  TooManyCodeTriesError,
  PersonFacingError,
  UsageError,
  ValidationError,
} from './errors.js'
import { english, say, type Message, type Translate } from './i18n/translate.js'
import { TamperedInputError } from './questionnaires/item-types/tampered-input-error.js'
import { QuestionnaireDefinitionError } from './questionnaires/questionnaire-definition-error.js'
import { QuestionnaireVersionConflictError } from './services/questionnaire-catalogue.js'
import { issueText } from './validation/field-issues.js'

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
  title: (error: E, asked: Asked) => Message | string
  /** What the page says; the error's own message unless it is not meant for people. */
  message?: (error: E) => Message
  next?: { href: string; text: Message }
}

// Each entry is only ever called with errors of its own type (see kindOf), so widening it is safe.
const kind = <E extends Error>(entry: UserErrorKind<E>) => entry as unknown as UserErrorKind<Error>
const always = (key: Message['key']) => () => ({ key })
const PROBLEM_WITH_REQUEST = 'errors:badRequest.title'

/** Most specific first: the first entry an error is an instance of describes it. */
const USER_ERRORS: readonly UserErrorKind<Error>[] = [
  kind({ type: ValidationError, status: 422, title: always('errors:validation.title') }),
  kind({ type: UsageError, status: 400, title: always(PROBLEM_WITH_REQUEST) }),
  kind({ type: BadRequestError, status: 400, title: always(PROBLEM_WITH_REQUEST) }),
  kind({ type: TamperedInputError, status: 400, title: always(PROBLEM_WITH_REQUEST), message: () => BAD_REQUEST }),
  kind({ type: NotFoundError, status: 404, title: always('errors:notFound.title') }),
  kind<ConflictError>({ type: ConflictError, status: 409, title: (error) => error.titleText ?? error.title }),
  kind({
    type: MixedQuestionnaireVersionsError,
    status: 409,
    title: (_error, asked) => ({ key: asked.download ? 'errors:mixedVersions.titleExport' : 'errors:mixedVersions.titlePage' }),
  }),
  kind({ type: SurveyClosedError, status: 410, title: always('errors:surveyClosed.title') }),
  kind({
    type: TooManySignInAttemptsError,
    status: 429,
    title: always('errors:tooManySignIns.title'),
    next: { href: '/sign-in', text: { key: 'errors:tooManySignIns.next' } },
  }),
  kind({ type: TooManySurveyStartsError, status: 429, title: always('errors:tooManyStarts.title') }),
  kind({ type: TooManyCodeTriesError, status: 429, title: always('survey:code.limited.title') }),
  // Found at start-up or by a command, before any page is served.
  kind({ type: ConfigError, status: 500, title: always('errors:config.title') }),
  kind({ type: DatabaseUnavailableError, status: 503, title: always('errors:databaseUnavailable.title') }),
  kind({ type: QuestionnaireDefinitionError, status: 500, title: always('errors:definition.title') }),
  kind({ type: QuestionnaireVersionConflictError, status: 500, title: always('errors:versionConflict.title') }),
]

function kindOf(error: unknown): UserErrorKind<Error> | undefined {
  return USER_ERRORS.find((entry) => error instanceof entry.type)
}

/** True for an error the person can put right, whose message is shown to them as it is. */
export function isUserError(error: unknown): error is Error {
  return kindOf(error) !== undefined
}

/** The page for a user error, worded by `t` (English unless a page's language is given). */
export function userErrorPage(error: unknown, asked: Asked = { download: false }, t: Translate = english): UserErrorPage | undefined {
  const entry = kindOf(error)
  if (!entry) return undefined
  const e = error as Error
  const words = (w: Message | string) => (typeof w === 'string' ? w : say(t, w))
  const message = entry.message ? words(entry.message(e)) : e instanceof ValidationError ? validationText(e, t) : ownText(e, t)
  return { status: entry.status, title: words(entry.title(e, asked)), message, next: entry.next && { href: entry.next.href, text: say(t, entry.next.text) } }
}

function ownText(error: Error, t: Translate): string {
  const text = error instanceof PersonFacingError || error instanceof MixedQuestionnaireVersionsError ? error.text : undefined
  return text ? say(t, text) : error.message
}

function validationText(error: ValidationError, t: Translate): string {
  return error.issues.map((issue) => (issue.text ? say(t, issue.text) : issueText(issue))).join('\n')
}
