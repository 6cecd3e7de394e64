// The answers export's CSV lines, a chunk per batch of answers. A response's own cells and its practice's context are
// the same on each of its fifty-odd lines, so they are written once per response: writing every cell of every line was
// most of the export's time.
import type { AnswerExportResponse } from '../data/repository-interfaces.js'
import { csvCell, csvLine } from './csv.js'
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

/** A batch of responses' lines: the cells a response's lines share are written once, before, between and after the answer's own. */
function linesOf(responses: readonly AnswerExportResponse[], context: PracticeContext): string {
  let chunk = ''
  for (const response of responses) {
    const first = cells(['response_id', 'practice_code', 'wave'], response)
    const middle = cells(['role', 'setting'], response)
    const last = cells(['excluded', 'language', ...PRACTICE_CONTEXT_COLUMNS], { ...response, ...context.at(response.practice_code, response.wave) })
    for (const [, questionnaire, version, item, value] of response.answers)
      chunk += `${first},${csvCell(questionnaire)},${version},${middle},${csvCell(item)},${csvCell(value)},${last}\n`
  }
  return chunk
}

export async function* answerLines(batches: AsyncIterable<AnswerExportResponse[]>, context: PracticeContext): AsyncGenerator<string> {
  for await (const responses of batches) {
    const chunk = linesOf(responses, context)
    if (chunk) yield chunk
  }
}
