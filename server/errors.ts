// Errors a user can cause. Each says what went wrong as a message of the catalogue (`text`), so a page can put it in
// the reader's language; `message` is the English, for the command line and logs. server/user-errors.ts gives each its status, once.
import { english, say, type Message } from './i18n/translate.js'
import { issueText, type FieldIssue } from './validation/field-issues.js'

/** Words for a person: a message of the catalogue, or (from the command line's own checks) English text as it is. */
export type Words = Message | string

const asMessage = (words: Words): Message | undefined => (typeof words === 'string' ? undefined : words)
const inEnglish = (words: Words): string => (typeof words === 'string' ? words : say(english, words))

/** An error whose message is for people: `text` is the message to translate, when it is one of the catalogue's. */
export abstract class PersonFacingError extends Error {
  readonly text: Message | undefined
  constructor(words: Words) {
    super(inEnglish(words))
    this.text = asMessage(words)
    this.name = new.target.name
  }
}

export const BAD_REQUEST: Message = { key: 'errors:badRequest.message' }
export const BAD_REQUEST_MESSAGE = say(english, BAD_REQUEST)

export class BadRequestError extends PersonFacingError {
  constructor(words: Words = BAD_REQUEST) {
    super(words)
  }
}

export class NotFoundError extends PersonFacingError {
  constructor(words: Words = { key: 'errors:notFound.message' }) {
    super(words)
  }
}

/** The request is sound but clashes with the state of things, e.g. a survey already sent; `title` heads the page. */
export class ConflictError extends PersonFacingError {
  readonly titleText: Message | undefined
  readonly title: string
  constructor(title: Words, words: Words) {
    super(words)
    this.title = inEnglish(title)
    this.titleText = asMessage(title)
  }
}

/** Archived programmes are read-only: nothing about them changes until an administrator brings them back into use. */
export class ArchivedProgrammeError extends ConflictError {
  constructor(programmeName: string) {
    super({ key: 'errors:archived.title' }, { key: 'errors:archived.message', values: { programme: programmeName } })
  }
}

/** Failed sign-ins for an e-mail address, or from a network, have led to a wait (see domain/sign-in-delay.ts). */
export class TooManySignInAttemptsError extends PersonFacingError {
  constructor(readonly minutes: number) {
    super({ key: 'errors:tooManySignIns.message', values: { count: minutes } })
  }
}

export class TooManySurveyStartsError extends PersonFacingError {
  constructor(readonly minutes: number) {
    super({ key: 'errors:tooManyStarts.message', values: { count: minutes } })
  }
}

export class TooManyCodeTriesError extends PersonFacingError {
  constructor(readonly minutes: number) {
    super({ key: 'survey:code.limited.message', values: { count: minutes } })
  }
}

export class SurveyClosedError extends PersonFacingError {
  constructor(readonly waveTitle: string) {
    super({ key: 'errors:surveyClosed.message', values: { wave: waveTitle } })
  }
}

/** A mistake in how a command or service was called (bad name, unknown programme …), reported to the user as given. */
export class UsageError extends PersonFacingError {}

/**
 * Input that fails its rules, with an issue for each field at fault: the CLI prints each as a line of text and a page
 * shows each beside its field and in the error summary (routes/form-errors.ts).
 */
export class ValidationError extends UsageError {
  constructor(readonly issues: readonly FieldIssue[]) {
    super(issues.map(issueText).join('\n'))
  }

  /** One issue for one field, e.g. a name already taken. */
  static of(field: string, words: Words): ValidationError {
    return new ValidationError([typeof words === 'string' ? { field, message: words } : { field, message: inEnglish(words), text: words }])
  }
}

/** Scores need every answer of a wave to one questionnaire version; this wave has answers to several. */
export class MixedQuestionnaireVersionsError extends Error {
  constructor(
    readonly waveSlug: string,
    readonly questionnaireId: string,
    readonly versions: readonly number[],
  ) {
    super(say(english, mixedVersionsMessage(waveSlug, questionnaireId, versions)))
    this.name = new.target.name
  }

  get text(): Message {
    return mixedVersionsMessage(this.waveSlug, this.questionnaireId, this.versions)
  }
}

function mixedVersionsMessage(wave: string, questionnaire: string, versions: readonly number[]): Message {
  return { key: 'errors:mixedVersions.message', values: { wave, questionnaire, versions: versions.map(String) } }
}
