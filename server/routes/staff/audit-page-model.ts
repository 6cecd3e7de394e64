// The audit log page: one row per entry, newest first, with links to the pages either side.
import type { AuditEntry } from '../../domain/audit-entry.js'
import type { Formats } from '../../i18n/format.js'
import { SOURCE_LANGUAGE } from '../../i18n/languages.js'
import type { Translate } from '../../i18n/translate.js'
import { ukTime } from './staff-times.js'

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

/** The chrome in the page's language; each entry's who, what and details as stored (a record, written once, in English). */
export function auditPageModel(
  { entries, page, pageCount, total }: { entries: AuditEntry[]; page: number; pageCount: number; total: number },
  t: Translate,
  format: Formats,
) {
  const pageHref = (n: number) => (n === 1 ? '/audit' : `/audit?page=${n}`)
  const pageLink = (n: number) => ({ href: pageHref(n), label: t('staff:audit.page', { page: n, pages: pageCount }) })
  return {
    title: pageCount > 1 ? t('staff:audit.titlePaged', { page, pages: pageCount }) : t('staff:audit.title'),
    wide: true,
    intro: t('staff:audit.intro', { count: total }),
    storedLanguage: SOURCE_LANGUAGE,
    rows: entries.map((e) => ({
      at: e.at,
      when: ukTime(format, e.at, 'seconds'),
      who: !e.actorEmail ? e.source : e.source === 'web' ? e.actorEmail : `${e.actorEmail} (${e.source})`,
      action: e.action,
      details: describeDetail(e.detail),
    })),
    previous: page > 1 ? pageLink(page - 1) : undefined,
    next: page < pageCount ? pageLink(page + 1) : undefined,
  }
}
