// Times as staff read and type them: UK time (GMT or BST), while the database keeps UTC.
import { formats } from '../i18n/format.js'

const ZONE = 'Europe/London'

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

/** The UK wall-clock reading of an instant, as the numbers of a UTC date. */
function ukWallClock(ms: number): number {
  const p = Object.fromEntries(PARTS.formatToParts(new Date(ms)).map((part) => [part.type, part.value]))
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second))
}

/**
 * The instant at which UK clocks read the given wall-clock time (its numbers given as a UTC date). In the hour the
 * clocks go back it is the second of the two (GMT); in the hour they skip, an hour later, as the clocks then read.
 */
export function fromUkWallClock(wallClockMs: number): number {
  const first = wallClockMs - (ukWallClock(wallClockMs) - wallClockMs)
  return wallClockMs - (ukWallClock(first) - first)
}

/** An instant as a date-and-time field shows it in UK time: 2026-07-01T10:00. */
export const ukDateTimeFieldValue = (iso: string) => new Date(ukWallClock(Date.parse(iso))).toISOString().slice(0, 16)

/** An instant in English words, in UK time: "1 July 2026 at 10:00". Pages use their own `format.dateTime`, which speaks their language. */
export const ukDateTimeText = (iso: string) => formats('en-GB').dateTime(iso)
