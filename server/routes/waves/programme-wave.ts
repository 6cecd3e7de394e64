// The programme a waves page is under and the wave its URL names, as the signed-in user may see them.
import type { Request, Response } from 'express'
import type { Programme } from '../../domain/programme.js'
import { NotFoundError } from '../../errors.js'
import { signedInUser } from '../../middleware/require-staff.js'
import type { StaffScopeService } from '../../services/staff-scope-service.js'
import type { WaveService, WaveSummary } from '../../services/wave-service.js'
import { ensureWritable } from '../../services/writable-programme.js'

/**
 * `:slug` and `:wave` of the request: a programme out of the user's scope, or a wave it does not have, is "Page not
 * found". `writable` for the pages that change things: an archived programme is refused before its wave is looked for.
 */
export async function programmeWave(
  scope: StaffScopeService,
  waves: WaveService,
  req: Request,
  res: Response,
  { writable = false } = {},
): Promise<{ programme: Programme; summary: WaveSummary }> {
  const seen = await scope.programme(signedInUser(res), String(req.params.slug))
  const programme = writable ? ensureWritable(seen) : seen
  return { programme, summary: await waveNamed(waves, programme, String(req.params.wave)) }
}

/** The programme's wave of that short name, with what it has gathered; "Page not found" when it has none. */
export async function waveNamed(waves: WaveService, programme: Programme, slug: string): Promise<WaveSummary> {
  const summary = (await waves.list(programme)).find((s) => s.wave.slug === slug)
  if (!summary) throw new NotFoundError()
  return summary
}
