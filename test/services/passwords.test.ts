import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SCRYPT_COST,
  generatePassword,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  PasswordTooShortError,
  verifyPassword,
} from '../../server/services/passwords.js'

const CHEAP = { N: 1024, r: 8, p: 1 }

describe('hashing a password', () => {
  it('stores scrypt, its parameters, a salt and the hash, and never the password', async () => {
    const stored = await hashPassword('correct horse battery', CHEAP)
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/)
    expect(stored).not.toContain('correct')
  })

  it('salts each hash differently', async () => {
    const [a, b] = await Promise.all([hashPassword('correct horse battery', CHEAP), hashPassword('correct horse battery', CHEAP)])
    expect(a).not.toBe(b)
    expect(a.split('$')[4]).not.toBe(b.split('$')[4])
  })

  it('uses OWASP’s scrypt cost by default', async () => {
    expect(DEFAULT_SCRYPT_COST).toEqual({ N: 131072, r: 8, p: 1 })
    const stored = await hashPassword('correct horse battery')
    expect(stored.startsWith('scrypt$131072$8$1$')).toBe(true)
    expect(await verifyPassword('correct horse battery', stored)).toBe(true)
  })

  it(`refuses a password under ${MIN_PASSWORD_LENGTH} characters`, async () => {
    await expect(hashPassword('x'.repeat(MIN_PASSWORD_LENGTH - 1), CHEAP)).rejects.toThrow(PasswordTooShortError)
    await expect(hashPassword('x'.repeat(MIN_PASSWORD_LENGTH), CHEAP)).resolves.toMatch(/^scrypt\$/)
  })
})

describe('checking a password', () => {
  it.each([
    { password: 'correct horse battery', matches: true },
    { password: 'Correct horse battery', matches: false },
    { password: 'correct horse battery ', matches: false },
    { password: '', matches: false },
  ])('$password matches: $matches', async ({ password, matches }) => {
    expect(await verifyPassword(password, await hashPassword('correct horse battery', CHEAP))).toBe(matches)
  })

  it('treats composed and decomposed accents as the same password', async () => {
    const stored = await hashPassword('caf\u00e9 au lait please', CHEAP)
    expect(await verifyPassword('cafe\u0301 au lait please', stored)).toBe(true)
  })

  it.each(['', 'plain text', 'bcrypt$2b$10$abc', 'scrypt$1024$8$1$c2FsdA$', 'scrypt$x$8$1$c2FsdA$aGFzaA'])(
    'refuses a malformed stored hash %j',
    async (stored) => {
      expect(await verifyPassword('correct horse battery', stored)).toBe(false)
    },
  )
})

describe('generated passwords', () => {
  it('are 24 URL-safe characters (144 bits), long enough and different each time', () => {
    const passwords = Array.from({ length: 50 }, generatePassword)
    for (const p of passwords) expect(p).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect(passwords[0]!.length).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH)
    expect(new Set(passwords).size).toBe(50)
  })
})
