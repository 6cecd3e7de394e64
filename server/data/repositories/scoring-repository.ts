// Reads the submitted answers of a wave in the shape the scoring functions take.
import type { Setting } from '../../questionnaires/definition-schema.js'
import type { Db } from '../database.js'

export interface ScoringRespondent {
  responseId: number
  practiceCode: string
  setting: Setting
  role: string | null
  values: Map<string, string>
}

interface AnswerRow {
  responseId: number
  practiceCode: string
  setting: Setting
  role: string | null
  itemId: string
  value: string
}

export function scoringRepository(db: Db) {
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
    /** Submitted respondents of a wave with their answers to one questionnaire (one value per item; multi items are not scored). */
    respondents(waveId: number, questionnaireId: string): ScoringRespondent[] {
      const byResponse = new Map<number, ScoringRespondent>()
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
    /** The questionnaire versions that submitted answers in this wave were given to. */
    answeredVersions: (waveId: number, questionnaireId: string) => versions.all(waveId, questionnaireId) as number[],
    /** The definition as stored when that version was first loaded. */
    definitionJson: (questionnaireId: string, version: number) => definition.get(questionnaireId, version) as string | undefined,
  }
}
export type ScoringRepository = ReturnType<typeof scoringRepository>
