// The audit log page: one row per entry, newest first, with links to the pages either side.
import type { AuditEntry } from '../../domain/audit-entry.js'

const WHEN = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/London' })

/** `{"reason":"wrong password","failuresInARow":3}` → `reason: wrong password; failuresInARow: 3`. */
export function describeDetail(detail: string | null): string {
  if (!detail) return ''
  const parsed = JSON.parse(detail) as Record<string, unknown>
  return Object.entries(parsed)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('; ')
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
      detail: describeDetail(e.detail),
    })),
    previous: page > 1 ? { href: pageHref(page - 1), label: `Page ${page - 1} of ${pageCount}` } : undefined,
    next: page < pageCount ? { href: pageHref(page + 1), label: `Page ${page + 1} of ${pageCount}` } : undefined,
  }
}
