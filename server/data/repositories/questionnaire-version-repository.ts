import type { Db } from '../database.js'
import type { QuestionnaireVersionRepository, StoredQuestionnaireVersion } from '../repository-interfaces.js'

export function questionnaireVersionRepository(db: Db): QuestionnaireVersionRepository {
  const find = db.prepare('SELECT questionnaire_id AS questionnaireId, version, content_hash AS contentHash FROM questionnaire_version WHERE questionnaire_id = ? AND version = ?')
  const hasAnswers = db.prepare('SELECT EXISTS (SELECT 1 FROM answer WHERE questionnaire_id = ? AND questionnaire_version = ?)').pluck()
  const upsert = db.prepare(`INSERT INTO questionnaire_version (questionnaire_id, version, content_hash, definition_json) VALUES (?, ?, ?, ?)
    ON CONFLICT (questionnaire_id, version) DO UPDATE SET content_hash = excluded.content_hash, definition_json = excluded.definition_json`)

  return {
    find: (questionnaireId: string, version: number) => find.get(questionnaireId, version) as StoredQuestionnaireVersion | undefined,
    hasAnswers: (questionnaireId: string, version: number) => hasAnswers.get(questionnaireId, version) === 1,
    save(questionnaireId: string, version: number, contentHash: string, definitionJson: string): void {
      upsert.run(questionnaireId, version, contentHash, definitionJson)
    },
  }
}
