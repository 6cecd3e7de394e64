// The whole comparison as CSV: every practice the filters keep, in the page's order, with the page's figures (scores
// rounded as shown, withheld ones empty), one row a practice. Column names are snake_case, as in every export.
import { IMPLEMENTATION_STAGES } from '../../domain/practice.js'
import type { ComparisonTable, Column, PracticeRow } from './compare-rows.js'
import { chartScore } from './display-numbers.js'

type CsvCell = string | number | null

const snake = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '_')

function columnName(column: Column, sinceSlugs: readonly string[]): string {
  const questionnaire = snake(column.questionnaire)
  if (column.change !== undefined) return `${questionnaire}_change_since_${snake(sinceSlugs[column.change]!)}`
  return column.scale === null ? `${questionnaire}_overall` : `${questionnaire}_${snake(column.scale)}`
}

export interface ComparisonCsv {
  columns: string[]
  rows: Record<string, CsvCell>[]
}

/** `sinceSlugs`: the slug of the wave each change column is since, as in ComparisonData.changes. */
export function comparisonCsv(table: ComparisonTable, sinceSlugs: readonly string[]): ComparisonCsv {
  const scoreColumns = table.columns.flatMap((column) => {
    const name = columnName(column, sinceSlugs)
    return column.change === undefined ? [name, `${name}_band`] : [name, `${name}_significance`]
  })
  const columns = ['practice_code', 'practice_name', 'responses', 'response_rate_percent', 'practice_stage', ...scoreColumns]
  const row = (r: PracticeRow): Record<string, CsvCell> => {
    const cells = r.cells.flatMap((cell, i) => {
      const shown = cell.value === null ? null : chartScore(cell.value)
      return table.columns[i]!.change === undefined ? [shown, cell.band?.text ?? null] : [shown, shown === null ? null : cell.flag || null]
    })
    const { responses, rate, stage } = r.factValues
    const values: CsvCell[] = [
      r.code,
      r.name,
      responses,
      rate === null ? null : chartScore(rate * 100),
      stage === null ? null : IMPLEMENTATION_STAGES[stage]!,
      ...cells,
    ]
    return Object.fromEntries(columns.map((c, i) => [c, values[i]!]))
  }
  return { columns, rows: table.rows.map(row) }
}
