// CSRF protection for every POST; the token travels in a hidden `_csrf` field. A signed-in staff member's forms use a
// token kept in their session (synchroniser token); everyone else's use a signed double-submit cookie, so that no
// visitor gets a session row until they sign in.
import { csrfSync } from 'csrf-sync'
import type { Request, RequestHandler } from 'express'
import { formCookieToken } from './form-cookie-token.js'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const submittedToken = (req: Request) => (req.body as Record<string, unknown> | undefined)?._csrf

export function setUpCsrf({ secret, https }: { secret: string; https: boolean }): RequestHandler[] {
  const { csrfSynchronisedProtection, generateToken, invalidCsrfTokenError } = csrfSync({
    getTokenFromRequest: (req) => submittedToken(req) as string | undefined,
  })
  const formCookie = formCookieToken({ secret, https })
  // Only a session that holds a token (made at sign-in) uses it; a session-less visitor's token is the cookie's.
  const hasSessionToken = (req: Request) => Boolean(req.session?.csrfToken)

  const protect: RequestHandler = (req, res, next) => {
    if (hasSessionToken(req)) return csrfSynchronisedProtection(req, res, next)
    if (SAFE_METHODS.has(req.method) || formCookie.matches(req, submittedToken(req))) return next()
    next(invalidCsrfTokenError)
  }
  const exposeToken: RequestHandler = (req, res, next) => {
    // Signing in calls this to put a fresh synchroniser token in the new session, whichever kind of token came in.
    req.csrfToken = (overwrite?: boolean) => generateToken(req, overwrite)
    let token: string | undefined
    res.locals.csrfToken = () => (token ??= hasSessionToken(req) ? generateToken(req) : formCookie.issue(req, res))
    next()
  }
  return [protect, exposeToken]
}
