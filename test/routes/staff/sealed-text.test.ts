// The one-time password crosses the session sealed: the stored value does not hold it, and only the same secret opens it.
import { expect, it } from 'vitest'
import { openText, sealText } from '../../../server/routes/staff/sealed-text.js'

const SECRET = 'a session secret of the app'
const PASSWORD = 'Xq3_uS9kLm2pQ7rT5vW8yZ1a'

it('opens what it sealed, and the sealed value does not contain the text', () => {
  const sealed = sealText(SECRET, PASSWORD)
  expect(sealed).not.toContain(PASSWORD)
  expect(sealed).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
  expect(openText(SECRET, sealed)).toBe(PASSWORD)
  expect(sealText(SECRET, PASSWORD)).not.toBe(sealed)
})

it('opens nothing under another secret, changed, or malformed', () => {
  const sealed = sealText(SECRET, PASSWORD)
  expect(openText('another secret', sealed)).toBeUndefined()
  const [iv, tag, data] = sealed.split('.') as [string, string, string]
  const flipped = Buffer.from(data, 'base64url')
  flipped[0] = flipped[0]! ^ 1
  expect(openText(SECRET, [iv, tag, flipped.toString('base64url')].join('.'))).toBeUndefined()
  for (const bad of ['', 'a.b', 'a.b.c', PASSWORD]) expect(openText(SECRET, bad)).toBeUndefined()
})
