import { rateLimit, type AugmentedRequest } from 'express-rate-limit'
import type { Request, RequestHandler } from 'express'
import { TooManySignInAttemptsError } from '../errors.js'
import type { SignInLimits } from '../services/staff-security-settings.js'

/**
 * Counts failed sign-ins (answers of 400 and above) per client address, in memory only: addresses never reach the
 * database. Past the limit, the error handler shows a "try again later" page with status 429. `onLimited` hears of the
 * first refused request of each window, so the audit log gets one entry and not one per request of a flood.
 */
export function limitSignInAttempts(limits: Pick<SignInLimits, 'addressMaxFailures' | 'addressWindowMs'>, onLimited: (req: Request) => void): RequestHandler {
  const minutes = Math.ceil(limits.addressWindowMs / 60_000)
  return rateLimit({
    windowMs: limits.addressWindowMs,
    limit: limits.addressMaxFailures,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, _res, next) => {
      if ((req as AugmentedRequest).rateLimit?.used === limits.addressMaxFailures + 1) onLimited(req)
      next(new TooManySignInAttemptsError(minutes))
    },
  })
}
