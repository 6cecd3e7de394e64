// Keeps express-session data in SQLite, so sessions survive a restart and need no other service.
import session from 'express-session'
import type { SessionRepository } from '../data/repository-interfaces.js'

type Done = (err?: unknown) => void

export class SqliteSessionStore extends session.Store {
  constructor(private readonly sessions: SessionRepository) {
    super()
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    let data: string | undefined
    try {
      data = this.sessions.find(sid, Date.now())
    } catch (error) {
      return callback(error)
    }
    callback(null, data ? (JSON.parse(data) as session.SessionData) : null)
  }

  override set(sid: string, data: session.SessionData, callback?: Done): void {
    settle(() => this.sessions.save(sid, JSON.stringify(data), expiry(data)), callback)
  }

  override destroy(sid: string, callback?: Done): void {
    settle(() => this.sessions.remove(sid), callback)
  }

  override touch(sid: string, data: session.SessionData, callback?: Done): void {
    settle(() => this.sessions.extend(sid, expiry(data)), callback)
  }
}

/** Database errors go to express-session's callback, and from there to the error handler, instead of being thrown past it. */
function settle(work: () => void, callback?: Done): void {
  try {
    work()
  } catch (error) {
    return callback?.(error)
  }
  callback?.()
}

const DAY = 24 * 3600 * 1000
function expiry(data: session.SessionData): number {
  return data.cookie?.expires ? new Date(data.cookie.expires).getTime() : Date.now() + DAY
}
