// The answers export's CSV lines, a chunk per batch of answers. A response's own cells and its practice's context are
// the same on each of its fifty-odd lines, so they are written once per response: writing every cell of every line was
// most of the export's time.
import type { AnswerExportResponse } from '../data/repository-interfaces.js'
import { CHUNK_CHARACTERS, csvCell, csvLine } from './csv.js'
import { PRACTICE_CONTEXT_COLUMNS, type PracticeContext } from './practice-context.js'

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
  ...PRACTICE_CONTEXT_COLUMNS,
] as const

const cells = (columns: readonly string[], row: object) => csvLine(columns, row).slice(0, -1)

interface SharedCells {
  first: string
  middle: string
  last: string
}

/** The cells a response's lines share, written once: before, between and after each answer's own. */
function sharedCells(response: AnswerExportResponse, context: PracticeContext): SharedCells {
  return {
    first: cells(['response_id', 'practice_code', 'wave'], response),
    middle: cells(['role', 'setting'], response),
    last: cells(['excluded', 'language', ...PRACTICE_CONTEXT_COLUMNS], { ...response, ...context.at(response.practice_code, response.wave) }),
  }
}

/**
 * The lines in chunks of about CHUNK_CHARACTERS, as writeTable's rows are: a client that stops reading stops the
 * reading of the database after a chunk or two, whatever the size of a batch's answers.
 */
export async function* answerLines(batches: AsyncIterable<AnswerExportResponse[]>, context: PracticeContext): AsyncGenerator<string> {
  let chunk = ''
  for await (const responses of batches) {
    for (const response of responses) {
      const { first, middle, last } = sharedCells(response, context)
      for (const [, questionnaire, version, item, value] of response.answers) {
        chunk += `${first},${csvCell(questionnaire)},${version},${middle},${csvCell(item)},${csvCell(value)},${last}\n`
        if (chunk.length < CHUNK_CHARACTERS) continue
        yield chunk
        chunk = ''
      }
    }
  }
  if (chunk) yield chunk
}
