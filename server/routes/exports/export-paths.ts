// Addresses of the exports page and its downloads.
import type { ExportKind } from '../../exports/export-kinds.js'

export const exportsPath = (programmeSlug: string) => `/programmes/${encodeURIComponent(programmeSlug)}/exports`

const withQuery = (path: string, query: Record<string, string | undefined>) => {
  const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString()
  return search ? `${path}?${search}` : path
}

/** `/programmes/north/exports/answers.csv?wave=baseline`; parameters left undefined are left out. */
export const downloadPath = (programmeSlug: string, kind: ExportKind, query: Record<string, string | undefined> = {}) =>
  withQuery(`${exportsPath(programmeSlug)}/${kind}.csv`, query)

export const rScriptPath = (programmeSlug: string, query: Record<string, string | undefined> = {}) =>
  withQuery(`${exportsPath(programmeSlug)}/linkscore.R`, query)
