import type { Kysely } from 'kysely'
import type { PageSave, RoleChange, SurveyResponse } from '../../domain/response.js'
import { isLanguage, SOURCE_LANGUAGE } from '../../i18n/languages.js'
import { inTransaction } from '../in-transaction.js'
import type { ResponseRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'
import { bumpScoresVersion, bumpScoresVersionIfSubmitted } from './scores-version.js'

const COLUMNS = [
  'id',
  'invitation_id as invitationId',
  'practice_id as practiceId',
  'wave_id as waveId',
  'resume_token as resumeToken',
  'source',
  'role',
  'setting',
  'status',
  'started_at as startedAt',
  'updated_at as updatedAt',
  'submitted_at as submittedAt',
  'language',
] as const

/** A row as a response: a language tag this server no longer knows reads as the source language. */
function toResponse<R extends { language: string }>(row: R): Omit<R, 'language'> & Pick<SurveyResponse, 'language'> {
  return { ...row, language: isLanguage(row.language) ? row.language : SOURCE_LANGUAGE }
}
const maybeResponse = <R extends { language: string }>(row: R | undefined) => (row ? toResponse(row) : undefined)

export function responseRepository(db: Kysely<Schema>): ResponseRepository {
  const select = () => db.selectFrom('response').select(COLUMNS)

  async function markSaved(trx: Kysely<Schema>, responseId: number, pageKey: string, at: string) {
    await trx
      .insertInto('saved_page')
      .values({ response_id: responseId, page_key: pageKey, saved_at: at })
      .onConflict((oc) => oc.columns(['response_id', 'page_key']).doUpdateSet((eb) => ({ saved_at: eb.ref('excluded.saved_at') })))
      .execute()
  }

  async function deleteAnswers(trx: Kysely<Schema>, responseId: number, items: { questionnaireId: string; itemId: string }[]) {
    const byQuestionnaire = new Map<string, string[]>()
    for (const item of items) byQuestionnaire.set(item.questionnaireId, [...(byQuestionnaire.get(item.questionnaireId) ?? []), item.itemId])
    for (const [questionnaireId, itemIds] of byQuestionnaire)
      await trx
        .deleteFrom('answer')
        .where('response_id', '=', responseId)
        .where('questionnaire_id', '=', questionnaireId)
        .where('item_id', 'in', itemIds)
        .execute()
  }

  return {
    findById: async (id) => maybeResponse(await select().where('id', '=', id).executeTakeFirst()),
    findByResumeToken: async (token) => maybeResponse(await select().where('resume_token', '=', token).executeTakeFirst()),
    findByInvitation: async (invitationId) => maybeResponse(await select().where('invitation_id', '=', invitationId).executeTakeFirst()),

    create: async (r): Promise<SurveyResponse> => {
      const values = {
        invitation_id: r.invitationId,
        practice_id: r.practiceId,
        wave_id: r.waveId,
        resume_token: r.resumeToken,
        source: r.source,
        role: r.role,
        setting: r.setting,
        started_at: r.at,
        updated_at: r.at,
        ...(r.language === undefined ? {} : { language: r.language }),
      }
      if (r.invitationId === null) return toResponse(await db.insertInto('response').values(values).returning(COLUMNS).executeTakeFirstOrThrow())
      // One response per invitation even when two requests start it at once: the second gets the first's.
      const created = await db
        .insertInto('response')
        .values(values)
        .onConflict((oc) => oc.column('invitation_id').doNothing())
        .returning(COLUMNS)
        .executeTakeFirst()
      return toResponse(created ?? (await select().where('invitation_id', '=', r.invitationId).executeTakeFirstOrThrow()))
    },

    answers: (responseId) =>
      db
        .selectFrom('answer')
        .select(['questionnaire_id as questionnaireId', 'item_id as itemId', 'value'])
        .where('response_id', '=', responseId)
        .orderBy('id')
        .execute(),

    savedPages: async (responseId) => {
      const rows = await db.selectFrom('saved_page').select('page_key').where('response_id', '=', responseId).execute()
      return new Set(rows.map((r) => r.page_key))
    },

    // The response row is updated first: on PostgreSQL that locks it, so two saves of one response take turns.
    savePage: (save: PageSave) =>
      inTransaction(db, async (trx) => {
        await trx.updateTable('response').set({ updated_at: save.at }).where('id', '=', save.responseId).execute()
        await deleteAnswers(
          trx,
          save.responseId,
          save.itemIds.map((itemId) => ({ questionnaireId: save.questionnaireId, itemId })),
        )
        if (save.answers.length > 0)
          await trx
            .insertInto('answer')
            .values(
              save.answers.map((a) => ({
                response_id: save.responseId,
                questionnaire_id: save.questionnaireId,
                questionnaire_version: save.questionnaireVersion,
                item_id: a.itemId,
                value: a.value,
              })),
            )
            .execute()
        if (save.complete) await markSaved(trx, save.responseId, save.pageKey, save.at)
        await bumpScoresVersionIfSubmitted(trx, save.responseId)
      }),

    saveRole: (change: RoleChange) =>
      inTransaction(db, async (trx) => {
        await trx
          .updateTable('response')
          .set({ role: change.role, setting: change.setting, updated_at: change.at })
          .where('id', '=', change.responseId)
          .execute()
        await deleteAnswers(trx, change.responseId, change.hiddenItems)
        if (change.pagesToForget.length > 0)
          await trx.deleteFrom('saved_page').where('response_id', '=', change.responseId).where('page_key', 'in', change.pagesToForget).execute()
        await markSaved(trx, change.responseId, change.pageKey, change.at)
        await bumpScoresVersionIfSubmitted(trx, change.responseId)
      }),

    // The wave's scores change with it, in the same transaction: no process can read the new version and the old answers.
    submit: (responseId, at) =>
      inTransaction(db, async (trx) => {
        const submitted = await trx
          .updateTable('response')
          .set({ status: 'submitted', submitted_at: at, updated_at: at })
          .where('id', '=', responseId)
          .where('status', '=', 'in_progress')
          .returning('wave_id')
          .executeTakeFirst()
        if (submitted) await bumpScoresVersion(trx, submitted.wave_id, { responseIds: [responseId] })
        return submitted !== undefined
      }),
  }
}
