import type { Kysely } from 'kysely'
import type { QuestionnaireVersionRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'

export function questionnaireVersionRepository(db: Kysely<Schema>): QuestionnaireVersionRepository {
  return {
    find: (questionnaireId, version) =>
      db
        .selectFrom('questionnaire_version')
        .select(['questionnaire_id as questionnaireId', 'version', 'content_hash as contentHash'])
        .where('questionnaire_id', '=', questionnaireId)
        .where('version', '=', version)
        .executeTakeFirst(),
    hasAnswers: async (questionnaireId, version) =>
      (await db
        .selectFrom('answer')
        .select('response_id')
        .where('questionnaire_id', '=', questionnaireId)
        .where('questionnaire_version', '=', version)
        .limit(1)
        .executeTakeFirst()) !== undefined,
    save: async (questionnaireId, version, contentHash, definitionJson) => {
      await db
        .insertInto('questionnaire_version')
        .values({ questionnaire_id: questionnaireId, version, content_hash: contentHash, definition_json: definitionJson })
        .onConflict((oc) =>
          oc
            .columns(['questionnaire_id', 'version'])
            .doUpdateSet((eb) => ({ content_hash: eb.ref('excluded.content_hash'), definition_json: eb.ref('excluded.definition_json') })),
        )
        .execute()
    },
    findTranslation: (questionnaireId, version, language, revision) =>
      db
        .selectFrom('questionnaire_translation')
        .select(['questionnaire_id as questionnaireId', 'version', 'language', 'revision', 'content_hash as contentHash'])
        .where('questionnaire_id', '=', questionnaireId)
        .where('version', '=', version)
        .where('language', '=', language)
        .where('revision', '=', revision)
        .executeTakeFirst(),
    hasAnswersInLanguage: async (questionnaireId, version, language) =>
      (await db
        .selectFrom('answer as a')
        .innerJoin('response as r', 'r.id', 'a.response_id')
        .select('a.id')
        .where('a.questionnaire_id', '=', questionnaireId)
        .where('a.questionnaire_version', '=', version)
        .where('r.language', '=', language)
        .limit(1)
        .executeTakeFirst()) !== undefined,
    saveTranslation: async ({ questionnaireId, version, language, revision, contentHash, translationJson }) => {
      await db
        .insertInto('questionnaire_translation')
        .values({ questionnaire_id: questionnaireId, version, language, revision, content_hash: contentHash, translation_json: translationJson })
        .onConflict((oc) =>
          oc
            .columns(['questionnaire_id', 'version', 'language', 'revision'])
            .doUpdateSet((eb) => ({ content_hash: eb.ref('excluded.content_hash'), translation_json: eb.ref('excluded.translation_json') })),
        )
        .execute()
    },
  }
}
