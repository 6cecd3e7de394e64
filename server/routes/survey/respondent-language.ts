// The language a respondent reads: chosen on the start page among the programme's languages, then kept by the response.
import type { Request, Response } from 'express'
import { languageFor, type Programme } from '../../domain/programme.js'
import { isLanguage, LANGUAGE_NAMES, type Language } from '../../i18n/languages.js'
import { browserLanguage, useLanguage } from '../../middleware/choose-language.js'

/** `?lang=` when the programme offers it, else the best of the programme's languages for the browser, else its default. */
export function startLanguage(req: Request, programme: Pick<Programme, 'languages'>): Language {
  const asked = isLanguage(req.query.lang) ? req.query.lang : undefined
  return languageFor(programme, asked, browserLanguage(req, programme.languages))
}

/** This page speaks `language` whatever the header's choice or the browser says, and the header offers no other. */
export function speak(res: Response, language: Language): void {
  useLanguage(res, language)
  res.locals.languageChoice = false
}

/** The query that keeps a page's language on the next one: only for programmes that offer a choice. */
export function languageQuery(programme: Pick<Programme, 'languages'>, language: Language): { lang?: string } {
  return programme.languages.length > 1 ? { lang: language } : {}
}

export interface LanguageLink {
  language: Language
  /** The language's name in itself ("Nederlands"), so people find their own. */
  name: string
  href: string
}

/** The programme's other languages, as links that show this page in each. */
export function otherLanguageLinks(programme: Pick<Programme, 'languages'>, language: Language): LanguageLink[] {
  return programme.languages.filter((l) => l !== language).map((l) => ({ language: l, name: LANGUAGE_NAMES[l], href: `?lang=${encodeURIComponent(l)}` }))
}
