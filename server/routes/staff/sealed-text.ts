// Text kept in a session row only as ciphertext (AES-256-GCM under a key derived from the app secret), so the one-time
// password on its way to the page that shows it once is not readable from the database alone.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

const keyFrom = (secret: string) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'linkscore one-time password', 32))

/** `iv.tag.ciphertext`, each base64url. */
export function sealText(secret: string, text: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv)
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()])
  return [iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64url')).join('.')
}

/** The text, or undefined when the value was not sealed under this secret or was changed. */
export function openText(secret: string, sealed: string): string | undefined {
  const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'))
  if (!iv || !tag || !data || iv.length !== 12 || tag.length !== 16) return undefined
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), iv)
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8')
  } catch {
    return undefined
  }
}
