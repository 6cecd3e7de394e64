// Every export as columns and rows, one implementation for the command line and the web.
import type { Clock } from '../clock.js'
import type { Repositories } from '../data/repository-interfaces.js'
import type { Programme } from '../domain/programme.js'
import type { Wave } from '../domain/wave.js'
import { translator } from '../i18n/translate.js'
import { ACTION_COLUMNS, actionRow } from '../exports/action-rows.js'
import { ANSWER_COLUMNS, answerLines } from '../exports/answer-lines.js'
import { CODEBOOK_COLUMNS, codebookRows } from '../exports/codebook-rows.js'
import type { CsvTable } from '../exports/csv.js'
import { exportFileName, type ExportKind } from '../exports/export-kinds.js'
import { CHANGE_CONTEXT_COLUMNS, PRACTICE_CONTEXT_COLUMNS, practiceContext, withPracticeContext, type PracticeContext } from '../exports/practice-context.js'
import { ITEM_STATS_COLUMNS, itemStatsRows } from '../exports/item-stats-rows.js'
import { rScript } from '../exports/r-script.js'
import { responseLayout, responseRows } from '../exports/response-rows.js'
import { CHANGE_COLUMNS, changeRow, SCALE_STATS_COLUMNS, scaleStatsRow, SCORE_COLUMNS, scoreRow } from '../exports/score-rows.js'
import { spssSyntax } from '../exports/spss-syntax.js'
import { stataSyntax } from '../exports/stata-syntax.js'
import { syntaxColumns } from '../exports/syntax-columns.js'
import { syntaxLabels } from '../exports/syntax-labels.js'
import { questionnaireSchema, type Questionnaire, type Setting } from '../questionnaires/definition-schema.js'
import type { QuestionnaireCatalogue } from './questionnaire-catalogue.js'
import type { ScoringService, Weighting } from './scoring-service.js'
import type { ChangeRow } from '../scoring/index.js'
import type { WaveScoresInTurn } from '../scoring/score-wave.js'

/** The answers and responses files hold one wave, or every wave of the programme (`all`), in the programme's order. */
export type ExportRequest =
  | { kind: Extract<ExportKind, 'answers' | 'responses'>; waves: readonly Wave[]; includePartial: boolean }
  | { kind: Extract<ExportKind, 'scores' | 'scale-stats'>; wave: Wave; weighting: Weighting }
  | { kind: 'change'; from: Wave; to: Wave; weighting: Weighting }
  | { kind: 'item-stats'; wave: Wave; setting?: Setting }
  | { kind: 'codebook' }
  | { kind: 'actions'; programme: Programme }

/** The syntax files beside the R script, each reading the responses file of `waves` (one wave, or all). */
export type SyntaxFormat = 'spss' | 'stata'

/**
 * An export ready to write. The answers and responses rows are read from the database as they are written, in constant
 * memory; the score exports are computed first (scoring needs the whole wave) and then written.
 */
export type ExportTable = CsvTable

/** Each item's rows, made one at a time by `row`, as the items come. */
async function* mapped<T, R, O>(items: Iterable<T> | AsyncIterable<T>, rowsOf: (item: T) => Iterable<R>, row: (r: R) => O): AsyncGenerator<O> {
  for await (const item of items) for (const r of rowsOf(item)) yield row(r)
}

/**
 * Where the score exports' scores come from: those the app keeps (its scorecards share them), or read practice by
 * practice and kept nowhere, for a command that runs once (the command line), which then holds one questionnaire's
 * rows and one practice's respondents at a time rather than the whole wave's respondents.
 */
export type ExportScores = 'kept' | 'practice by practice'

/** The waves one after another, each read in a snapshot of its own: a response belongs to one wave, so none is split. */
function wavesInTurn<R>(waves: readonly Wave[], rowsOf: (wave: Wave) => AsyncIterable<R>): AsyncIterable<R> {
  // One wave is its own rows: a generator around them would cost each row another turn.
  if (waves.length === 1) return rowsOf(waves[0]!)
  return (async function* () {
    for (const wave of waves) yield* rowsOf(wave)
  })()
}

