import { ipKeyGenerator, rateLimit, type AugmentedRequest } from 'express-rate-limit'
import type { Request, RequestHandler } from 'express'
import type { RateLimitRepository } from '../data/repository-interfaces.js'
import { TooManySurveyStartsError } from '../errors.js'
import type { OpenLinkStartLimits, StartLimit } from '../survey/open-link-starts.js'
import { DatabaseRateLimitStore } from './database-rate-limit-store.js'

/**
 * Counts surveys started through an open practice link (POST /p/:practiceCode/:waveSlug), per client address and per
 * link, in the database so that every app process counts together. Past either limit, the error handler shows a "try
 * again later" page with status 429. `onLimited` hears of the first refused start of each window, for one audit entry.
 */
// Every refused start counts too, so a flood stays refused until its window ends and its first refusal alone is audited.
export function limitOpenLinkStarts(
  limits: OpenLinkStartLimits,
  rateLimits: RateLimitRepository,
  onLimited: (req: Request, which: keyof OpenLinkStartLimits) => Promise<void>,
): RequestHandler[] {
  const link = (req: Request) => `${String(req.params.practiceCode).toUpperCase()}/${String(req.params.waveSlug).toLowerCase()}`
  return [
    startLimit(
      limits.perAddress,
      new DatabaseRateLimitStore(rateLimits, 'open-link-address'),
      (req) => `${link(req)} ${ipKeyGenerator(req.ip ?? '')}`,
      (req) => onLimited(req, 'perAddress'),
    ),
    startLimit(limits.perLink, new DatabaseRateLimitStore(rateLimits, 'open-link'), link, (req) => onLimited(req, 'perLink')),
  ]
}

function startLimit(
  limit: StartLimit,
  store: DatabaseRateLimitStore,
  keyGenerator: (req: Request) => string,
  onLimited: (req: Request) => Promise<void>,
): RequestHandler {
  const minutes = Math.ceil(limit.windowMs / 60_000)
  return rateLimit({
    windowMs: limit.windowMs,
    limit: limit.max,
    keyGenerator,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store,
    // A limit that lets everyone through when the database cannot count would not be one.
    passOnStoreError: false,
    handler: (req, _res, next) => {
      const refuse = () => next(new TooManySurveyStartsError(minutes))
      if ((req as AugmentedRequest).rateLimit?.used !== limit.max + 1) return refuse()
      onLimited(req).then(refuse, next)
    },
  })
}
