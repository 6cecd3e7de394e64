// The one check that keeps an archived programme read-only, called by every service that changes a programme's things.
import type { Programme } from '../domain/programme.js'
import { ArchivedProgrammeError } from '../errors.js'

export function ensureWritable<P extends Pick<Programme, 'name' | 'archivedAt'>>(programme: P): P {
  if (programme.archivedAt) throw new ArchivedProgrammeError(programme.name)
  return programme
}