export function createExportService(
  repos: Pick<Repositories, 'programmes' | 'practices' | 'waves' | 'exports' | 'actions'>,
  catalogue: QuestionnaireCatalogue,
  scoring: ScoringService,
  clock: Clock,
  exportScores: ExportScores = 'kept',
) {
  const programmeOf = async (wave: Wave): Promise<Programme> => (await repos.programmes.findById(wave.programmeId))!

  async function contextOf(programmeId: number): Promise<PracticeContext> {
    const [practices, waves, stages] = await Promise.all([
      repos.practices.listByProgramme(programmeId),
      repos.waves.listByProgramme(programmeId),
      repos.practices.stages(programmeId),
    ])
    return practiceContext({ practices, waves, stages })
  }

  /** Each questionnaire of the waves with the definitions their answers were given to, the current one first. */
  async function answeredDefinitions(waves: readonly Wave[], includePartial: boolean): Promise<{ id: string; versions: Questionnaire[] }[]> {
    const definitions: { id: string; versions: Questionnaire[] }[] = []
    for (const id of [...new Set(waves.flatMap((w) => w.questionnaireIds))]) {
      const current = catalogue.get(id)
      const older: Questionnaire[] = []
      for (const { version, definitionJson } of await repos.exports.olderVersions(id, current.version)) {
        let answered = false
        for (const wave of waves) answered ||= await repos.exports.waveHasAnswersTo(wave.id, id, version, includePartial)
        if (answered) older.push(questionnaireSchema.parse(JSON.parse(definitionJson)))
      }
      definitions.push({ id, versions: [current, ...older] })
    }
    return definitions
  }

  /** The wave's scores a questionnaire at a time (see ExportScores). */
  async function scoresOf(request: { wave: Wave; weighting: Weighting }): Promise<Iterable<WaveScoresInTurn> | AsyncIterable<WaveScoresInTurn>> {
    const programme = await programmeOf(request.wave)
    if (exportScores === 'kept') return scoring.scoreWave(programme, request.wave, request.weighting)
    return scoring.scoresInTurn(programme, request.wave, request.weighting)
  }

  /** The change between two waves a questionnaire at a time (see ExportScores). */
  async function changeOf(request: { from: Wave; to: Wave; weighting: Weighting }): Promise<Iterable<ChangeRow[]> | AsyncIterable<ChangeRow[]>> {
    const programme = await programmeOf(request.to)
    if (exportScores === 'kept') return [await scoring.compare(programme, request.from, request.to, request.weighting)]
    return scoring.changeInTurn(programme, request.from, request.to, request.weighting)
  }

  return {
    /** The waves of a programme, earliest first. */
    waves: (programme: Programme): Promise<Wave[]> => repos.waves.listByProgramme(programme.id),

    async table(request: ExportRequest): Promise<ExportTable> {
      switch (request.kind) {
        case 'answers': {
          const context = await contextOf(request.waves[0]!.programmeId)
          const batches = wavesInTurn(request.waves, (w) => repos.exports.answerBatches(w.id, request.includePartial))
          return { columns: ANSWER_COLUMNS, lines: answerLines(batches, context) }
        }
        case 'responses': {
          const context = await contextOf(request.waves[0]!.programmeId)
          const layout = responseLayout(await answeredDefinitions(request.waves, request.includePartial), catalogue.list())
          const rows = wavesInTurn(request.waves, (w) => responseRows(repos.exports.responseAnswerRows(w.id, request.includePartial), layout))
          return { columns: layout.columns, rows: withPracticeContext(rows as AsyncIterable<{ practice_code: unknown; wave: unknown }>, context) }
        }
        case 'codebook':
          return { columns: CODEBOOK_COLUMNS, rows: codebookRows(catalogue.list()) }
        case 'actions': {
          const context = await contextOf(request.programme.id)
          return {
            columns: [...ACTION_COLUMNS, ...PRACTICE_CONTEXT_COLUMNS],
            rows: withPracticeContext((await repos.actions.listByProgramme(request.programme.id)).map(actionRow), context),
          }
        }
        case 'scores': {
          const scores = await scoresOf(request)
          const context = await contextOf(request.wave.programmeId)
          return {
            columns: [...SCORE_COLUMNS, ...PRACTICE_CONTEXT_COLUMNS],
            // Made row by row as they are written: 43,000 rows at 1,000 practices were held twice over as arrays.
            rows: withPracticeContext(
              mapped(scores, (s) => s.practices, scoreRow),
              context,
            ),
          }
        }
        case 'scale-stats':
          return { columns: SCALE_STATS_COLUMNS, rows: mapped(await scoresOf(request), (s) => s.scaleStats, scaleStatsRow) }
        case 'item-stats': {
          const quality = await scoring.itemAnalysis(request.wave, request.setting)
          return { columns: ITEM_STATS_COLUMNS, rows: itemStatsRows(request.wave.slug, request.setting ?? 'all', quality) }
        }
        case 'change': {
          const changes = await changeOf(request)
          const context = await contextOf(request.to.programmeId)
          return {
            columns: [...CHANGE_COLUMNS, ...CHANGE_CONTEXT_COLUMNS],
            rows: mapped(
              changes,
              (rows) => rows,
              (change) => {
                const row = changeRow(change)
                const [code, from, to] = [change.practiceCode, change.fromWave, change.toWave]
                const { practice_stage: _stage, ...practice } = context.at(code, to)
                return Object.assign(row, practice, { practice_stage_from: context.stage(code, from), practice_stage_to: context.stage(code, to) })
              },
            ),
          }
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

    /**
     * SPSS or Stata syntax reading the responses file of `waves` (one, or all of the programme's under `fileWave`), with
     * labels in the programme's default language. Its columns are the file's, so it is made the way the file is.
     */
    async syntax(format: SyntaxFormat, programme: Programme, choice: { waves: readonly Wave[]; fileWave: string; includePartial: boolean }): Promise<string> {
      const language = programme.languages[0]!
      const definitions = await answeredDefinitions(choice.waves, choice.includePartial)
      const columns = syntaxColumns({
        layout: responseLayout(definitions, catalogue.list()),
        definitions,
        localised: (id) => catalogue.find(id, language),
        intervention: programme.intervention,
        labels: syntaxLabels(translator(language), await repos.waves.listByProgramme(programme.id), programme.intervention),
      })
      const write = format === 'spss' ? spssSyntax : stataSyntax
      return write({
        programmeName: programme.name,
        fileName: exportFileName(programme.slug, 'responses', { wave: choice.fileWave }),
        columns,
        definitions: definitions.map(({ id, versions }) => `${id} version ${versions.map((v) => v.version).join(' and ')}`).join(', '),
        generatedOn: clock.now().toISOString().slice(0, 10),
      })
    },
  }
}
export type ExportService = ReturnType<typeof createExportService>
