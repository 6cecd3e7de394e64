import type { Kysely } from 'kysely'
import type { PageSave, RoleChange, SurveyResponse } from '../../domain/response.js'
import { isLanguage, SOURCE_LANGUAGE } from '../../i18n/languages.js'
import { compiledOnce } from '../compiled-once.js'
import { inTransaction } from '../in-transaction.js'
import type { ResponseRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'
import { bumpScoresVersion, bumpScoresVersionIfSubmitted, bumpScoresVersionOf } from './scores-version.js'

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

// The queries of every journey page and page save, compiled once (see compiled-once.ts).
const byResumeToken = compiledOnce((db, token: string) => db.selectFrom('response').select(COLUMNS).where('resume_token', '=', token))
const answersOf = compiledOnce((db, responseId: number) =>
  db.selectFrom('answer').select(['questionnaire_id as questionnaireId', 'item_id as itemId', 'value']).where('response_id', '=', responseId).orderBy('id'),
)
const savedPageKeys = compiledOnce((db, responseId: number) => db.selectFrom('saved_page').select('page_key').where('response_id', '=', responseId))
const markSaved = compiledOnce((db, s: { responseId: number; pageKey: string; at: string }) =>
  db
    .insertInto('saved_page')
    .values({ response_id: s.responseId, page_key: s.pageKey, saved_at: s.at })
    .onConflict((oc) => oc.columns(['response_id', 'page_key']).doUpdateSet((eb) => ({ saved_at: eb.ref('excluded.saved_at') }))),
)
const deleteItemAnswers = compiledOnce((db, d: { responseId: number; questionnaireId: string; itemIds: string[] }) =>
  db.deleteFrom('answer').where('response_id', '=', d.responseId).where('questionnaire_id', '=', d.questionnaireId).where('item_id', 'in', d.itemIds),
)
const insertAnswers = compiledOnce(
  (db, rows: { response_id: number; questionnaire_id: string; questionnaire_version: number; item_id: string; value: string }[]) =>
    db.insertInto('answer').values(rows),
)
/** Touches the response, returning what raising its wave's scores version needs. */
const touch = compiledOnce((db, t: { responseId: number; at: string }) =>
  db.updateTable('response').set({ updated_at: t.at }).where('id', '=', t.responseId).returning(['wave_id', 'status']),
)

async function deleteAnswers(trx: Kysely<Schema>, responseId: number, items: { questionnaireId: string; itemId: string }[]) {
  const byQuestionnaire = new Map<string, string[]>()
  for (const item of items) byQuestionnaire.set(item.questionnaireId, [...(byQuestionnaire.get(item.questionnaireId) ?? []), item.itemId])
  for (const [questionnaireId, itemIds] of byQuestionnaire) await deleteItemAnswers(trx, { responseId, questionnaireId, itemIds })
}

export function responseRepository(db: Kysely<Schema>): ResponseRepository {
  const select = () => db.selectFrom('response').select(COLUMNS)

  return {
    findById: async (id) => maybeResponse(await select().where('id', '=', id).executeTakeFirst()),
    findByResumeToken: async (token) => maybeResponse((await byResumeToken(db, token)).rows[0]),
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

    answers: async (responseId) => (await answersOf(db, responseId)).rows,

    savedPages: async (responseId) => new Set((await savedPageKeys(db, responseId)).rows.map((r) => r.page_key)),

    // The response row is updated first: on PostgreSQL that locks it, so two saves of one response take turns.
    savePage: (save: PageSave) =>
      inTransaction(db, async (trx) => {
        const [touched] = (await touch(trx, { responseId: save.responseId, at: save.at })).rows
        await deleteAnswers(
          trx,
          save.responseId,
          save.itemIds.map((itemId) => ({ questionnaireId: save.questionnaireId, itemId })),
        )
        if (save.answers.length > 0)
          await insertAnswers(
            trx,
            save.answers.map((a) => ({
              response_id: save.responseId,
              questionnaire_id: save.questionnaireId,
              questionnaire_version: save.questionnaireVersion,
              item_id: a.itemId,
              value: a.value,
            })),
          )
        if (save.complete) await markSaved(trx, { responseId: save.responseId, pageKey: save.pageKey, at: save.at })
        if (touched) await bumpScoresVersionOf(trx, { responseId: save.responseId, waveId: touched.wave_id, status: touched.status })
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
        await markSaved(trx, { responseId: change.responseId, pageKey: change.pageKey, at: change.at })
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
