// Every export as columns and rows, one implementation for the command line and the web.
import type { Clock } from '../clock.js'
import type { Repositories } from '../data/repository-interfaces.js'
import type { Programme } from '../domain/programme.js'
import type { Wave } from '../domain/wave.js'
import { CODEBOOK_COLUMNS, codebookRows } from '../exports/codebook-rows.js'
import type { ExportKind } from '../exports/export-kinds.js'
import { rScript } from '../exports/r-script.js'
import { responseLayout, responseRows } from '../exports/response-rows.js'
import { CHANGE_COLUMNS, changeRow, SCALE_STATS_COLUMNS, scaleStatsRow, SCORE_COLUMNS, scoreRow } from '../exports/score-rows.js'
import { questionnaireSchema, type Questionnaire } from '../questionnaires/definition-schema.js'
import type { QuestionnaireCatalogue } from './questionnaire-catalogue.js'
import type { ScoringService, Weighting } from './scoring-service.js'

export const ANSWER_COLUMNS = ['response_id', 'practice_code', 'wave', 'questionnaire', 'questionnaire_version', 'role', 'setting', 'item', 'value'] as const

export type ExportRequest =
  | { kind: Extract<ExportKind, 'answers' | 'responses'>; wave: Wave; includePartial: boolean }
  | { kind: Extract<ExportKind, 'scores' | 'scale-stats'>; wave: Wave; weighting: Weighting }
  | { kind: 'change'; from: Wave; to: Wave; weighting: Weighting }
  | { kind: 'codebook' }

/**
 * An export ready to write. The answers and responses rows are read from the database as they are written, in constant
 * memory; the score exports are computed first (scoring needs the whole wave) and then written.
 */
export interface ExportTable {
  columns: readonly string[]
  rows: Iterable<object>
}

export function createExportService(
  repos: Pick<Repositories, 'programmes' | 'waves' | 'exports'>,
  catalogue: QuestionnaireCatalogue,
  scoring: ScoringService,
  clock: Clock,
) {
  const programmeOf = (wave: Wave): Programme => repos.programmes.findById(wave.programmeId)!

  /** Each questionnaire of the wave with the definitions its answers were given to, the current one first. */
  function answeredDefinitions(wave: Wave, includePartial: boolean): { id: string; versions: Questionnaire[] }[] {
    return wave.questionnaireIds.map((id) => {
      const current = catalogue.get(id)
      const older = repos.exports
        .olderVersions(id, current.version)
        .filter(({ version }) => repos.exports.waveHasAnswersTo(wave.id, id, version, includePartial))
        .map(({ definitionJson }) => questionnaireSchema.parse(JSON.parse(definitionJson)))
      return { id, versions: [current, ...older] }
    })
  }

  return {
    /** The waves of a programme, earliest first. */
    waves: (programme: Programme): Wave[] => repos.waves.listByProgramme(programme.id),

    table(request: ExportRequest): ExportTable {
      switch (request.kind) {
        case 'answers':
          return { columns: ANSWER_COLUMNS, rows: repos.exports.answerRows(request.wave.id, request.includePartial) }
        case 'responses': {
          const layout = responseLayout(answeredDefinitions(request.wave, request.includePartial), catalogue.list())
          return { columns: layout.columns, rows: responseRows(repos.exports.responseAnswerRows(request.wave.id, request.includePartial), layout) }
        }
        case 'codebook':
          return { columns: CODEBOOK_COLUMNS, rows: codebookRows(catalogue.list()) }
        case 'scores': {
          const scores = scoring.scoreWave(programmeOf(request.wave), request.wave, request.weighting)
          return { columns: SCORE_COLUMNS, rows: scores.flatMap((s) => s.practices).map(scoreRow) }
        }
        case 'scale-stats': {
          const scores = scoring.scoreWave(programmeOf(request.wave), request.wave, request.weighting)
          return { columns: SCALE_STATS_COLUMNS, rows: scores.flatMap((s) => s.scaleStats).map(scaleStatsRow) }
        }
        case 'change':
          return { columns: CHANGE_COLUMNS, rows: scoring.compare(programmeOf(request.to), request.from, request.to, request.weighting).map(changeRow) }
      }
    },

    /** The R script for a programme's exports, with file names pointing at `wave` (and `from` for the change file). */
    rScript(programme: Programme, waves: { wave: string; from: string }): string {
      return rScript({
        programme,
        wave: waves.wave,
        fromWave: waves.from,
        questionnaires: catalogue.list(),
        generatedOn: clock.now().toISOString().slice(0, 10),
      })
    },
  }
}
export type ExportService = ReturnType<typeof createExportService>
