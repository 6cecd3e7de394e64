// The pages that import practices from a CSV file: choosing the file, and the preview that says row by row what will
// happen before anything is saved.
import type { Programme } from '../../domain/programme.js'
import type { Formats } from '../../i18n/format.js'
import type { Translate } from '../../i18n/translate.js'
import { CSV_COLUMNS, importNoteText, type ImportOutcome, type ImportPlan } from '../../services/practice-import.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { formErrors } from '../form-errors.js'
import { confirmImportPath, importPracticesPath, importTemplatePath, practicesPath } from '../paths.js'

export function importFormPageModel(programme: Programme, t: Translate, issues: readonly FieldIssue[] = []) {
  return {
    title: t('study:practices.import.title'),
    caption: programme.name,
    action: importPracticesPath(programme.slug),
    templateHref: importTemplatePath(programme.slug),
    backHref: practicesPath(programme.slug),
    columns: CSV_COLUMNS,
    ...formErrors(issues, { t }),
  }
}

const COLOUR: Record<ImportOutcome, string> = { add: 'green', change: 'blue', unchanged: 'grey', refused: 'red' }
/** The row's class names its outcome in English, as scripts and tests find it: ls-import-no-change. */
const CLASS: Record<ImportOutcome, string> = { add: 'add', change: 'change', unchanged: 'no-change', refused: 'refused' }

/** `file` is the checked file as the confirm form carries it back (base64), with the plan's id. */
export function importPreviewPageModel(
  programme: Programme,
  plan: ImportPlan,
  file: { name: string; base64: string },
  { t, format }: { t: Translate; format: Formats },
  warning?: string,
) {
  const { add, change, refused, unchanged } = plan.counts
  const writes = add + change
  return {
    title: t('study:practices.preview.title'),
    caption: t('study:practices.preview.caption', { programme: programme.name, file: file.name }),
    wide: true,
    warning,
    summary: [
      t('study:practices.preview.added', { count: add }),
      t('study:practices.preview.changed', { count: change }),
      t('study:practices.preview.unchanged', { count: unchanged }),
      t('study:practices.preview.refused', { count: refused }),
    ],
    rows: plan.rows.map((r) => ({
      line: r.line,
      code: r.code,
      name: r.name,
      outcome: { text: t(`study:practices.preview.outcome.${r.outcome}`), colour: COLOUR[r.outcome], class: CLASS[r.outcome] },
      words: r.notes.map((n) => importNoteText(n, t, format)),
    })),
    canConfirm: writes > 0,
    confirmText: t('study:practices.preview.confirm', { count: writes }),
    action: confirmImportPath(programme.slug),
    planId: plan.id,
    file,
    againHref: importPracticesPath(programme.slug),
    backHref: practicesPath(programme.slug),
  }
}
