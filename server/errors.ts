// Errors a user can cause; the error handler turns each into a page with its status.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
  ) {
    super(message)
    this.name = new.target.name
  }
}

export class BadRequestError extends HttpError {
  constructor(message = 'The form sent something this page does not expect. Go back, reload the page and try again.') {
    super(400, 'Sorry, there is a problem with that request', message)
  }
}

export class NotFoundError extends HttpError {
  constructor(message = 'If you typed the web address, check it is correct. If you followed a link, it may be incomplete or out of date.') {
    super(404, 'Page not found', message)
  }
}

export class ConflictError extends HttpError {
  constructor(title: string, message: string) {
    super(409, title, message)
  }
}

export class TooManySignInAttemptsError extends HttpError {
  constructor(minutes: number) {
    super(429, 'Too many attempts', `There have been too many attempts to sign in from your network. Wait ${minutes} minutes, then try again.`)
  }
}

export class SurveyClosedError extends HttpError {
  constructor(waveTitle: string) {
    super(
      410,
      'This survey is closed',
      `${waveTitle} is not taking responses at the moment. Thank you for your interest. If you think this is wrong, contact the person who sent you the link.`,
    )
  }
}

/** A mistake in how a command or service was called (bad name, unknown programme …), reported to the user as given. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}
