// The one place errors become pages: user errors keep their status and message; anything else is a 500 without details.
import type { ErrorRequestHandler, Request, RequestHandler } from 'express'
import { NotFoundError } from '../errors.js'
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
    const page = describe(error, req)
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

function describe(error: unknown, req: Request): UserErrorPage {
  const ours = userErrorPage(error, { download: isDownload(req) })
  if (ours && ours.status < 500) return ours
  const e = (error ?? {}) as ExpressStatusError
  if (e.code === 'EBADCSRFTOKEN' || (e.status === 403 && String((error as Error).message).includes('csrf'))) {
    return {
      status: 403,
      title: 'This form has expired',
      message:
        'For your security, forms stop working after a while or when sent from another site. Go back, reload the page and try again. Answers you saved earlier are kept.',
    }
  }
  const status = e.status ?? e.statusCode
  if (status && status >= 400 && status < 500 && e.expose !== false) {
    return {
      status,
      title: 'Sorry, there is a problem with that request',
      message: status === 413 ? 'What you sent is too large.' : 'The request could not be understood. Go back and try again.',
    }
  }
  return { status: 500, title: 'Sorry, there is a problem with the service', message: 'Try again later. Answers you saved earlier are kept.' }
}
