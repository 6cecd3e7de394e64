import { ipKeyGenerator, rateLimit } from 'express-rate-limit'
import type { RequestHandler } from 'express'
import type { RateLimitRepository } from '../data/repository-interfaces.js'
import { TooManyCodeTriesError } from '../errors.js'
import { DatabaseRateLimitStore } from './database-rate-limit-store.js'

/** Codes that find no invitation, per client address; a code that works does not count. */
export const CODE_TRIES = { max: 20, windowMs: 10 * 60_000 }

/**
 * Limits wrong short codes typed at /code from one client address, counted in the database so that every app process
 * counts together. At 20 wrong codes in 10 minutes, guessing one of a million invitations' codes (1 in 110,000 a try
 * at 37 bits) would take one address some 40 years.
 */
export function limitCodeTries(rateLimits: RateLimitRepository, limit = CODE_TRIES): RequestHandler {
  const minutes = Math.ceil(limit.windowMs / 60_000)
  return rateLimit({
    windowMs: limit.windowMs,
    limit: limit.max,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: new DatabaseRateLimitStore(rateLimits, 'short-code-address'),
    passOnStoreError: false,
    handler: (_req, _res, next) => next(new TooManyCodeTriesError(minutes)),
  })
}
