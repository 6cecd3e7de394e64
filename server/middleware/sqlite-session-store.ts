// Keeps express-session data in SQLite, so sessions survive a restart and need no other service.
import session from 'express-session'
import type { SessionRepository } from '../data/repositories/session-repository.js'

export class SqliteSessionStore extends session.Store {
  constructor(private readonly sessions: SessionRepository) {
    super()
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    const data = this.sessions.find(sid, Date.now())
    callback(null, data ? (JSON.parse(data) as session.SessionData) : null)
  }

  override set(sid: string, data: session.SessionData, callback?: (err?: unknown) => void): void {
    this.sessions.save(sid, JSON.stringify(data), expiry(data))
    callback?.()
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    this.sessions.remove(sid)
    callback?.()
  }

  override touch(sid: string, data: session.SessionData, callback?: () => void): void {
    this.sessions.extend(sid, expiry(data))
    callback?.()
  }
}

const DAY = 24 * 3600 * 1000
function expiry(data: session.SessionData): number {
  return data.cookie?.expires ? new Date(data.cookie.expires).getTime() : Date.now() + DAY
}
