// Numbers, percentages and dates as each language writes them ("1,234.5" and "1.234,5"; "1 July 2026" and "1 juli 2026").
import type { Language } from './languages.js'

export interface Formats {
  language: Language
  /** A number with the language's separators; `digits` fixes the decimals shown. */
  number(n: number, digits?: number): string
  /** A share (0.42) as a whole percentage by default ("42%", "42%"); `digits` adds decimals. */
  percent(share: number, digits?: number): string
  /** A calendar date (2026-07-01, or an instant) in words: "1 July 2026". */
  date(value: string | Date): string
  /** An instant in words, in UK time: "1 July 2026 at 10:00" / "1 juli 2026 om 10:00". */
  dateTime(value: string | Date): string
  /** A list joined the language's way: "a, b and c" / "a, b en c". */
  list(items: readonly string[]): string
  /** Names in the language's alphabetical order, numbers by their value: "Practice 2" before "Practice 10". */
  compareNames(a: string, b: string): number
}

const cache = new Map<Language, Formats>()

export function formats(language: Language): Formats {
  let found = cache.get(language)
  if (!found) cache.set(language, (found = build(language)))
  return found
}

function build(language: Language): Formats {
  const numbers = new Map<number | undefined, Intl.NumberFormat>()
  const numberFormat = (digits?: number) => {
    let f = numbers.get(digits)
    if (!f)
      numbers.set(digits, (f = new Intl.NumberFormat(language, digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits })))
    return f
  }
  const percents = new Map<number, Intl.NumberFormat>()
  const percentFormat = (digits: number) => {
    let f = percents.get(digits)
    if (!f) percents.set(digits, (f = new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits })))
    return f
  }
  // Calendar dates are stored as UTC midnight, so they are read in UTC; instants in the UK time staff work in.
  const date = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
  const dateTime = new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/London',
  })
  const list = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' })
  const names = new Intl.Collator(language, { numeric: true })
  return {
    language,
    number: (n, digits) => numberFormat(digits).format(n),
    percent: (share, digits = 0) => percentFormat(digits).format(share),
    date: (value) => date.format(typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value),
    dateTime: (value) => dateTime.format(typeof value === 'string' ? new Date(value) : value),
    list: (items) => list.format(items),
    compareNames: names.compare,
  }
}
