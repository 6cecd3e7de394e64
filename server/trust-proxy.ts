// LINKSCORE_TRUST_PROXY: how many reverse proxies stand in front of Linkscore, or their addresses.
import { isIP } from 'node:net'
import { z } from 'zod'

/** Express's `trust proxy`: nothing, the number of proxies in front, or the addresses (and ranges) of trusted proxies. */
export type TrustProxy = false | number | string[]

const EXPRESS_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

function isAddressOrRange(entry: string): boolean {
  if (EXPRESS_NAMES.has(entry)) return true
  const [address, prefix, ...rest] = entry.split('/')
  if (rest.length || !address) return false
  const family = isIP(address)
  if (family === 0) return false
  if (prefix === undefined) return true
  const bits = Number(prefix)
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128)
}

/**
 * "on" is refused: trusting every hop makes Express take the leftmost X-Forwarded-For, which the client writes
 * itself, so a per-address limit could be dodged by sending a new one each time.
 */
export const trustProxySetting = z
  .string()
  .trim()
  .transform((value, ctx): TrustProxy => {
    const lower = value.toLowerCase()
    if (['', '0', 'off', 'false', 'no'].includes(lower)) return false
    if (['on', 'true', 'yes'].includes(lower)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" would trust any address a client writes into X-Forwarded-For: set the number of proxies in front of Linkscore (usually 1) or their addresses, e.g. 10.0.0.5 or 10.0.0.0/24`,
      })
      return z.NEVER
    }
    if (/^\d+$/.test(lower)) return Number(lower)
    const entries = value.split(',').map((entry) => entry.trim())
    const bad = entries.find((entry) => !isAddressOrRange(entry))
    if (bad !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `"${bad}" is not a number of proxies nor an IP address or range: use e.g. 1, or 10.0.0.5, or 10.0.0.0/24,fd00::/8, or loopback`,
      })
      return z.NEVER
    }
    return entries
  })
