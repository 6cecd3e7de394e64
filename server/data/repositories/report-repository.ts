// Counts and free text for the practice scorecard: who responded, who was invited, what they wrote.
import type { InvitationCount, SubmittedCount } from '../../domain/response-counts.js'
import type { Db } from '../database.js'
import type { ReportRepository, TextAnswer } from '../repository-interfaces.js'

export function reportRepository(db: Db): ReportRepository {
  const submittedByWave = db.prepare(`
    SELECT w.id AS waveId, count(r.id) AS n FROM wave w
    LEFT JOIN response r ON r.wave_id = w.id AND r.status = 'submitted' AND r.setting IS NOT NULL
    WHERE w.programme_id = ? GROUP BY w.id`)
  const submitted = db.prepare(`
    SELECT r.setting, i.preset_role AS presetRole, r.invitation_id IS NOT NULL AS viaInvitation, count(*) AS n
    FROM response r LEFT JOIN invitation i ON i.id = r.invitation_id
    WHERE r.wave_id = ? AND r.practice_id = ? AND r.status = 'submitted' AND r.setting IS NOT NULL
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`)
  const invitations = db.prepare(`
    SELECT preset_role AS presetRole, count(*) AS n FROM invitation WHERE wave_id = ? AND practice_id = ?
    GROUP BY preset_role ORDER BY preset_role`)
  // Sorted by the text itself, so the order says nothing about who answered or when.
  const texts = db.prepare(`
    SELECT a.item_id AS itemId, a.value FROM answer a JOIN response r ON r.id = a.response_id
    WHERE r.wave_id = @waveId AND r.practice_id = @practiceId AND r.status = 'submitted' AND r.setting IS NOT NULL
      AND a.questionnaire_id = @questionnaireId AND a.item_id IN (SELECT value FROM json_each(@itemIds))
    ORDER BY a.item_id, a.value`)

  return {
    submittedByWave: (programmeId: number) => new Map((submittedByWave.all(programmeId) as { waveId: number; n: number }[]).map((r) => [r.waveId, r.n])),
    submittedCounts: (waveId: number, practiceId: number) =>
      (submitted.all(waveId, practiceId) as (Omit<SubmittedCount, 'viaInvitation'> & { viaInvitation: number })[]).map((r) => ({ ...r, viaInvitation: r.viaInvitation === 1 })),
    invitationCounts: (waveId: number, practiceId: number) => invitations.all(waveId, practiceId) as InvitationCount[],
    textAnswers: (waveId: number, practiceId: number, questionnaireId: string, itemIds: readonly string[]) =>
      texts.all({ waveId, practiceId, questionnaireId, itemIds: JSON.stringify(itemIds) }) as TextAnswer[],
  }
}
