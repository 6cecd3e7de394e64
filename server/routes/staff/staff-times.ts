// Times on the staff pages in UK time, written the page's language's way: the sessions page's short form
// ("1 Jun 2026, 10:00"), the audit log's with seconds, and a time of day alone.
import type { Formats } from '../../i18n/format.js'
import type { Language } from '../../i18n/languages.js'

const STYLES = {
  short: { dateStyle: 'medium', timeStyle: 'short' },
  seconds: { dateStyle: 'medium', timeStyle: 'medium' },
  clock: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>
type Style = keyof typeof STYLES

const cache = new Map<`${Language} ${Style}`, Intl.DateTimeFormat>()

function formatter(language: Language, style: Style): Intl.DateTimeFormat {
  let found = cache.get(`${language} ${style}`)
  if (!found) cache.set(`${language} ${style}`, (found = new Intl.DateTimeFormat(language, { ...STYLES[style], timeZone: 'Europe/London' })))
  return found
}

/** An instant (ms since the epoch or ISO) in the given style, in UK time. */
export function ukTime(format: Pick<Formats, 'language'>, at: number | string, style: Style): string {
  return formatter(format.language, style).format(new Date(at))
}
