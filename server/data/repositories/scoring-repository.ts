// Reads the submitted answers of a wave in the shape the scoring functions take.
import type { Kysely } from 'kysely'
import type { ScoringRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'
import { notExcluded } from './not-excluded.js'
import { scoresVersion } from './scores-version.js'
import type { Setting } from '../../questionnaires/definition-schema.js'
import type { Respondent } from '../../scoring/respondent.js'

/** Rows a PostgreSQL cursor reads at a time (SQLite reads row by row). */
const STREAM_BATCH_ROWS = 1000

export function scoringRepository(db: Kysely<Schema>): ScoringRepository {
  return {
    respondents: async (waveId, questionnaireId) => {
      const rows = db
        .selectFrom('response as r')
        .innerJoin('practice as p', 'p.id', 'r.practice_id')
        // A cross join: SQLite then reads the wave's responses first and each one's answers by index (see migration 019).
        .crossJoin('answer as a')
        .whereRef('a.response_id', '=', 'r.id')
        .where('a.questionnaire_id', '=', questionnaireId)
        .select(['r.id as responseId', 'p.code as practiceCode', 'r.setting', 'r.role', 'a.item_id as itemId', 'a.value'])
        .where('r.wave_id', '=', waveId)
        .where('r.status', '=', 'submitted')
        .where('r.setting', 'is not', null)
        .where(notExcluded)
        .orderBy('r.id')
        .orderBy('a.id')
        .stream(STREAM_BATCH_ROWS)
      // Streamed, and each repeated text kept once: a wave of 1,000 practices has half a million answers to a
      // questionnaire, and holding them all as rows before grouping them took several hundred megabytes.
      const texts = new Map<string, string>()
      const once = (text: string) => texts.get(text) ?? (texts.set(text, text), text)
      const respondents: (Respondent & { values: Map<string, string> })[] = []
      let respondent: (Respondent & { values: Map<string, string> }) | undefined
      for await (const row of rows) {
        if (respondent?.responseId !== row.responseId) {
          const role = row.role === null ? null : once(row.role)
          respondent = { responseId: row.responseId, practiceCode: once(row.practiceCode), setting: once(row.setting!) as Setting, role, values: new Map() }
          respondents.push(respondent)
        }
        respondent.values.set(once(row.itemId), once(row.value))
      }
      return respondents
    },
    answeredVersions: async (waveId, questionnaireId) => {
      const rows = await db
        .selectFrom('response as r')
        .crossJoin('answer as a')
        .whereRef('a.response_id', '=', 'r.id')
        .select('a.questionnaire_version')
        .distinct()
        .where('r.wave_id', '=', waveId)
        .where('r.status', '=', 'submitted')
        .where('a.questionnaire_id', '=', questionnaireId)
        .where(notExcluded)
        .orderBy('a.questionnaire_version')
        .execute()
      return rows.map((r) => r.questionnaire_version)
    },
    definitionJson: async (questionnaireId, version) =>
      (
        await db
          .selectFrom('questionnaire_version')
          .select('definition_json')
          .where('questionnaire_id', '=', questionnaireId)
          .where('version', '=', version)
          .executeTakeFirst()
      )?.definition_json,
    scoresVersion: (waveId) => scoresVersion(db, waveId),
  }
}
