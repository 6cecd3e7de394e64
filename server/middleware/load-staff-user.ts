import type { RequestHandler } from 'express'
import type { Request } from 'express'
import type { SignInService } from '../services/sign-in-service.js'

/**
 * Puts the signed-in staff member in res.locals.user. A session whose account has gone or been disabled, whose
 * sessions were ended (a new password), or that is older than the absolute lifetime, is signed out.
 */
export function loadStaffUser(signIn: SignInService): RequestHandler {
  return async (req, res, next) => {
    const { staffUserId: userId, staffSessionGeneration: generation, staffSignedInAt: signedInAt } = req.session ?? {}
    if (userId === undefined) return next()
    const user = generation !== undefined && signedInAt !== undefined ? await signIn.userForSession({ userId, generation, signedInAt }) : undefined
    if (user) res.locals.user = user
    else signOutSession(req)
    next()
  }
}

function signOutSession(req: Request): void {
  delete req.session.staffUserId
  delete req.session.staffSessionGeneration
  delete req.session.staffSignedInAt
  delete req.session.staffSessionHandle
}
