import session from 'express-session'
import type { RequestHandler } from 'express'
import type { Clock } from '../clock.js'
import type { SessionRepository } from '../data/repository-interfaces.js'
import { DatabaseSessionStore } from './database-session-store.js'

const TWELVE_HOURS = 12 * 3600 * 1000
export const SESSION_COOKIE = 'linkscore.sid'
/** The forms that start a session (signing in) or end one (signing out). */
const SESSION_FORMS = new Set(['/sign-in', '/sign-out'])

export function setUpSession({
  secret,
  https,
  sessions,
  clock,
}: {
  secret: string
  https: boolean
  sessions: SessionRepository
  clock: Clock
}): RequestHandler {
  const withSession = session({
    name: SESSION_COOKIE,
    secret,
    store: new DatabaseSessionStore(sessions, () => clock.now().getTime()),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: https, maxAge: TWELVE_HOURS },
  })
  // A request from someone with no session cookie could only ever give them an empty session that is never saved, so
  // express-session (a new id, a hash, a wrapped res.end) is skipped and req.session stays unset: code that reads it
  // where anyone may come asks `req.session?.…`. Only the forms that start or end a session get one without a cookie.
  return (req, res, next) => {
    const hasCookie = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE] !== undefined
    if (!hasCookie && !(req.method === 'POST' && SESSION_FORMS.has(req.path))) return next()
    withSession(req, res, next)
  }
}
