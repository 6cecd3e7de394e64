// Reads the submitted answers of a wave in the shape the scoring functions take.
import { PostgresAdapter, sql, type Kysely } from 'kysely'
import type { AnsweredResponse, ScoringRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'
import { notExcluded } from './not-excluded.js'
import { scoresChangesSince, scoresVersion, scoresVersions } from './scores-version.js'

export function scoringRepository(db: Kysely<Schema>): ScoringRepository {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter

  async function answeredResponses(waveId: number, questionnaireId: string, responseIds?: readonly number[]): Promise<AnsweredResponse[]> {
    if (responseIds?.length === 0) return []
    // One row per response with its answers as one JSON object, built by the database: at 1,000 practices × 20
    // respondents a wave's 460,000 answer rows took 3 s to read as rows, and take a third of that as 20,000 objects.
    // Ordered by answer id, so that as before the last answer to an item wins (a later duplicate key in JSON.parse).
    const answers = postgres
      ? sql<unknown>`json_object_agg(a.item_id, a.value ORDER BY a.id)`
      : sql<unknown>`json_group_object(a.item_id, a.value ORDER BY a.id)`
    const versions = postgres
      ? sql<string>`string_agg(DISTINCT a.questionnaire_version::text, ',')`
      : sql<string>`group_concat(DISTINCT a.questionnaire_version)`
    const rows = await db
      .selectFrom('response as r')
      .innerJoin('practice as p', 'p.id', 'r.practice_id')
      // A cross join: SQLite then reads the wave's responses first and each one's answers by index (see migration 019).
      .crossJoin('answer as a')
      .whereRef('a.response_id', '=', 'r.id')
      .where('a.questionnaire_id', '=', questionnaireId)
      .select(['r.id as responseId', 'p.code as practiceCode', 'r.setting', 'r.role', answers.as('answers'), versions.as('versions')])
      .where('r.wave_id', '=', waveId)
      .where('r.status', '=', 'submitted')
      .$if(responseIds !== undefined, (q) => q.where('r.id', 'in', responseIds!))
      .where(notExcluded)
      .groupBy(['r.id', 'p.code', 'r.setting', 'r.role'])
      .orderBy('r.id')
      .execute()
    // Each repeated text kept once: a wave of 1,000 practices holds 20,000 respondents' codes and practice codes.
    const texts = new Map<string, string>()
    const once = (text: string) => texts.get(text) ?? (texts.set(text, text), text)
    return rows.map((row) => ({
      responseId: row.responseId,
      respondent:
        row.setting === null
          ? null
          : {
              responseId: row.responseId,
              practiceCode: once(row.practiceCode),
              setting: row.setting,
              role: row.role === null ? null : once(row.role),
              // PostgreSQL's driver parses json itself; SQLite gives the text.
              values: new Map(Object.entries((typeof row.answers === 'string' ? JSON.parse(row.answers) : row.answers) as Record<string, string>)),
            },
      versions: String(row.versions)
        .split(',')
        .map(Number)
        .sort((a, b) => a - b),
    }))
  }

  return {
    respondents: async (waveId, questionnaireId) =>
      (await answeredResponses(waveId, questionnaireId)).flatMap((found) => (found.respondent ? [found.respondent] : [])),
    answeredResponses,
    scoresChangesSince: (waveId, version) => scoresChangesSince(db, waveId, version),
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
    scoresVersions: (waveIds) => scoresVersions(db, waveIds),
  }
}
