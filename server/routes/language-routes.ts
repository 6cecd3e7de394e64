// The header's choice of language: remembered in a cookie for a year, then back to the page it was chosen on.
import type { Request, Response } from 'express'
import { isLanguage } from '../i18n/languages.js'
import { LANGUAGE_COOKIE } from '../middleware/choose-language.js'
import { sitePath } from './staff/safe-next-path.js'

const A_YEAR_MS = 365 * 24 * 60 * 60 * 1000

export function languageRoutes({ https }: { https: boolean }) {
  return {
    choose(req: Request, res: Response) {
      // Back to the page it was chosen on, the sign-in page included: only another site is refused.
      const next = sitePath(req.query.next) ?? '/'
      if (isLanguage(req.query.to)) {
        res.cookie(LANGUAGE_COOKIE, req.query.to, { httpOnly: true, sameSite: 'lax', secure: https, path: '/', maxAge: A_YEAR_MS })
      }
      res.redirect(303, next)
    },
  }
}
