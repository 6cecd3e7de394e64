// The query for a wave's answered responses to a questionnaire, and the respondents made of its rows: the scorers'
// whole reads (scoring-repository.ts) and the score exports' practice-by-practice read (export-repository.ts) share it.
import { PostgresAdapter, sql, type Kysely } from 'kysely'
import type { AnsweredResponse } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'
import { notExcluded } from './not-excluded.js'

/** The wave's submitted responses not set aside that answered the questionnaire (all, or those of `responseIds`), in id order. */
export function answeredResponsesQuery(db: Kysely<Schema>, waveId: number, questionnaireId: string, responseIds?: readonly number[]) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  // One row per response with its answers as one JSON object, built by the database: at 1,000 practices × 20
  // respondents a wave's 460,000 answer rows took 3 s to read as rows, and take a third of that as 20,000 objects.
  // Ordered by answer id, so that as before the last answer to an item wins (a later duplicate key in JSON.parse).
  const answers = postgres ? sql<unknown>`json_object_agg(a.item_id, a.value ORDER BY a.id)` : sql<unknown>`json_group_object(a.item_id, a.value ORDER BY a.id)`
  const versions = postgres ? sql<string>`string_agg(DISTINCT a.questionnaire_version::text, ',')` : sql<string>`group_concat(DISTINCT a.questionnaire_version)`
  return (
    db
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
  )
}

/** The questionnaire versions the wave's submitted answers not set aside were given to, ascending (one column). */
export const answeredVersionsQuery = (db: Kysely<Schema>, waveId: number, questionnaireId: string) =>
  db
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

type AnsweredRow = Awaited<ReturnType<ReturnType<typeof answeredResponsesQuery>['execute']>>[number]

/** The query's rows as respondents, each repeated text (a practice code, a role) kept once. */
export function answeredResponsesOf(rows: readonly AnsweredRow[]): AnsweredResponse[] {
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
