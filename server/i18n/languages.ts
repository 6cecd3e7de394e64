// The languages Linkscore speaks. A tag here is also the name of a folder of messages/ and of questionnaire overlays.
export const LANGUAGES = ['en-GB', 'nl'] as const
export type Language = (typeof LANGUAGES)[number]
export const SOURCE_LANGUAGE: Language = 'en-GB'

/** Each language's name in itself, as a choice of language is offered: people look for their own language's name. */
export const LANGUAGE_NAMES: Record<Language, string> = { 'en-GB': 'English', nl: 'Nederlands' }

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** A tag as people or browsers may write it ("nl-NL", "en", "EN-gb") as one of ours, or undefined. */
export function languageFromTag(tag: unknown): Language | undefined {
  if (typeof tag !== 'string') return undefined
  const lower = tag.trim().toLowerCase()
  if (lower === 'en' || lower.startsWith('en-')) return 'en-GB'
  if (lower === 'nl' || lower.startsWith('nl-')) return 'nl'
  return undefined
}
