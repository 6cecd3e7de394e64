// Reads the submitted answers of a wave in the shape the scoring functions take.
import type { Setting } from '../../questionnaires/definition-schema.js'
import type { Respondent } from '../../scoring/respondent.js'
import type { Db } from '../database.js'
import type { ScoringRepository } from '../repository-interfaces.js'

interface AnswerRow {
  responseId: number
  practiceCode: string
  setting: Setting
  role: string | null
  itemId: string
  value: string
}

export function scoringRepository(db: Db): ScoringRepository {
  const answers = db.prepare(`
    SELECT r.id AS responseId, p.code AS practiceCode, r.setting, r.role, a.item_id AS itemId, a.value
    FROM response r
    JOIN practice p ON p.id = r.practice_id
    JOIN answer a ON a.response_id = r.id AND a.questionnaire_id = @questionnaireId
    WHERE r.wave_id = @waveId AND r.status = 'submitted' AND r.setting IS NOT NULL
    ORDER BY r.id`)
  const versions = db.prepare(`
    SELECT DISTINCT a.questionnaire_version FROM answer a JOIN response r ON r.id = a.response_id
    WHERE r.wave_id = ? AND r.status = 'submitted' AND a.questionnaire_id = ? ORDER BY 1`).pluck()
  const definition = db.prepare('SELECT definition_json FROM questionnaire_version WHERE questionnaire_id = ? AND version = ?').pluck()

  return {
    respondents(waveId: number, questionnaireId: string): Respondent[] {
      const byResponse = new Map<number, Respondent & { values: Map<string, string> }>()
      for (const row of answers.iterate({ waveId, questionnaireId }) as IterableIterator<AnswerRow>) {
        let respondent = byResponse.get(row.responseId)
        if (!respondent) {
          respondent = { responseId: row.responseId, practiceCode: row.practiceCode, setting: row.setting, role: row.role, values: new Map() }
          byResponse.set(row.responseId, respondent)
        }
        respondent.values.set(row.itemId, row.value)
      }
      return [...byResponse.values()]
    },
    answeredVersions: (waveId: number, questionnaireId: string) => versions.all(waveId, questionnaireId) as number[],
    definitionJson: (questionnaireId: string, version: number) => definition.get(questionnaireId, version) as string | undefined,
  }
}
