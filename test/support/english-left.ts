// Finds English left on a page that should be in another language: text (and the attributes people hear or see) that
// reads as an English message of the catalogue, or that is the same on the English page where the page says words.
import * as cheerio from 'cheerio'
import { resources } from '../../server/i18n/resources.js'

const SPOKEN_ATTRIBUTES = ['title', 'aria-label', 'alt', 'placeholder']

interface Pattern {
  key: string
  english: RegExp
}

/** Each English message that differs from its Dutch, as a whole-text pattern whose {{values}} match anything. */
const ENTRIES = catalogueEntries()
/** Words the catalogues give alike in both languages ("Account", "Privacy", "Demo"): not English left when shared. */
const ALIKE = new Set(ENTRIES.filter(([, en, nl]) => en === nl).map(([, en]) => en))

const PATTERNS: Pattern[] = ENTRIES.flatMap(([key, en, nl]) =>
  en === nl || !/[A-Za-z]{3}/.test(en.replace(/\{\{[^}]+\}\}/g, '')) ? [] : [{ key, english: wholeText(en) }],
)

/**
 * Texts a page shows in its language: every text node and spoken attribute, trimmed, scripts and styles left out, and
 * text inside an element whose lang is another language.
 */
export function pageTexts(html: string): string[] {
  const $ = cheerio.load(html)
  // Codes (a column name, a command) are the same in every language.
  $('script, style, noscript, pre.ls-stack, code, kbd, samp').remove()
  const texts: string[] = []
  const pageLanguage = $('html').attr('lang')
  $('*').each((_, element) => {
    // Text marked as another language (a language's own name, an audit line kept as written) says what it is.
    if ($(element).closest('[lang]').attr('lang') !== pageLanguage) return
    for (const name of SPOKEN_ATTRIBUTES) {
      const value = $(element).attr(name)
      if (value?.trim()) texts.push(value.trim())
    }
    // The title is read in its parts ("Privacy – Linkscore"), below.
    if ('tagName' in element && element.tagName === 'title') return
    for (const child of $(element).contents().toArray()) {
      if (child.type === 'text') {
        const text = $(child).text().replace(/\s+/g, ' ').trim()
        if (text) texts.push(text)
      }
    }
  })
  texts.push(
    ...$('title')
      .text()
      .split(' – ')
      .map((t) => t.trim()),
  )
  return texts
}

export interface EnglishLeft {
  text: string
  /** The English message it reads as, or "same as the English page". */
  why: string
}

/**
 * English on a page meant to be in another language. `sameAsEnglishPage` is the English page's HTML for the same
 * state: any text the two share that `allowed` does not excuse (names, codes, numbers) is English left in a template.
 */
export function englishLeft(
  html: string,
  { sameAsEnglishPage, allowed = () => false }: { sameAsEnglishPage?: string; allowed?: (text: string) => boolean } = {},
): EnglishLeft[] {
  const found = new Map<string, EnglishLeft>()
  const texts = pageTexts(html)
  for (const text of texts) {
    if (allowed(text) || !/[A-Za-z]{2}/.test(text)) continue
    const pattern = PATTERNS.find((p) => p.english.test(text))
    if (pattern) found.set(text, { text, why: pattern.key })
  }
  if (sameAsEnglishPage) {
    const english = new Set(pageTexts(sameAsEnglishPage))
    for (const text of texts) {
      if (found.has(text) || allowed(text) || !english.has(text) || !/[A-Za-z]{3}/.test(text) || NEUTRAL.test(text) || ALIKE.has(text)) continue
      found.set(text, { text, why: 'same as the English page' })
    }
  }
  return [...found.values()]
}

/** Text the same in every language: numbers, dates in figures, codes, e-mail addresses, web addresses, the service's name. */
const NEUTRAL = /^(Linkscore|[\d\s.,:%–—+\-−/()·]+|[A-Z0-9-]{2,12}|\S+@\S+|https?:\/\/\S+|\/\S*)$/

function wholeText(message: string): RegExp {
  const parts = message.split(/\{\{[^}]+\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
  return new RegExp(`^${parts.join('.+?')}$`, 's')
}

function catalogueEntries(): [key: string, english: string, dutch: string][] {
  const out: [string, string, string][] = []
  const walk = (en: unknown, nl: unknown, path: string) => {
    if (typeof en === 'string') out.push([path, en.trim(), typeof nl === 'string' ? nl.trim() : ''])
    else if (en && typeof en === 'object')
      for (const [k, v] of Object.entries(en)) walk(v, (nl as Record<string, unknown> | undefined)?.[k], path ? `${path}.${k}` : k)
  }
  for (const [namespace, messages] of Object.entries(resources['en-GB'])) walk(messages, (resources.nl as Record<string, unknown>)[namespace], `${namespace}:`)
  return out.map(([path, en, nl]) => [path.replace(':.', ':'), en, nl])
}
