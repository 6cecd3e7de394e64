// Finds programmes and practices for a signed-in user: what they may see is all that exists, as far as they can tell.
import type { Repositories } from '../data/repository-interfaces.js'
import type { Practice } from '../domain/practice.js'
import type { Programme } from '../domain/programme.js'
import type { StaffUser } from '../domain/staff-user.js'
import { NotFoundError } from '../errors.js'
import { canSeePractice, canSeeProgramme } from './staff-access.js'

export interface VisibleProgramme {
  programme: Programme
  /** False for steering group members, who see their own practices but not the comparison of all. */
  wholeProgramme: boolean
  practices: Practice[]
}

export function createStaffScopeService(repos: Pick<Repositories, 'programmes' | 'practices'>) {
  /** Whether the user sees the whole programme, and which of its practices. */
  async function inScope(user: StaffUser, programme: Programme): Promise<VisibleProgramme> {
    const practices = (await repos.practices.listByProgramme(programme.id)).filter((p) => canSeePractice(user, p))
    return { programme, wholeProgramme: canSeeProgramme(user, programme.id), practices }
  }

  return {
    /** Programmes in use with at least one practice the user may see (or the whole programme), with those practices. */
    async visibleProgrammes(user: StaffUser): Promise<VisibleProgramme[]> {
      const visible: VisibleProgramme[] = []
      for (const programme of (await repos.programmes.list()).filter((p) => !p.archivedAt)) {
        const seen = await inScope(user, programme)
        if (seen.wholeProgramme || seen.practices.length) visible.push(seen)
      }
      return visible
    },

    /** A programme for a programme-wide page; 404 when it does not exist or is out of the user's scope. */
    async programme(user: StaffUser, slug: string): Promise<Programme> {
      const programme = await repos.programmes.findBySlug(slug)
      if (!programme || !canSeeProgramme(user, programme.id)) throw new NotFoundError()
      return programme
    },

    /**
     * A programme with the practices the user may see in it, for a page that shows each of them (archived programmes
     * included, to read); 404 when it does not exist or the user sees neither it nor any of its practices.
     */
    async programmePractices(user: StaffUser, slug: string): Promise<VisibleProgramme> {
      const programme = await repos.programmes.findBySlug(slug)
      if (!programme) throw new NotFoundError()
      const seen = await inScope(user, programme)
      if (!seen.wholeProgramme && !seen.practices.length) throw new NotFoundError()
      return seen
    },

    /** A practice of a programme for its own pages; 404 when either does not exist, they do not match, or it is out of scope. */
    async practice(user: StaffUser, programmeSlug: string, practiceCode: string): Promise<{ programme: Programme; practice: Practice }> {
      const programme = await repos.programmes.findBySlug(programmeSlug)
      const practice = await repos.practices.findByCode(practiceCode)
      if (!programme || !practice || practice.programmeId !== programme.id || !canSeePractice(user, practice)) throw new NotFoundError()
      return { programme, practice }
    },
  }
}
export type StaffScopeService = ReturnType<typeof createStaffScopeService>
