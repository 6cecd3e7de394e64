// Streams stored answers for the answer export without holding a wave in memory.
import type { Db } from '../database.js'

export interface AnswerExportRow {
  response_id: number
  practice_code: string
  wave: string
  questionnaire: string
  questionnaire_version: number
  role: string | null
  setting: string | null
  item: string
  value: string
}

export function exportRepository(db: Db) {
  const answers = db.prepare(`
    SELECT r.id AS response_id, p.code AS practice_code, w.slug AS wave, a.questionnaire_id AS questionnaire,
      a.questionnaire_version, r.role, r.setting, a.item_id AS item, a.value
    FROM answer a
    JOIN response r ON r.id = a.response_id
    JOIN practice p ON p.id = r.practice_id
    JOIN wave w ON w.id = r.wave_id
    WHERE r.wave_id = @waveId AND (@includePartial = 1 OR r.status = 'submitted')
    ORDER BY r.id, a.questionnaire_id, a.rowid`)

  return {
    answerRows: (waveId: number, includePartial: boolean) =>
      answers.iterate({ waveId, includePartial: includePartial ? 1 : 0 }) as IterableIterator<AnswerExportRow>,
  }
}
export type ExportRepository = ReturnType<typeof exportRepository>
