import { describe, expect, it } from 'vitest'
import { ConfigError } from '../server/config.js'
import {
  BAD_REQUEST_MESSAGE,
  BadRequestError,
  ConflictError,
  MixedQuestionnaireVersionsError,
  NotFoundError,
  SurveyClosedError,
  TooManySignInAttemptsError,
  UsageError,
  ValidationError,
} from '../server/errors.js'
import { TamperedInputError } from '../server/questionnaires/item-types/tampered-input-error.js'
import { isUserError, userErrorPage } from '../server/user-errors.js'

const mixed = new MixedQuestionnaireVersionsError('baseline', 'normalisation', [1, 2])

describe('the user errors', () => {
  it.each([
    {
      error: ValidationError.of('slug', 'A programme "north" already exists'),
      status: 422,
      title: 'There is a problem',
      message: 'A programme "north" already exists',
    },
    {
      error: new UsageError('No wave "x" in any programme'),
      status: 400,
      title: 'Sorry, there is a problem with that request',
      message: 'No wave "x" in any programme',
    },
    { error: new BadRequestError(), status: 400, title: 'Sorry, there is a problem with that request', message: BAD_REQUEST_MESSAGE },
    { error: new TamperedInputError('unexpected field "x"'), status: 400, title: 'Sorry, there is a problem with that request', message: BAD_REQUEST_MESSAGE },
    { error: new NotFoundError('Nothing here'), status: 404, title: 'Page not found', message: 'Nothing here' },
    {
      error: new ConflictError('Already sent', 'Your answers were sent earlier.'),
      status: 409,
      title: 'Already sent',
      message: 'Your answers were sent earlier.',
    },
    { error: mixed, status: 409, title: 'These scores cannot be shown', message: mixed.message },
    {
      error: new SurveyClosedError('Baseline'),
      status: 410,
      title: 'This survey is closed',
      message: expect.stringMatching(/^Baseline is not taking responses/),
    },
    {
      error: new TooManySignInAttemptsError(15),
      status: 429,
      title: 'Too many attempts',
      message: expect.stringContaining('Wait 15 minutes'),
      next: { href: '/sign-in', text: 'Back to sign in' },
    },
    { error: new ConfigError('PORT: too big'), status: 500, title: 'Linkscore is not set up correctly', message: 'PORT: too big' },
  ])('$error.name is $status "$title"', ({ error, status, title, message, next }) => {
    expect(isUserError(error)).toBe(true)
    expect(userErrorPage(error)).toEqual({ status, title, message, next })
  })

  it('names a download that cannot be made as an export', () => {
    expect(userErrorPage(mixed, { download: true })?.title).toBe('This export cannot be made')
  })

  it('says where two versions were answered', () => {
    expect(mixed.message).toMatch(/^Wave "baseline" has answers to versions 1 and 2 of "normalisation"; scores need answers to one version/)
  })

  it('knows nothing of other errors, so they stay 500s without details', () => {
    expect(isUserError(new Error('disk full'))).toBe(false)
    expect(isUserError('a string')).toBe(false)
    expect(userErrorPage(new TypeError('x'))).toBeUndefined()
  })
})
