import type { Wave } from '../domain/wave.js'

/** A wave takes responses while open and, when dates are set, between them (inclusive, by calendar date). */
export function isTakingResponses(wave: Pick<Wave, 'status' | 'opensOn' | 'closesOn'>, today: string): boolean {
  if (wave.status !== 'open') return false
  if (wave.opensOn && today < wave.opensOn) return false
  if (wave.closesOn && today > wave.closesOn) return false
  return true
}
