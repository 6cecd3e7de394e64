// Keeps express-session data in the app's database, so sessions survive a restart, need no other service, and are
// shared by every app process on one PostgreSQL database.
//
// Sessions roll (each request moves the end of twelve idle hours on), but the row is not written on every request: a
// request only extends it when it was last written TOUCH_EVERY_MS ago or more. So a busy staff member's row is written
// at most once in five minutes, its expiry may trail the cookie's by under five minutes, and "last active" on the
// "Your sessions" page is true to within five minutes.
import session from 'express-session'
import type { SessionOwner, SessionRepository } from '../data/repository-interfaces.js'

type Done = (err?: unknown) => void

export const TOUCH_EVERY_MS = 5 * 60 * 1000

export class DatabaseSessionStore extends session.Store {
  /** `now` stamps when a session was last used, as the app's clock tells it. */
  constructor(
    private readonly sessions: SessionRepository,
    private readonly now: () => number = Date.now,
  ) {
    super()
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    this.sessions.find(sid, Date.now()).then(
      (row) => callback(null, row ? { ...(JSON.parse(row.data) as session.SessionData), storedActiveAt: row.lastActiveAt } : null),
      (error: unknown) => callback(error),
    )
  }

  override set(sid: string, { storedActiveAt: _, ...data }: session.SessionData, callback?: Done): void {
    settle(this.sessions.save(sid, { data: JSON.stringify(data), expiresAt: expiry(data), lastActiveAt: this.now(), owner: owner(data) }), callback)
  }

  override destroy(sid: string, callback?: Done): void {
    settle(this.sessions.remove(sid), callback)
  }

  override touch(sid: string, data: session.SessionData, callback?: Done): void {
    const now = this.now()
    if (data.storedActiveAt !== undefined && now - data.storedActiveAt < TOUCH_EVERY_MS) return void callback?.()
    settle(this.sessions.extend(sid, expiry(data), now), callback)
  }
}

/** Database errors go to express-session's callback, and from there to the error handler. */
function settle(work: Promise<void>, callback?: Done): void {
  work.then(
    () => callback?.(),
    (error: unknown) => callback?.(error),
  )
}

const DAY = 24 * 3600 * 1000
function expiry(data: session.SessionData): number {
  return data.cookie?.expires ? new Date(data.cookie.expires).getTime() : Date.now() + DAY
}

/** Kept beside the data, so that a staff member's sessions can be listed without reading every session. */
function owner({ staffUserId: userId, staffSessionHandle: handle, staffSignedInAt: signedInAt }: session.SessionData): SessionOwner | null {
  return userId !== undefined && handle !== undefined && signedInAt !== undefined ? { userId, handle, signedInAt } : null
}
