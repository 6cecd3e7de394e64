// Every export as columns and rows, one implementation for the command line and the web.
import type { Clock } from '../clock.js'
import type { Repositories } from '../data/repository-interfaces.js'
import type { Programme } from '../domain/programme.js'
import type { Wave } from '../domain/wave.js'
import { ACTION_COLUMNS, actionRow } from '../exports/action-rows.js'
import { CODEBOOK_COLUMNS, codebookRows } from '../exports/codebook-rows.js'
import type { ExportKind } from '../exports/export-kinds.js'
import { rScript } from '../exports/r-script.js'
import { responseLayout, responseRows } from '../exports/response-rows.js'
import { CHANGE_COLUMNS, changeRow, SCALE_STATS_COLUMNS, scaleStatsRow, SCORE_COLUMNS, scoreRow } from '../exports/score-rows.js'
import { questionnaireSchema, type Questionnaire } from '../questionnaires/definition-schema.js'
import type { QuestionnaireCatalogue } from './questionnaire-catalogue.js'
import type { ScoringService, Weighting } from './scoring-service.js'

export const ANSWER_COLUMNS = [
  'response_id',
  'practice_code',
  'wave',
  'questionnaire',
  'questionnaire_version',
  'role',
  'setting',
  'item',
  'value',
  'excluded',
  'language',
] as const

export type ExportRequest =
  | { kind: Extract<ExportKind, 'answers' | 'responses'>; wave: Wave; includePartial: boolean }
  | { kind: Extract<ExportKind, 'scores' | 'scale-stats'>; wave: Wave; weighting: Weighting }
  | { kind: 'change'; from: Wave; to: Wave; weighting: Weighting }
  | { kind: 'codebook' }
  | { kind: 'actions'; programme: Programme }

/**
 * An export ready to write. The answers and responses rows are read from the database as they are written, in constant
 * memory; the score exports are computed first (scoring needs the whole wave) and then written.
 */
export interface ExportTable {
  columns: readonly string[]
  rows: Iterable<object> | AsyncIterable<object>
}

export function createExportService(
  repos: Pick<Repositories, 'programmes' | 'waves' | 'exports' | 'actions'>,
  catalogue: QuestionnaireCatalogue,
  scoring: ScoringService,
  clock: Clock,
) {
  const programmeOf = async (wave: Wave): Promise<Programme> => (await repos.programmes.findById(wave.programmeId))!

  /** Each questionnaire of the wave with the definitions its answers were given to, the current one first. */
  async function answeredDefinitions(wave: Wave, includePartial: boolean): Promise<{ id: string; versions: Questionnaire[] }[]> {
    const definitions: { id: string; versions: Questionnaire[] }[] = []
    for (const id of wave.questionnaireIds) {
      const current = catalogue.get(id)
      const older: Questionnaire[] = []
      for (const { version, definitionJson } of await repos.exports.olderVersions(id, current.version))
        if (await repos.exports.waveHasAnswersTo(wave.id, id, version, includePartial)) older.push(questionnaireSchema.parse(JSON.parse(definitionJson)))
      definitions.push({ id, versions: [current, ...older] })
    }
    return definitions
  }

  return {
    /** The waves of a programme, earliest first. */
    waves: (programme: Programme): Promise<Wave[]> => repos.waves.listByProgramme(programme.id),

    async table(request: ExportRequest): Promise<ExportTable> {
      switch (request.kind) {
        case 'answers':
          return { columns: ANSWER_COLUMNS, rows: repos.exports.answerRows(request.wave.id, request.includePartial) }
        case 'responses': {
          const layout = responseLayout(await answeredDefinitions(request.wave, request.includePartial), catalogue.list())
          return { columns: layout.columns, rows: responseRows(repos.exports.responseAnswerRows(request.wave.id, request.includePartial), layout) }
        }
        case 'codebook':
          return { columns: CODEBOOK_COLUMNS, rows: codebookRows(catalogue.list()) }
        case 'actions':
          return { columns: ACTION_COLUMNS, rows: (await repos.actions.listByProgramme(request.programme.id)).map(actionRow) }
        case 'scores': {
          const scores = await scoring.scoreWave(await programmeOf(request.wave), request.wave, request.weighting)
          return { columns: SCORE_COLUMNS, rows: scores.flatMap((s) => s.practices).map(scoreRow) }
        }
        case 'scale-stats': {
          const scores = await scoring.scoreWave(await programmeOf(request.wave), request.wave, request.weighting)
          return { columns: SCALE_STATS_COLUMNS, rows: scores.flatMap((s) => s.scaleStats).map(scaleStatsRow) }
        }
        case 'change':
          return {
            columns: CHANGE_COLUMNS,
            rows: (await scoring.compare(await programmeOf(request.to), request.from, request.to, request.weighting)).map(changeRow),
          }
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
