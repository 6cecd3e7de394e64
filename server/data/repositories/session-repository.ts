import type { Db } from '../database.js'
import type { SessionRepository } from '../repository-interfaces.js'

export function sessionRepository(db: Db): SessionRepository {
  const find = db.prepare('SELECT data FROM session WHERE sid = ? AND expires_at > ?').pluck()
  const save = db.prepare('INSERT INTO session (sid, data, expires_at) VALUES (?, ?, ?) ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at')
  const extend = db.prepare('UPDATE session SET expires_at = ? WHERE sid = ?')
  const remove = db.prepare('DELETE FROM session WHERE sid = ?')
  const prune = db.prepare('DELETE FROM session WHERE expires_at <= ?')
  return {
    find: (sid: string, now: number) => find.get(sid, now) as string | undefined,
    save: (sid: string, data: string, expiresAt: number) => void save.run(sid, data, expiresAt),
    extend: (sid: string, expiresAt: number) => void extend.run(expiresAt, sid),
    remove: (sid: string) => void remove.run(sid),
    prune: (now: number) => prune.run(now).changes,
  }
}
