// Which language a page speaks: the visitor's remembered choice, else the best their browser asks for, else English.
// Pages of a response switch to the response's own language (useLanguage), whatever this chose.
import type { Request, RequestHandler, Response } from 'express'
import { formats } from '../i18n/format.js'
import { LANGUAGE_NAMES, LANGUAGES, SOURCE_LANGUAGE, isLanguage, type Language } from '../i18n/languages.js'
import { inLanguage, translateHtml, translator } from '../i18n/translate.js'

export const LANGUAGE_COOKIE = 'linkscore_language'

export function chooseLanguage(): RequestHandler {
  return (req, res, next) => {
    useLanguage(res, rememberedLanguage(req) ?? browserLanguage(req, LANGUAGES) ?? SOURCE_LANGUAGE)
    // Where the header's choice of language comes back to; never a survey link, whose token is a secret.
    res.locals.currentPath = req.method === 'GET' && !/^\/(s|r)\//.test(req.path) ? req.originalUrl : '/'
    next()
  }
}

function localsFor(language: Language) {
  const t = translator(language)
  return Object.freeze({
    language,
    lang: language,
    t,
    tHtml: translateHtml(t),
    inLanguage: (text: string, written: Language) => inLanguage(language, text, written),
    format: formats(language),
    otherLanguages: LANGUAGES.filter((l) => l !== language).map((l) => ({ language: l, name: LANGUAGE_NAMES[l] })),
  })
}
/** Made once per language: every request, and again every page of a response, set them (they hold nothing of the request). */
const LOCALS = new Map(LANGUAGES.map((language) => [language, localsFor(language)]))

/** Sets what every template and page model reads: t, tHtml, inLanguage, format, lang and the other languages to offer. */
export function useLanguage(res: Response, language: Language): void {
  Object.assign(res.locals, LOCALS.get(language))
}

export function rememberedLanguage(req: Request): Language | undefined {
  const value: unknown = req.cookies?.[LANGUAGE_COOKIE]
  return isLanguage(value) ? value : undefined
}

/** The first of `offered` the browser's Accept-Language accepts, in the browser's order of preference. */
export function browserLanguage(req: Request, offered: readonly Language[]): Language | undefined {
  if (!req.headers['accept-language']) return undefined
  const best = req.acceptsLanguages(...offered)
  return isLanguage(best) ? best : undefined
}
