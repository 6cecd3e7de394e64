// The one place errors become pages: user errors keep their status and message; anything else is a 500 without details.
import type { ErrorRequestHandler, Request, RequestHandler } from 'express'
import { NotFoundError } from '../errors.js'
import { SOURCE_LANGUAGE } from '../i18n/languages.js'
import { type Translate } from '../i18n/translate.js'
import { useLanguage } from './choose-language.js'
import { userErrorPage, type UserErrorPage } from '../user-errors.js'

interface ExpressStatusError {
  status?: number
  statusCode?: number
  expose?: boolean
  code?: string
}

export const notFound: RequestHandler = (_req, _res, next) => next(new NotFoundError())

export function errorHandler({ production, log = console.error }: { production: boolean; log?: (...args: unknown[]) => void }): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error)
    // An error raised before the language was chosen (or in an app built without it) is shown in English.
    if (!res.locals.t) useLanguage(res, SOURCE_LANGUAGE)
    const page = describe(error, req, res.locals.t)
    if (page.status >= 500) log(error)
    const locals = {
      title: page.title,
      message: page.message,
      next: page.next,
      stack: !production && page.status >= 500 && error instanceof Error ? error.stack : undefined,
    }
    res.status(page.status).render('pages/errors/error', locals, (renderError: unknown, html?: string) => {
      if (renderError) {
        log(renderError)
        res.type('text/plain').send(`${page.title}\n\n${page.message}\n`)
      } else {
        res.send(html)
      }
    })
  }
}

const isDownload = (req: Request) => /\.(csv|R)$/.test(req.path)

function describe(error: unknown, req: Request, t: Translate): UserErrorPage {
  const ours = userErrorPage(error, { download: isDownload(req) }, t)
  if (ours && ours.status < 500) return ours
  const e = (error ?? {}) as ExpressStatusError
  if (e.code === 'EBADCSRFTOKEN' || (e.status === 403 && String((error as Error).message).includes('csrf'))) {
    return { status: 403, title: t('errors:formExpired.title'), message: t('errors:formExpired.message') }
  }
  const status = e.status ?? e.statusCode
  if (status && status >= 400 && status < 500 && e.expose !== false) {
    return { status, title: t('errors:badRequest.title'), message: status === 413 ? t('errors:tooLarge') : t('errors:notUnderstood') }
  }
  return { status: 500, title: t('errors:server.title'), message: t('errors:server.message') }
}
