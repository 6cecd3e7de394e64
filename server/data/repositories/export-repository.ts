// Streams stored answers for the answer and response exports without holding a wave in memory.
import type { ExpressionBuilder, Kysely } from 'kysely'
import type { LinkscoreDatabase } from '../database.js'
import type { AnsweredPractice, AnswerExportResponse, AnswerExportValues, ExportRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'
import { answeredResponsesOf, answeredResponsesQuery, answeredVersionsQuery } from './answered-responses.js'
import { excludedFlag } from './not-excluded.js'

/** Responses whose answers are read in one query: about a thousand answers, a batch written at once. */
const RESPONSES_PER_BATCH = 20

/**
 * Practices whose answered responses a score export reads in one query: few, so that what is read is let go of soon
 * (a batch still held when the collector next runs is kept longer, and the process grows with it).
 */
const PRACTICES_PER_BATCH = 20

/** Each answer (in response order) added to its response's list (the responses in the same order). */
function withAnswers(responses: AnswerExportResponse[], answers: readonly AnswerExportValues[]): AnswerExportResponse[] {
  let r = 0
  for (const answer of answers) {
    while (responses[r]!.response_id !== answer[0]) r++
    responses[r]!.answers.push(answer)
  }
  return responses
}

/** A batch's rows (in id order) as its practices, in the batch's order (code order). */
function practicesOf(rows: Parameters<typeof answeredResponsesOf>[0], codes: readonly string[]): AnsweredPractice[] {
  const byCode = new Map<string, AnsweredPractice>()
  // answeredResponsesOf keeps the rows' order, so each response is its row's.
  const responses = answeredResponsesOf(rows)
  responses.forEach((found, i) => {
    const code = rows[i]!.practiceCode
    const practice = byCode.get(code)
    if (practice) practice.responses.push(found)
    else byCode.set(code, { practiceCode: code, responses: [found] })
  })
  return codes.flatMap((code) => byCode.get(code) ?? [])
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

    // The wave's practices and its responses' ids first (small rows), then a few practices' answered responses at a
    // time by id, which both databases look up by key.
    answeredPractices: (waveId, questionnaireId) =>
      readSnapshot(async function* (reader) {
        const submitted = db.selectFrom('response as r').where('r.wave_id', '=', waveId).where('r.status', '=', 'submitted')
        const practices = (await reader.values(submitted.innerJoin('practice as p', 'p.id', 'r.practice_id').select(['p.id', 'p.code']).distinct())) as [
          number,
          string,
        ][]
        // In code order as scoredPractices sorts (by UTF-16 code unit, whatever the database's collation).
        practices.sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0))
        const idsOf = new Map<number, number[]>()
        for (const [id, practiceId] of (await reader.values(submitted.select(['r.id', 'r.practice_id']).orderBy('r.id'))) as [number, number][]) {
          const ids = idsOf.get(practiceId)
          if (ids) ids.push(id)
          else idsOf.set(practiceId, [id])
        }
        for (let first = 0; first < practices.length; first += PRACTICES_PER_BATCH) {
          const batch = practices.slice(first, first + PRACTICES_PER_BATCH)
          const responseIds = batch.flatMap(([id]) => idsOf.get(id)!)
          yield* practicesOf(
            await reader.all(answeredResponsesQuery(db, waveId, questionnaireId, responseIds)),
            batch.map(([, code]) => code),
          )
        }
      }),

    // A snapshot of its own: its connection's page cache goes with it, rather than filling the app connection's with the
    // wave's answers.
    answeredVersions: async (waveId, questionnaireId) => {
      const read = readSnapshot(async function* (reader) {
        yield (await reader.values(answeredVersionsQuery(db, waveId, questionnaireId))).map(([version]) => version as number)
      })
      for await (const versions of read) return versions
      return []
    },

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
