import type { RequestHandler } from 'express'

/**
 * Pages are made for one person (a survey in progress, check-your-answers, a signed-in page, a download), so no
 * browser or proxy may keep a copy. Mounted after the static assets, which keep their own caching.
 */
export function noStore(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store')
    next()
  }
}
