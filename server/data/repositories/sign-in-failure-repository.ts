// Wrong passwords in a row per e-mail address tried, and the lock they lead to.
import type { Db } from '../database.js'
import type { SignInFailureRepository, SignInFailures } from '../repository-interfaces.js'

export function signInFailureRepository(db: Db): SignInFailureRepository {
  const find = db.prepare('SELECT failures, locked_until AS lockedUntil FROM sign_in_failure WHERE email = ?')
  // A lock that has run out starts the count again.
  const count = db.prepare(`INSERT INTO sign_in_failure (email, failures, last_failed_at) VALUES (@email, 1, @at)
    ON CONFLICT (email) DO UPDATE SET
      failures = CASE WHEN locked_until IS NOT NULL AND locked_until <= @at THEN 1 ELSE failures + 1 END,
      locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= @at THEN NULL ELSE locked_until END,
      last_failed_at = @at`)
  const lock = db.prepare('UPDATE sign_in_failure SET locked_until = ? WHERE email = ?')
  const clear = db.prepare('DELETE FROM sign_in_failure WHERE email = ?')
  const prune = db.prepare('DELETE FROM sign_in_failure WHERE last_failed_at < @at AND (locked_until IS NULL OR locked_until < @at)')

  return {
    find: (email: string) => find.get(email) as SignInFailures | undefined,
    recordFailure: db.transaction((email: string, at: string, maxFailures: number, lockUntil: string): SignInFailures & { lockedNow: boolean } => {
      count.run({ email, at })
      const row = find.get(email) as SignInFailures
      if (row.failures < maxFailures || row.lockedUntil !== null) return { ...row, lockedNow: false }
      lock.run(lockUntil, email)
      return { failures: row.failures, lockedUntil: lockUntil, lockedNow: true }
    }),
    clear: (email: string) => void clear.run(email),
    pruneBefore: (at: string) => prune.run({ at }).changes,
  }
}
