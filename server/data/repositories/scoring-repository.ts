// Reads the submitted answers of a wave in the shape the scoring functions take.
import type { Kysely } from 'kysely'
import type { AnsweredResponse, ScoringRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'
import { answeredResponsesOf, answeredResponsesQuery, answeredVersionsQuery } from './answered-responses.js'
import { scoresChangesSince, scoresVersion, scoresVersions } from './scores-version.js'

export function scoringRepository(db: Kysely<Schema>): ScoringRepository {
  async function answeredResponses(waveId: number, questionnaireId: string, responseIds?: readonly number[]): Promise<AnsweredResponse[]> {
    if (responseIds?.length === 0) return []
    return answeredResponsesOf(await answeredResponsesQuery(db, waveId, questionnaireId, responseIds).execute())
  }

  return {
    respondents: async (waveId, questionnaireId) =>
      (await answeredResponses(waveId, questionnaireId)).flatMap((found) => (found.respondent ? [found.respondent] : [])),
    answeredResponses,
    scoresChangesSince: (waveId, version) => scoresChangesSince(db, waveId, version),
    answeredVersions: async (waveId, questionnaireId) =>
      (await answeredVersionsQuery(db, waveId, questionnaireId).execute()).map((r) => r.questionnaire_version),
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
    scoresVersions: (waveIds) => scoresVersions(db, waveIds),
  }
}
