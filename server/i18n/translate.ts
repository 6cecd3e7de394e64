// Messages in a language: `translator(language)` gives the t() every page, page model and e-mail uses.
import i18next, { type ParseKeys, type TFunction } from 'i18next'
import { LANGUAGES, SOURCE_LANGUAGE, type Language } from './languages.js'
import { NAMESPACES, resources, type Namespace } from './resources.js'

/** t(key, values): a message with its {{values}} filled in, plural forms chosen by `count`. */
export type Translate = TFunction<Namespace[]>

const instance = i18next.createInstance()
// Synchronous: the catalogues are imported, so no back end is read and t() works as soon as this module has loaded.
void instance.init({
  initAsync: false,
  resources,
  supportedLngs: LANGUAGES,
  fallbackLng: SOURCE_LANGUAGE,
  load: 'currentOnly',
  ns: NAMESPACES,
  defaultNS: 'common',
  nsSeparator: ':',
  keySeparator: '.',
  // EJS escapes what <%= %> prints; tHtml escapes the values it puts into a message that holds markup.
  interpolation: { escapeValue: false },
  returnNull: false,
})
instance.services.formatter!.add('sentenceStart', (value: unknown, language?: string) => sentenceStart(String(value), language))

/**
 * A value that begins a sentence, with its first letter capitalised: who runs a study is written to read mid-sentence
 * ("run by the University of Leeds"), and some messages start with it. Markup tHtml put around it (a span marking its
 * language) is stepped over; a value that starts with anything but a lower-case letter ('s-Hertogenbosch) is kept.
 */
export function sentenceStart(text: string, language: string = SOURCE_LANGUAGE): string {
  return text.replace(/^((?:<[^>]*>)*)(\p{Ll})/u, (_, markup: string, letter: string) => markup + letter.toLocaleUpperCase(language))
}

const byLanguage = new Map<Language, Translate>(LANGUAGES.map((language) => [language, remembered(instance.getFixedT<Namespace[]>(language, NAMESPACES))]))

/** Past this many different messages in one language, t() still answers but remembers no more. */
const REMEMBERED_PER_LANGUAGE = 20_000

/**
 * t() that remembers what it answered: the catalogues never change while the server runs, and a section page asks
 * for the same few hundred messages (answer labels, hints) on every request, which i18next looks up afresh each time.
 * Only a message whose values are all strings, numbers or booleans is remembered, under its key and values.
 */
function remembered(t: Translate): Translate {
  const answers = new Map<string, unknown>()
  const lookUp = t as unknown as (key: unknown, values?: unknown, ...rest: unknown[]) => unknown
  const memo = (key: unknown, values?: unknown, ...rest: unknown[]): unknown => {
    const name = typeof key === 'string' && rest.length === 0 ? memoKey(key, values) : undefined
    if (name === undefined) return lookUp(key, values, ...rest)
    if (answers.has(name)) return answers.get(name)
    const answer = lookUp(key, values)
    if (answers.size < REMEMBERED_PER_LANGUAGE) answers.set(name, answer)
    return answer
  }
  return Object.assign(memo, t) as unknown as Translate
}

function memoKey(key: string, values: unknown): string | undefined {
  if (values === undefined) return key
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return undefined
  const primitive = Object.values(values).every((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
  return primitive ? `${key}\u0000${JSON.stringify(values)}` : undefined
}

export function translator(language: Language): Translate {
  return byLanguage.get(language)!
}

/** The source language's messages, for the command line, logs and errors' own `message`. */
export const english: Translate = translator(SOURCE_LANGUAGE)

/** A message not yet put into words: services and errors carry these, so each reader sees it in their language. */
export interface Message {
  key: MessageKey
  values?: Record<string, unknown>
}
export type MessageKey = ParseKeys<Namespace[]>

export function say(t: Translate, message: Message): string {
  return (t as unknown as (key: string, values?: Record<string, unknown>) => string)(message.key, message.values)
}

/** True when the text is the key of a message (as a zod rule's message is when a form's field may fail it). */
export function isMessageKey(text: string): text is MessageKey {
  return text.includes(':') && instance.exists(text, { lng: SOURCE_LANGUAGE })
}

/** Markup made here, not typed by anyone: tHtml puts it into a message as it is. */
export class Html {
  constructor(readonly html: string) {}
}

/** Escapes the values, not the message: for the few messages that hold markup, printed with <%- %>. */
export function translateHtml(t: Translate): (key: MessageKey, values?: Record<string, unknown>) => string {
  return (key, values = {}) => say(t, { key, values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, htmlValue(v)])) })
}

function htmlValue(value: unknown): string | number {
  if (typeof value === 'number') return value
  return value instanceof Html ? value.html : escapeHtml(String(value))
}

/**
 * Text written in `written` (a programme's own texts, in its default language), for a page in `page`: marked with
 * its language when the two differ, so that a screen reader speaks it as written.
 */
export function inLanguage(page: Language, text: string, written: Language): string | Html {
  return written === page ? text : new Html(`<span lang="${written}">${escapeHtml(text)}</span>`)
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
