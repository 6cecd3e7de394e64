// Rows for the CSV exports: answers (long format) and the codebook.
import type { Repositories } from '../data/index.js'
import type { AnswerExportRow } from '../data/repositories/export-repository.js'
import { LIKERT5_LABELS, NOT_RELEVANT_LABELS } from '../questionnaires/answer-labels.js'
import { allItems, itemRange } from '../questionnaires/questionnaire-model.js'
import type { QuestionnaireCatalogue } from './questionnaire-catalogue.js'
import type { Wave } from '../data/repositories/wave-repository.js'

export const ANSWER_COLUMNS = ['response_id', 'practice_code', 'wave', 'questionnaire', 'questionnaire_version', 'role', 'setting', 'item', 'value'] as const
export const CODEBOOK_COLUMNS = ['questionnaire', 'version', 'item', 'type', 'text', 'scale_path', 'reverse', 'min', 'max', 'options', 'settings', 'max_length'] as const

export type CodebookRow = Record<(typeof CODEBOOK_COLUMNS)[number], string | number>

export function createExportService(repos: Repositories, catalogue: QuestionnaireCatalogue) {
  return {
    answerRows(wave: Wave, includePartial: boolean): IterableIterator<AnswerExportRow> {
      return repos.exports.answerRows(wave.id, includePartial)
    },

    /** One row per item of every questionnaire; options as "code=label" pairs separated by " | ". */
    codebookRows(): CodebookRow[] {
      return catalogue.list().flatMap((q) =>
        allItems(q).map((item) => {
          const range = itemRange(item)
          const options =
            item.type === 'single' || item.type === 'multi'
              ? item.options.map((o) => `${o.code}=${o.label}`)
              : item.type === 'likert5'
                ? LIKERT5_LABELS.map((label, i) => `${i + 1}=${label}`)
                : []
          const notRelevant = 'notRelevant' in item ? item.notRelevant.map((code) => `${code}=${NOT_RELEVANT_LABELS[code]}`) : []
          return {
            questionnaire: q.id,
            version: q.version,
            item: item.id,
            type: item.type,
            text: item.text,
            scale_path: item.type === 'likert5' && item.scale ? item.scale.join('/') : '',
            reverse: item.type === 'likert5' && item.reverse ? 1 : 0,
            min: range?.min ?? '',
            max: range?.max ?? '',
            options: [...options, ...notRelevant].join(' | '),
            settings: item.settings.join('|'),
            max_length: item.type === 'text' ? item.maxLength : '',
          }
        }),
      )
    },
  }
}
export type ExportService = ReturnType<typeof createExportService>
