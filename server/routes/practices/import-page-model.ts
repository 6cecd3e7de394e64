// The pages that import practices from a CSV file: choosing the file, and the preview that says row by row what will
// happen before anything is saved.
import type { Programme } from '../../domain/programme.js'
import { CSV_COLUMNS, type ImportOutcome, type ImportPlan } from '../../services/practice-import.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { formErrors } from '../form-errors.js'
import { confirmImportPath, importPracticesPath, importTemplatePath, practicesPath } from '../paths.js'
import { formatCount } from '../reports/display-numbers.js'

export function importFormPageModel(programme: Programme, issues: readonly FieldIssue[] = []) {
  return {
    title: 'Import practices from a CSV file',
    caption: programme.name,
    action: importPracticesPath(programme.slug),
    templateHref: importTemplatePath(programme.slug),
    backHref: practicesPath(programme.slug),
    columns: CSV_COLUMNS,
    ...formErrors(issues),
  }
}

const OUTCOME: Record<ImportOutcome, { text: string; colour: string }> = {
  add: { text: 'Add', colour: 'green' },
  change: { text: 'Change', colour: 'blue' },
  unchanged: { text: 'No change', colour: 'grey' },
  refused: { text: 'Refused', colour: 'red' },
}
const count = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`

/** `file` is the checked file as the confirm form carries it back (base64), with the plan's id. */
export function importPreviewPageModel(programme: Programme, plan: ImportPlan, file: { name: string; base64: string }, warning?: string) {
  const { add, change, refused, unchanged } = plan.counts
  const writes = add + change
  return {
    title: 'Check the practices to import',
    caption: `${programme.name}: ${file.name}`,
    wide: true,
    warning,
    summary: [
      count(add, 'practice will be added', 'practices will be added'),
      count(change, 'practice will be changed', 'practices will be changed'),
      count(unchanged, 'row changes nothing', 'rows change nothing'),
      count(refused, 'row is refused and will be left out', 'rows are refused and will be left out'),
    ],
    rows: plan.rows.map((r) => ({ line: r.line, code: r.code, name: r.name, outcome: OUTCOME[r.outcome], words: r.words })),
    canConfirm: writes > 0,
    confirmText: `Import ${count(writes, 'practice', 'practices')}`,
    action: confirmImportPath(programme.slug),
    planId: plan.id,
    file,
    againHref: importPracticesPath(programme.slug),
    backHref: practicesPath(programme.slug),
  }
}
