// The CSV exports by name, and the file names they are downloaded under.

export const EXPORT_KINDS = ['answers', 'responses', 'codebook', 'scores', 'scale-stats', 'change', 'actions'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

export const isExportKind = (value: string): value is ExportKind => (EXPORT_KINDS as readonly string[]).includes(value)

/** `north-baseline-answers.csv`, `north-baseline-to-six-months-change.csv`, `north-codebook.csv`, `north-actions.csv`, `north-linkscore.R`. */
export function exportFileName(programmeSlug: string, kind: ExportKind | 'r-script', { wave = '', from = '' }: { wave?: string; from?: string }): string {
  switch (kind) {
    case 'codebook':
      return `${programmeSlug}-codebook.csv`
    case 'actions':
      return `${programmeSlug}-actions.csv`
    case 'r-script':
      return `${programmeSlug}-linkscore.R`
    case 'change':
      return `${programmeSlug}-${from}-to-${wave}-change.csv`
    default:
      return `${programmeSlug}-${wave}-${kind}.csv`
  }
}
