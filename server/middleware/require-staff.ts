import type { RequestHandler, Response } from 'express'
import type { StaffUser } from '../domain/staff-user.js'
import { NotFoundError } from '../errors.js'

/**
 * Lets signed-in staff through, sending anyone else to sign in and then back here. With `allowed`, staff it refuses get
 * "Page not found", so a page they may not see does not admit it exists.
 */
export function requireStaff(allowed: (user: StaffUser) => boolean = () => true): RequestHandler {
  return (req, res, next) => {
    const user = res.locals.user
    if (!user) {
      const back = req.method === 'GET' ? `?next=${encodeURIComponent(req.originalUrl)}` : ''
      return res.redirect(303, `/sign-in${back}`)
    }
    if (!allowed(user)) return next(new NotFoundError())
    next()
  }
}

/** The signed-in user in a handler behind requireStaff. */
export function signedInUser(res: Response): StaffUser {
  const user = res.locals.user
  if (!user) throw new Error('signedInUser() outside requireStaff()')
  return user
}
