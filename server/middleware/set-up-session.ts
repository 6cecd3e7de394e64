import session from 'express-session'
import type { RequestHandler } from 'express'
import type { Clock } from '../clock.js'
import type { SessionRepository } from '../data/repository-interfaces.js'
import { DatabaseSessionStore } from './database-session-store.js'

const TWELVE_HOURS = 12 * 3600 * 1000
export const SESSION_COOKIE = 'linkscore.sid'

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
  return session({
    name: SESSION_COOKIE,
    secret,
    store: new DatabaseSessionStore(sessions, () => clock.now().getTime()),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: https, maxAge: TWELVE_HOURS },
  })
}
