// Streams stored answers for the answer and response exports without holding a wave in memory.
import type { ExpressionBuilder, Kysely } from 'kysely'
import type { LinkscoreDatabase } from '../database.js'
import type { AnswerExportResponse, AnswerExportValues, ExportRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'
import { excludedFlag } from './not-excluded.js'

/** Responses whose answers are read in one query: about a thousand answers, a batch written at once. */
const RESPONSES_PER_BATCH = 20

/** Each answer (in response order) added to its response's list (the responses in the same order). */
function withAnswers(responses: AnswerExportResponse[], answers: readonly AnswerExportValues[]): AnswerExportResponse[] {
  let r = 0
  for (const answer of answers) {
    while (responses[r]!.response_id !== answer[0]) r++
    responses[r]!.answers.push(answer)
  }
  return responses
}

export function exportRepository(db: Kysely<Schema>, { stream, readSnapshot }: Pick<LinkscoreDatabase, 'stream' | 'readSnapshot'>): ExportRepository {
  const inWave = (waveId: number, includePartial: boolean) => (eb: ExpressionBuilder<Schema & { r: Schema['response'] }, 'r'>) =>
    includePartial ? eb('r.wave_id', '=', waveId) : eb.and([eb('r.wave_id', '=', waveId), eb('r.status', '=', 'submitted')])

  return {
    // The wave's responses first, then their answers' own columns, a few responses at a time: the response's columns,
    // the same on each of its fifty-odd answers, cost twice the reading when every answer row carried them, and a
    // statement's rows read whole cost less than iterated.
    answerBatches: (waveId, includePartial) =>
      readSnapshot(async function* (reader) {
        const responses = await reader.all(
          db
            .selectFrom('response as r')
            .innerJoin('practice as p', 'p.id', 'r.practice_id')
            .innerJoin('wave as w', 'w.id', 'r.wave_id')
            .where(inWave(waveId, includePartial))
            .select((eb) => [
              'r.id as response_id',
              'p.code as practice_code',
              'w.slug as wave',
              'r.role',
              'r.setting',
              excludedFlag(eb).as('excluded'),
              'r.language',
            ])
            .orderBy('r.id'),
        )
        for (let first = 0; first < responses.length; first += RESPONSES_PER_BATCH) {
          const batch = responses.slice(first, first + RESPONSES_PER_BATCH).map((response): AnswerExportResponse => ({ ...response, answers: [] }))
          const answers = db
            .selectFrom('response as r')
            .innerJoin('answer as a', 'a.response_id', 'r.id')
            .where(inWave(waveId, includePartial))
            .where('r.id', '>=', batch[0]!.response_id)
            .where('r.id', '<=', batch.at(-1)!.response_id)
            .select(['a.response_id', 'a.questionnaire_id', 'a.questionnaire_version', 'a.item_id', 'a.value'])
            .orderBy('r.id')
            .orderBy('a.questionnaire_id')
            .orderBy('a.id')
          yield withAnswers(batch, (await reader.values(answers)) as AnswerExportValues[])
        }
      }),

    // Every response of the wave, with none of its answers when it has none.
    responseAnswerRows: (waveId, includePartial) =>
      stream(
        db
          .selectFrom('response as r')
          .innerJoin('practice as p', 'p.id', 'r.practice_id')
          .innerJoin('wave as w', 'w.id', 'r.wave_id')
          .leftJoin('answer as a', 'a.response_id', 'r.id')
          .select((eb) => [
            'r.id as response_id',
            'p.code as practice_code',
            'w.slug as wave',
            'r.role',
            'r.setting',
            'r.status',
            'r.started_at',
            'r.submitted_at',
            excludedFlag(eb).as('excluded'),
            'r.language',
            'a.questionnaire_id as questionnaire',
            'a.item_id as item',
            'a.value',
          ])
          .where('r.wave_id', '=', waveId)
          .$if(!includePartial, (q) => q.where('r.status', '=', 'submitted'))
          .orderBy('r.id')
          .orderBy('a.id'),
      ),

    olderVersions: (questionnaireId, currentVersion) =>
      db
        .selectFrom('questionnaire_version')
        .select(['version', 'definition_json as definitionJson'])
        .where('questionnaire_id', '=', questionnaireId)
        .where('version', '<>', currentVersion)
        .orderBy('version', 'desc')
        .execute(),

    waveHasAnswersTo: async (waveId, questionnaireId, version, includePartial) =>
      (await db
        .selectFrom('answer as a')
        .innerJoin('response as r', 'r.id', 'a.response_id')
        .select('a.id')
        .where('a.questionnaire_id', '=', questionnaireId)
        .where('a.questionnaire_version', '=', version)
        .where('r.wave_id', '=', waveId)
        .$if(!includePartial, (q) => q.where('r.status', '=', 'submitted'))
        .limit(1)
        .executeTakeFirst()) !== undefined,
  }
}
