import { randomBytes, randomInt } from 'node:crypto'
import { SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH } from '../survey/short-codes.js'

/** An unguessable token for links: 144 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(18).toString('base64url')
}

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,64}$/

/** A short code for an invitation: 8 letters of 24, about 37 bits, so that /code, which is rate-limited, cannot be guessed. */
export function newShortCode(): string {
  return Array.from({ length: SHORT_CODE_LENGTH }, () => SHORT_CODE_ALPHABET[randomInt(SHORT_CODE_ALPHABET.length)]).join('')
}
