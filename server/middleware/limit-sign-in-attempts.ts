import { rateLimit } from 'express-rate-limit'
import type { RequestHandler } from 'express'
import { TooManySignInAttemptsError } from '../errors.js'
import type { SignInLimits } from '../services/staff-security-settings.js'

/**
 * Counts failed sign-ins (answers of 400 and above) per client address, in memory only: addresses never reach the
 * database. Past the limit, the error handler shows a "try again later" page with status 429.
 */
export function limitSignInAttempts(limits: Pick<SignInLimits, 'addressMaxFailures' | 'addressWindowMs'>): RequestHandler {
  const minutes = Math.ceil(limits.addressWindowMs / 60_000)
  return rateLimit({
    windowMs: limits.addressWindowMs,
    limit: limits.addressMaxFailures,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new TooManySignInAttemptsError(minutes)),
  })
}
