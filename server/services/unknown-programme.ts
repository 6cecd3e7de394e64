// The one way a service says a programme named by slug does not exist: keyed by the field that named it, listing the real ones.
import type { ProgrammeRepository } from '../data/repository-interfaces.js'
import { ValidationError } from '../errors.js'

export async function unknownProgramme(field: string, slug: string, programmes: Pick<ProgrammeRepository, 'list'>): Promise<ValidationError> {
  const known = (await programmes.list()).map((p) => p.slug).join(', ') || 'none yet'
  return ValidationError.of(field, `No programme "${slug}". Programmes: ${known}`)
}
