// Bands from the questionnaire definition, listed best first: a score takes the first band whose min it reaches.
import type { Band } from '../questionnaires/definition-schema.js'

/** A score this close below a band's min still reaches it, so 59.99999999999999 from 3.4 counts as 60. */
export const BAND_TOLERANCE = 1e-9

export function bandFor(bands: readonly Band[], score: number): string {
  const band = bands.find((b) => score >= b.min - BAND_TOLERANCE)
  if (!band) throw new RangeError(`score ${score} is below every band (the last band must start at 0)`)
  return band.label
}
