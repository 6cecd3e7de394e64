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
  return {
    /** Programmes with at least one practice the user may see (or the whole programme), with those practices. */
    visibleProgrammes(user: StaffUser): VisibleProgramme[] {
      return repos.programmes.list().flatMap((programme) => {
        const wholeProgramme = canSeeProgramme(user, programme.id)
        const practices = repos.practices.listByProgramme(programme.id).filter((p) => canSeePractice(user, p))
        return wholeProgramme || practices.length ? [{ programme, wholeProgramme, practices }] : []
      })
    },

    /** A programme for a programme-wide page; 404 when it does not exist or is out of the user's scope. */
    programme(user: StaffUser, slug: string): Programme {
      const programme = repos.programmes.findBySlug(slug)
      if (!programme || !canSeeProgramme(user, programme.id)) throw new NotFoundError()
      return programme
    },

    /** A practice of a programme for its own pages; 404 when either does not exist, they do not match, or it is out of scope. */
    practice(user: StaffUser, programmeSlug: string, practiceCode: string): { programme: Programme; practice: Practice } {
      const programme = repos.programmes.findBySlug(programmeSlug)
      const practice = repos.practices.findByCode(practiceCode)
      if (!programme || !practice || practice.programmeId !== programme.id || !canSeePractice(user, practice)) throw new NotFoundError()
      return { programme, practice }
    },
  }
}
export type StaffScopeService = ReturnType<typeof createStaffScopeService>
