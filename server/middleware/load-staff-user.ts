import type { RequestHandler } from 'express'
import type { SignInService } from '../services/sign-in-service.js'

/** Puts the signed-in staff member in res.locals.user; a session whose account has gone or been disabled is signed out. */
export function loadStaffUser(signIn: SignInService): RequestHandler {
  return (req, res, next) => {
    const userId = req.session?.staffUserId
    if (userId === undefined) return next()
    const user = signIn.userForSession(userId)
    if (user) res.locals.user = user
    else delete req.session.staffUserId
    next()
  }
}
