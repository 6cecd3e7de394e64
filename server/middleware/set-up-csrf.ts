import { csrfSync } from 'csrf-sync'
import type { RequestHandler } from 'express'

/** Synchroniser-token CSRF protection for every POST; the token travels in a hidden `_csrf` field. */
export function setUpCsrf(): RequestHandler[] {
  const { csrfSynchronisedProtection, generateToken } = csrfSync({
    getTokenFromRequest: (req) => (req.body as Record<string, unknown> | undefined)?._csrf as string | undefined,
  })
  const exposeToken: RequestHandler = (req, res, next) => {
    let token: string | undefined
    res.locals.csrfToken = () => (token ??= generateToken(req))
    next()
  }
  return [csrfSynchronisedProtection, exposeToken]
}
