// Streams stored answers for the answer and response exports without holding a wave in memory.
import type { Kysely } from 'kysely'
import type { LinkscoreDatabase } from '../database.js'
import type { ExportRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'
import { excludedFlag } from './not-excluded.js'

export function exportRepository(db: Kysely<Schema>, stream: LinkscoreDatabase['stream']): ExportRepository {
  return {
    answerRows: (waveId, includePartial) =>
      stream(
        db
          .selectFrom('answer as a')
          .innerJoin('response as r', 'r.id', 'a.response_id')
          .innerJoin('practice as p', 'p.id', 'r.practice_id')
          .innerJoin('wave as w', 'w.id', 'r.wave_id')
          .select((eb) => [
            'r.id as response_id',
            'p.code as practice_code',
            'w.slug as wave',
            'a.questionnaire_id as questionnaire',
            'a.questionnaire_version',
            'r.role',
            'r.setting',
            'a.item_id as item',
            'a.value',
            excludedFlag(eb).as('excluded'),
            'r.language',
          ])
          .where('r.wave_id', '=', waveId)
          .$if(!includePartial, (q) => q.where('r.status', '=', 'submitted'))
          .orderBy('r.id')
          .orderBy('a.questionnaire_id')
          .orderBy('a.id'),
      ),

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
