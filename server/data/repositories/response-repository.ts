import type { NewResponse, PageSave, RoleChange, StoredAnswer, SurveyResponse } from '../../domain/response.js'
import type { Db } from '../database.js'
import type { ResponseRepository } from '../repository-interfaces.js'

const COLUMNS = `id, invitation_id AS invitationId, practice_id AS practiceId, wave_id AS waveId, resume_token AS resumeToken,
  source, role, setting, status, started_at AS startedAt, updated_at AS updatedAt, submitted_at AS submittedAt`

export function responseRepository(db: Db): ResponseRepository {
  const byId = db.prepare(`SELECT ${COLUMNS} FROM response WHERE id = ?`)
  const byResumeToken = db.prepare(`SELECT ${COLUMNS} FROM response WHERE resume_token = ?`)
  const byInvitation = db.prepare(`SELECT ${COLUMNS} FROM response WHERE invitation_id = ?`)
  const insert = db.prepare(`INSERT INTO response (invitation_id, practice_id, wave_id, resume_token, source, role, setting, started_at, updated_at)
    VALUES (@invitationId, @practiceId, @waveId, @resumeToken, @source, @role, @setting, @at, @at)`)
  const updateRole = db.prepare('UPDATE response SET role = ?, setting = ?, updated_at = ? WHERE id = ?')
  const touch = db.prepare('UPDATE response SET updated_at = ? WHERE id = ?')
  const submit = db.prepare("UPDATE response SET status = 'submitted', submitted_at = ?, updated_at = ? WHERE id = ? AND status = 'in_progress'")
  const answers = db.prepare('SELECT questionnaire_id AS questionnaireId, item_id AS itemId, value FROM answer WHERE response_id = ? ORDER BY rowid')
  const deleteAnswer = db.prepare('DELETE FROM answer WHERE response_id = ? AND questionnaire_id = ? AND item_id = ?')
  const insertAnswer = db.prepare('INSERT INTO answer (response_id, questionnaire_id, questionnaire_version, item_id, value) VALUES (?, ?, ?, ?, ?)')
  const savedPages = db.prepare('SELECT page_key FROM saved_page WHERE response_id = ?').pluck()
  const markSaved = db.prepare('INSERT INTO saved_page (response_id, page_key, saved_at) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET saved_at = excluded.saved_at')
  const forgetPage = db.prepare('DELETE FROM saved_page WHERE response_id = ? AND page_key = ?')

  return {
    findById: (id: number) => byId.get(id) as SurveyResponse | undefined,
    findByResumeToken: (token: string) => byResumeToken.get(token) as SurveyResponse | undefined,
    findByInvitation: (invitationId: number) => byInvitation.get(invitationId) as SurveyResponse | undefined,
    create(r: NewResponse): SurveyResponse {
      const { lastInsertRowid } = insert.run(r)
      return byId.get(lastInsertRowid) as SurveyResponse
    },
    answers: (responseId: number) => answers.all(responseId) as StoredAnswer[],
    savedPages: (responseId: number) => new Set(savedPages.all(responseId) as string[]),

    savePage: db.transaction((save: PageSave): void => {
      for (const itemId of save.itemIds) deleteAnswer.run(save.responseId, save.questionnaireId, itemId)
      for (const a of save.answers) insertAnswer.run(save.responseId, save.questionnaireId, save.questionnaireVersion, a.itemId, a.value)
      if (save.complete) markSaved.run(save.responseId, save.pageKey, save.at)
      touch.run(save.at, save.responseId)
    }),

    saveRole: db.transaction((change: RoleChange): void => {
      updateRole.run(change.role, change.setting, change.at, change.responseId)
      for (const item of change.hiddenItems) deleteAnswer.run(change.responseId, item.questionnaireId, item.itemId)
      for (const page of change.pagesToForget) forgetPage.run(change.responseId, page)
      markSaved.run(change.responseId, change.pageKey, change.at)
    }),

    submit(responseId: number, at: string): boolean {
      return submit.run(at, at, responseId).changes === 1
    },
  }
}
