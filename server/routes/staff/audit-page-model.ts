// The audit log page: one row per entry, newest first, with links to the pages either side.
import type { AuditEntry } from '../../domain/audit-entry.js'

const WHEN = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/London' })

/** A detail's key as people read it: `failuresInARow` → `failures in a row`. */
export const keyInWords = (key: string) => key.replace(/(?<=[a-z0-9])([A-Z])|(?<=[A-Z])([A-Z])(?=[a-z])/g, ' $1$2').toLowerCase()

/**
 * One line per detail, its key in words: `{"reason":"wrong password","failuresInARow":3}` → `reason: wrong password`,
 * `failures in a row: 3`. A list's items are joined by semicolons, since a changed value may itself hold a comma.
 */
export function describeDetail(detail: string | null): string[] {
  if (!detail) return []
  const parsed = JSON.parse(detail) as Record<string, unknown>
  return Object.entries(parsed).map(([key, value]) => `${keyInWords(key)}: ${Array.isArray(value) ? value.join('; ') : String(value)}`)
}

export function auditPageModel({ entries, page, pageCount, total }: { entries: AuditEntry[]; page: number; pageCount: number; total: number }) {
  const pageHref = (n: number) => (n === 1 ? '/audit' : `/audit?page=${n}`)
  return {
    title: pageCount > 1 ? `Audit log (page ${page} of ${pageCount})` : 'Audit log',
    wide: true,
    total,
    rows: entries.map((e) => ({
      at: e.at,
      when: WHEN.format(new Date(e.at)),
      who: !e.actorEmail ? e.source : e.source === 'web' ? e.actorEmail : `${e.actorEmail} (${e.source})`,
      action: e.action,
      details: describeDetail(e.detail),
    })),
    previous: page > 1 ? { href: pageHref(page - 1), label: `Page ${page - 1} of ${pageCount}` } : undefined,
    next: page < pageCount ? { href: pageHref(page + 1), label: `Page ${page + 1} of ${pageCount}` } : undefined,
  }
}
