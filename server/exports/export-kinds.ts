// The CSV exports by name, and the file names they are downloaded under.

export const EXPORT_KINDS = ['answers', 'responses', 'codebook', 'scores', 'scale-stats', 'item-stats', 'change', 'actions'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

export const isExportKind = (value: string): value is ExportKind => (EXPORT_KINDS as readonly string[]).includes(value)

/** The part of a file name that stands for the wave when a file holds every wave: `north-all-waves-answers.csv`. */
export const ALL_WAVES_FILE_PART = 'all-waves'

/**
 * `north-baseline-answers.csv`, `north-baseline-to-six-months-change.csv`, `north-codebook.csv`, `north-actions.csv`,
 * `north-linkscore.R`; the syntax files are named after the responses file they read: `north-baseline-responses.sps`.
 */
export function exportFileName(
  programmeSlug: string,
  kind: ExportKind | 'r-script' | 'spss' | 'stata',
  { wave = '', from = '', setting }: { wave?: string; from?: string; setting?: string },
): string {
  switch (kind) {
    case 'spss':
      return `${programmeSlug}-${wave}-responses.sps`
    case 'stata':
      return `${programmeSlug}-${wave}-responses.do`
    case 'codebook':
      return `${programmeSlug}-codebook.csv`
    case 'actions':
      return `${programmeSlug}-actions.csv`
    case 'r-script':
      return `${programmeSlug}-linkscore.R`
    case 'change':
      return `${programmeSlug}-${from}-to-${wave}-change.csv`
    case 'item-stats':
      return `${programmeSlug}-${wave}-item-stats${setting ? `-${setting}` : ''}.csv`
    default:
      return `${programmeSlug}-${wave}-${kind}.csv`
  }
}
