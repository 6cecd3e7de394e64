// CSRF tokens for visitors with no session (respondents, and staff before they sign in): a signed double-submit
// cookie, so that a page with a form stores nothing in the database. The cookie holds a random value; the form's
// token is its HMAC under the app's secret, so a token can only be made by the app, and only matches the cookie it was
// made for.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Request, Response } from 'express'

export const FORM_COOKIE = 'linkscore.form'
const VALUE = /^[A-Za-z0-9_-]{22}$/

/** Tokens remembered, for cookies seen again (every page and save of a survey): past this many, all are forgotten. */
const REMEMBERED_TOKENS = 10_000

export function formCookieToken({ secret, https }: { secret: string; https: boolean }) {
  // An HMAC is a tenth of a page save's CPU; a cookie's token never changes, so it is made once per cookie.
  const tokens = new Map<string, string>()
  const sign = (value: string) => {
    let token = tokens.get(value)
    if (token === undefined) {
      if (tokens.size >= REMEMBERED_TOKENS) tokens.clear()
      token = createHmac('sha256', secret).update(`form:${value}`).digest('base64url')
      tokens.set(value, token)
    }
    return token
  }
  const cookieValue = (req: Request): string | undefined => {
    const value = (req.cookies as Record<string, unknown> | undefined)?.[FORM_COOKIE]
    return typeof value === 'string' && VALUE.test(value) ? value : undefined
  }

  return {
    /** The token for this visitor's forms, setting the cookie it belongs to when they have none yet. */
    issue(req: Request, res: Response): string {
      let value = cookieValue(req)
      if (!value) {
        value = randomBytes(16).toString('base64url')
        // No Max-Age: it lasts as long as the browser is open, so a page left open for hours can still be sent.
        res.cookie(FORM_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: https, path: '/' })
      }
      return sign(value)
    },

    matches(req: Request, token: unknown): boolean {
      const value = cookieValue(req)
      if (!value || typeof token !== 'string') return false
      const expected = Buffer.from(sign(value))
      const given = Buffer.from(token)
      return given.length === expected.length && timingSafeEqual(given, expected)
    },
  }
}
