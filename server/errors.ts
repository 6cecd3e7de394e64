// Errors a user can cause. Each says what went wrong in words; server/user-errors.ts gives each its status, once.
import { issueText, type FieldIssue } from './validation/field-issues.js'

export const BAD_REQUEST_MESSAGE = 'The form sent something this page does not expect. Go back, reload the page and try again.'

export class BadRequestError extends Error {
  constructor(message = BAD_REQUEST_MESSAGE) {
    super(message)
    this.name = new.target.name
  }
}

export class NotFoundError extends Error {
  constructor(message = 'If you typed the web address, check it is correct. If you followed a link, it may be incomplete or out of date.') {
    super(message)
    this.name = new.target.name
  }
}

/** The request is sound but clashes with the state of things, e.g. a survey already sent; `title` heads the page. */
export class ConflictError extends Error {
  constructor(
    readonly title: string,
    message: string,
  ) {
    super(message)
    this.name = new.target.name
  }
}

/** Archived programmes are read-only: nothing about them changes until an administrator brings them back into use. */
export class ArchivedProgrammeError extends ConflictError {
  constructor(programmeName: string) {
    super(
      'This programme is archived',
      `${programmeName} is archived, so nothing about it can be changed. Its answers, scores and exports are kept. An administrator can bring it back into use from the Programmes page.`,
    )
  }
}

/** Failed sign-ins for an e-mail address, or from a network, have led to a wait (see domain/sign-in-delay.ts). */
export class TooManySignInAttemptsError extends Error {
  constructor(readonly minutes: number) {
    super(`There have been too many failed attempts to sign in. Wait ${minutes === 1 ? '1 minute' : `${minutes} minutes`} before trying again.`)
    this.name = new.target.name
  }
}

export class TooManySurveyStartsError extends Error {
  constructor(readonly minutes: number) {
    super(
      `Too many surveys have been started through this link in a short time, so it has stopped starting new ones for now. Wait ${minutes} minutes, then try again. If you have a survey in progress, use the link you were given to continue it.`,
    )
    this.name = new.target.name
  }
}

export class SurveyClosedError extends Error {
  constructor(readonly waveTitle: string) {
    super(
      `${waveTitle} is not taking responses at the moment. Thank you for your interest. If you think this is wrong, contact the person who sent you the link.`,
    )
    this.name = new.target.name
  }
}

/** A mistake in how a command or service was called (bad name, unknown programme …), reported to the user as given. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = new.target.name
  }
}

/**
 * Input that fails its rules, with an issue for each field at fault: the CLI prints each as a line of text and a page
 * shows each beside its field and in the error summary (routes/form-errors.ts).
 */
export class ValidationError extends UsageError {
  constructor(readonly issues: readonly FieldIssue[]) {
    super(issues.map(issueText).join('\n'))
  }

  /** One issue for one field, e.g. a name already taken. */
  static of(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }])
  }
}

/** Scores need every answer of a wave to one questionnaire version; this wave has answers to several. */
export class MixedQuestionnaireVersionsError extends Error {
  constructor(
    readonly waveSlug: string,
    readonly questionnaireId: string,
    readonly versions: readonly number[],
  ) {
    super(
      `Wave "${waveSlug}" has answers to versions ${versions.join(' and ')} of "${questionnaireId}"; scores need answers to one version, so none are computed. The answers and responses exports still hold every answer with its version.`,
    )
    this.name = new.target.name
  }
}
