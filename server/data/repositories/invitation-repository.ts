import type { Invitation } from '../../domain/invitation.js'
import type { Db } from '../database.js'
import type { InvitationRepository } from '../repository-interfaces.js'

const COLUMNS = 'id, wave_id AS waveId, practice_id AS practiceId, token, preset_role AS presetRole, used_at AS usedAt'

export function invitationRepository(db: Db): InvitationRepository {
  const byToken = db.prepare(`SELECT ${COLUMNS} FROM invitation WHERE token = ?`)
  const byId = db.prepare(`SELECT ${COLUMNS} FROM invitation WHERE id = ?`)
  const insert = db.prepare('INSERT INTO invitation (wave_id, practice_id, token, preset_role) VALUES (?, ?, ?, ?)')
  const unused = db.prepare(`SELECT ${COLUMNS} FROM invitation WHERE wave_id = ? AND practice_id = ? AND used_at IS NULL AND preset_role IS NULL ORDER BY id LIMIT 1`)
  const markUsed = db.prepare('UPDATE invitation SET used_at = ? WHERE id = ? AND used_at IS NULL')

  return {
    findByToken: (token: string) => byToken.get(token) as Invitation | undefined,
    findById: (id: number) => byId.get(id) as Invitation | undefined,
    findUnused: (waveId: number, practiceId: number) => unused.get(waveId, practiceId) as Invitation | undefined,
    createMany: db.transaction((waveId: number, practiceId: number, tokens: string[], presetRole: string | null) => {
      for (const token of tokens) insert.run(waveId, practiceId, token, presetRole)
    }),
    markUsed(id: number, at: string): void {
      markUsed.run(at, id)
    },
  }
}
