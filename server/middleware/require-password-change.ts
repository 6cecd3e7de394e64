import type { RequestHandler } from 'express'
import { ACCOUNT_PASSWORD_PATH } from '../routes/paths.js'

/** Open to someone who must choose a new password: the page for it, and signing out. Static assets are served before this. */
const OPEN = new Set([ACCOUNT_PASSWORD_PATH, '/sign-out'])

/**
 * Someone signed in with a password handed out to them (a new account, a reset) chooses their own before anything else:
 * every other page sends them to the change-password page (303, so a form sent is not sent again there).
 */
export function requirePasswordChange(): RequestHandler {
  return (req, res, next) => {
    if (!res.locals.user?.mustChangePassword || OPEN.has(req.path)) return next()
    res.redirect(303, ACCOUNT_PASSWORD_PATH)
  }
}
