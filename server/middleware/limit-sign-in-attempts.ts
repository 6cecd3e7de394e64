import { rateLimit, type AugmentedRequest } from 'express-rate-limit'
import type { Request, RequestHandler } from 'express'
import { TooManySignInAttemptsError } from '../errors.js'
import type { RateLimitRepository } from '../data/repository-interfaces.js'
import { DatabaseRateLimitStore } from './database-rate-limit-store.js'
import type { SignInLimits } from '../services/staff-security-settings.js'

/**
 * Counts failed sign-ins (answers of 400 and above) per client address, in the database so that every app process
 * counts together (only a hash of the address is stored, and only until its window ends). Past the limit, the error
 * handler shows a "try again later" page with status 429. `onLimited` hears of the first refused request of each
 * window, so the audit log gets one entry and not one per request of a flood.
 */
export function limitSignInAttempts(
  limits: Pick<SignInLimits, 'addressMaxFailures' | 'addressWindowMs'>,
  rateLimits: RateLimitRepository,
  onLimited: (req: Request) => Promise<void>,
): RequestHandler {
  const minutes = Math.ceil(limits.addressWindowMs / 60_000)
  return rateLimit({
    windowMs: limits.addressWindowMs,
    limit: limits.addressMaxFailures,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: new DatabaseRateLimitStore(rateLimits, 'sign-in'),
    // The database answers when it fails; a sign-in limit that lets everyone through when it cannot count would not be one.
    passOnStoreError: false,
    handler: (req, _res, next) => {
      const refuse = () => next(new TooManySignInAttemptsError(minutes))
      if ((req as AugmentedRequest).rateLimit?.used !== limits.addressMaxFailures + 1) return refuse()
      onLimited(req).then(refuse, next)
    },
  })
}
