// Staff accounts and the programmes or practices each may see.
import type { NewStaffAccount, StaffAccount, StaffRole, StaffScope } from '../../domain/staff-user.js'
import type { Db } from '../database.js'
import type { StaffUserRepository } from '../repository-interfaces.js'

const COLUMNS = 'id, email, role, password_hash AS passwordHash, created_at AS createdAt, disabled_at AS disabledAt, session_generation AS sessionGeneration'

export function staffUserRepository(db: Db): StaffUserRepository {
  const byEmail = db.prepare(`SELECT ${COLUMNS} FROM staff_user WHERE email = ?`)
  const byId = db.prepare(`SELECT ${COLUMNS} FROM staff_user WHERE id = ?`)
  const insert = db.prepare('INSERT INTO staff_user (email, role, password_hash, created_at) VALUES (@email, @role, @passwordHash, @createdAt)')
  const insertProgramme = db.prepare('INSERT INTO staff_scope (user_id, programme_id) VALUES (?, ?)')
  const insertPractice = db.prepare('INSERT INTO staff_scope (user_id, practice_id) VALUES (?, ?)')
  const scopeRows = db.prepare('SELECT programme_id AS programmeId, practice_id AS practiceId FROM staff_scope WHERE user_id = ? ORDER BY programme_id, practice_id')
  const updateHash = db.prepare('UPDATE staff_user SET password_hash = ?, session_generation = session_generation + 1 WHERE id = ?')
  const countRole = db.prepare('SELECT count(*) FROM staff_user WHERE role = ? AND disabled_at IS NULL').pluck()

  const create = db.transaction((account: NewStaffAccount): StaffAccount => {
    const { lastInsertRowid } = insert.run({ email: account.email, role: account.role, passwordHash: account.passwordHash, createdAt: account.createdAt })
    for (const programmeId of account.scope.programmeIds) insertProgramme.run(lastInsertRowid, programmeId)
    for (const practiceId of account.scope.practiceIds) insertPractice.run(lastInsertRowid, practiceId)
    return byId.get(lastInsertRowid) as StaffAccount
  })

  return {
    findByEmail: (email: string) => byEmail.get(email) as StaffAccount | undefined,
    findById: (id: number) => byId.get(id) as StaffAccount | undefined,
    create,
    scope(userId: number): StaffScope {
      const rows = scopeRows.all(userId) as { programmeId: number | null; practiceId: number | null }[]
      return {
        programmeIds: rows.flatMap((r) => (r.programmeId === null ? [] : [r.programmeId])),
        practiceIds: rows.flatMap((r) => (r.practiceId === null ? [] : [r.practiceId])),
      }
    },
    setPasswordHash: (id: number, passwordHash: string) => updateHash.run(passwordHash, id).changes === 1,
    countActive: (role: StaffRole) => countRole.get(role) as number,
  }
}
