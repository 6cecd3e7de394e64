// Streams stored answers for the answer and response exports without holding a wave in memory.
import Database from 'better-sqlite3'
import type { ResponseAnswerRow } from '../../exports/response-rows.js'
import type { Db } from '../database.js'
import type { AnswerExportRow, ExportRepository } from '../repository-interfaces.js'

const ANSWERS = `
  SELECT r.id AS response_id, p.code AS practice_code, w.slug AS wave, a.questionnaire_id AS questionnaire,
    a.questionnaire_version, r.role, r.setting, a.item_id AS item, a.value
  FROM answer a
  JOIN response r ON r.id = a.response_id
  JOIN practice p ON p.id = r.practice_id
  JOIN wave w ON w.id = r.wave_id
  WHERE r.wave_id = @waveId AND (@includePartial = 1 OR r.status = 'submitted')
  ORDER BY r.id, a.questionnaire_id, a.rowid`

// Every response of the wave, with none of its answers when it has none.
const RESPONSE_ANSWERS = `
  SELECT r.id AS response_id, p.code AS practice_code, w.slug AS wave, r.role, r.setting, r.status, r.started_at, r.submitted_at,
    a.questionnaire_id AS questionnaire, a.item_id AS item, a.value
  FROM response r
  JOIN practice p ON p.id = r.practice_id
  JOIN wave w ON w.id = r.wave_id
  LEFT JOIN answer a ON a.response_id = r.id
  WHERE r.wave_id = @waveId AND (@includePartial = 1 OR r.status = 'submitted')
  ORDER BY r.id`

export function exportRepository(db: Db): ExportRepository {
  const olderVersions = db.prepare(`SELECT version, definition_json AS definitionJson FROM questionnaire_version
    WHERE questionnaire_id = ? AND version <> ? ORDER BY version DESC`)
  const waveAnswered = db.prepare(`SELECT EXISTS (SELECT 1 FROM answer a JOIN response r ON r.id = a.response_id
    WHERE a.questionnaire_id = @questionnaireId AND a.questionnaire_version = @version AND r.wave_id = @waveId
      AND (@includePartial = 1 OR r.status = 'submitted'))`).pluck()

  /**
   * Iterates a query on a read-only connection of its own, opened at the first row and closed at the last (or when the
   * reader stops early). While an iterator is open on a connection, better-sqlite3 refuses every write on it, so a slow
   * download on the shared connection would stop respondents saving answers. (An in-memory database has no file to
   * open twice, so it is read on the shared connection.)
   */
  function* readSeparately<T>(sql: string, params: Record<string, unknown>): Generator<T> {
    if (db.memory) {
      yield* db.prepare(sql).iterate(params) as IterableIterator<T>
      return
    }
    const reader = new Database(db.name, { readonly: true, fileMustExist: true })
    try {
      yield* reader.prepare(sql).iterate(params) as IterableIterator<T>
    } finally {
      reader.close()
    }
  }

  return {
    answerRows: (waveId: number, includePartial: boolean) =>
      readSeparately<AnswerExportRow>(ANSWERS, { waveId, includePartial: includePartial ? 1 : 0 }),
    responseAnswerRows: (waveId: number, includePartial: boolean) =>
      readSeparately<ResponseAnswerRow>(RESPONSE_ANSWERS, { waveId, includePartial: includePartial ? 1 : 0 }),
    olderVersions: (questionnaireId: string, currentVersion: number) =>
      olderVersions.all(questionnaireId, currentVersion) as { version: number; definitionJson: string }[],
    waveHasAnswersTo: (waveId: number, questionnaireId: string, version: number, includePartial: boolean) =>
      waveAnswered.get({ waveId, questionnaireId, version, includePartial: includePartial ? 1 : 0 }) === 1,
  }
}
