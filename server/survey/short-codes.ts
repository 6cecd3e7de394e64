// Short codes: what a person reading an invitation on paper types at /code instead of its link. Eight capital letters
// with neither I nor O (read as 1 and 0), shown as two groups of four; typed in any case, with or without spaces or a hyphen.

export const SHORT_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
export const SHORT_CODE_LENGTH = 8

/** What was typed, as stored: capitals, without spaces or hyphens. */
export function normaliseShortCode(typed: string): string {
  return typed.replace(/[\s\-–—.]+/g, '').toUpperCase()
}

/** "ABCDEFGH" as it is printed and shown: "ABCD-EFGH". */
export function formatShortCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

export type ShortCodeProblem = 'missing' | 'length' | 'characters'

/** Why a normalised code cannot be one, or undefined when it could. */
export function shortCodeProblem(code: string): ShortCodeProblem | undefined {
  if (code === '') return 'missing'
  if (code.length !== SHORT_CODE_LENGTH) return 'length'
  if ([...code].some((c) => !SHORT_CODE_ALPHABET.includes(c))) return 'characters'
  return undefined
}
