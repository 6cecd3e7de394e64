// Starting and ending a staff member's session, with express-session's callbacks as promises.
import type { Request, Response } from 'express'
import { SESSION_COOKIE } from '../../middleware/set-up-session.js'
import type { StaffSessionStamp } from '../../services/sign-in-service.js'

const settle = (work: (done: (error?: unknown) => void) => void) => new Promise<void>((resolve, reject) => work((error) => (error ? reject(error) : resolve())))

/** A new session id at sign-in (so a session id planted before it is worthless), with a new CSRF token. */
export async function startStaffSession(req: Request, stamp: StaffSessionStamp): Promise<void> {
  await settle((done) => req.session.regenerate(done))
  req.session.staffUserId = stamp.userId
  req.session.staffSessionGeneration = stamp.generation
  req.session.staffSignedInAt = stamp.signedInAt
  req.session.staffSessionHandle = stamp.handle
  req.csrfToken?.(true)
  await settle((done) => req.session.save(done))
}

export async function endStaffSession(req: Request, res: Response): Promise<void> {
  await settle((done) => req.session.destroy(done))
  res.clearCookie(SESSION_COOKIE, { path: '/' })
}

/**
 * After the staff member chose a new password: the session they are using goes on, under a new id and the account's
 * new session generation (which ends every other session).
 */
export async function renewStaffSession(req: Request, generation: number): Promise<void> {
  const { staffUserId, staffSignedInAt, staffSessionHandle } = req.session
  if (staffUserId === undefined || staffSignedInAt === undefined || staffSessionHandle === undefined)
    throw new Error('renewStaffSession() outside a staff session')
  await startStaffSession(req, { userId: staffUserId, generation, signedInAt: staffSignedInAt, handle: staffSessionHandle })
}
