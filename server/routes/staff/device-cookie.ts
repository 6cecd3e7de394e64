// A cookie a browser gets when someone signs in with it. While failed sign-ins for an e-mail address make everyone
// else wait, the browser its owner signed in with before keeps a count of its own, so an attack on a known address
// cannot keep its owner out (OWASP's "device cookies").
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Request, Response } from 'express'

export const DEVICE_COOKIE = 'linkscore.device'
const MAX_AGE_MS = 180 * 24 * 3600 * 1000
const VALUE = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/

export function deviceCookies({ secret, https }: { secret: string; https: boolean }) {
  const sign = (email: string, id: string) => createHmac('sha256', secret).update(`device:${email}:${id}`).digest('base64url')

  return {
    /** The id of this browser, when its cookie was made for `email` by this app; undefined otherwise. */
    idFor(req: Request, email: string): string | undefined {
      const match = VALUE.exec(String((req.cookies as Record<string, unknown> | undefined)?.[DEVICE_COOKIE] ?? ''))
      if (!match) return undefined
      const [, id, mac] = match as unknown as [string, string, string]
      const expected = Buffer.from(sign(email, id))
      return timingSafeEqual(Buffer.from(mac), expected) ? id : undefined
    },

    /** After a sign-in: this browser is now known for `email`. */
    issue(res: Response, email: string): void {
      const id = randomBytes(16).toString('base64url')
      res.cookie(DEVICE_COOKIE, `${id}.${sign(email, id)}`, { httpOnly: true, sameSite: 'lax', secure: https, path: '/sign-in', maxAge: MAX_AGE_MS })
    },
  }
}
export type DeviceCookies = ReturnType<typeof deviceCookies>
