import { randomBytes } from 'node:crypto'

/** An unguessable token for links: 144 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(18).toString('base64url')
}

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,64}$/
