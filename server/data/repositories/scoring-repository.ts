// Reads the submitted answers of a wave in the shape the scoring functions take.
import type { Kysely } from 'kysely'
import type { ScoringRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'
import { notExcluded } from './not-excluded.js'
import { scoresVersion } from './scores-version.js'
import type { Respondent } from '../../scoring/respondent.js'

export function scoringRepository(db: Kysely<Schema>): ScoringRepository {
  return {
    respondents: async (waveId, questionnaireId) => {
      const rows = await db
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
        .execute()
      const byResponse = new Map<number, Respondent & { values: Map<string, string> }>()
      for (const row of rows) {
        let respondent = byResponse.get(row.responseId)
        if (!respondent) {
          respondent = { responseId: row.responseId, practiceCode: row.practiceCode, setting: row.setting!, role: row.role, values: new Map() }
          byResponse.set(row.responseId, respondent)
        }
        respondent.values.set(row.itemId, row.value)
      }
      return [...byResponse.values()] as Respondent[]
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
