// Setting responses aside from scoring and bringing them back, for admins and a programme's evaluators. Each change and
// its audit line are written in one transaction.
import type { Clock } from '../clock.js'
import type { Repositories } from '../data/repository-interfaces.js'
import type { Practice } from '../domain/practice.js'
import type { Programme } from '../domain/programme.js'
import type { ExclusionCriteria, ExclusionPreview, ResponseExclusion } from '../domain/response-exclusion.js'
import type { StaffUser } from '../domain/staff-user.js'
import { findStartBursts, type StartBurst } from '../domain/start-bursts.js'
import type { Wave } from '../domain/wave.js'
import { NotFoundError } from '../errors.js'
import { createAuditService } from './audit-service.js'
import { ensureWritable } from './writable-programme.js'

export interface WaveBurst extends StartBurst {
  wave: Wave
}

export interface ExclusionChoices {
  waves: Wave[]
  practices: Practice[]
}

export function createExclusionService(repos: Pick<Repositories, 'waves' | 'practices' | 'exclusions' | 'transaction'>, clock: Clock) {
  const detail = (programme: Programme, c: ExclusionCriteria, waves: Wave[], practices: Practice[]) => ({
    programme: programme.slug,
    wave: waves.find((w) => w.id === c.waveId)?.slug ?? null,
    practice: practices.find((p) => p.id === c.practiceId)?.code ?? 'all',
    startedFrom: c.startedFrom,
    startedTo: c.startedTo,
    openLinkOnly: c.openLinkOnly,
  })

  return {
    async choices(programme: Programme): Promise<ExclusionChoices> {
      return { waves: await repos.waves.listByProgramme(programme.id), practices: await repos.practices.listByProgramme(programme.id) }
    },

    async list(programme: Programme): Promise<ResponseExclusion[]> {
      return repos.exclusions.list(programme.id)
    },

    /** Bursts of starts on the programme's open links, wave by wave, leaving out responses already set aside. */
    async bursts(waves: readonly Wave[]): Promise<WaveBurst[]> {
      const found: WaveBurst[] = []
      for (const wave of waves) for (const burst of findStartBursts(await repos.exclusions.openLinkStarts(wave.id))) found.push({ ...burst, wave })
      return found
    },

    preview: (criteria: ExclusionCriteria): Promise<ExclusionPreview> => repos.exclusions.preview(criteria),

    /** `choices` are the programme's waves and practices the form was checked against: the audit line names them. */
    async exclude(user: StaffUser, programme: Programme, { waves, practices }: ExclusionChoices, criteria: ExclusionCriteria, reason: string): Promise<number> {
      ensureWritable(programme)
      return repos.transaction(async (trx) => {
        const { id, responses } = await trx.exclusions.exclude({ ...criteria, reason, excludedAt: clock.now().toISOString(), excludedBy: user.id })
        await createAuditService(trx, clock).audit(user, 'responses excluded', {
          ...detail(programme, criteria, waves, practices),
          exclusion: id,
          responses,
          reason,
        })
        return responses
      })
    },

    /** Brings an exclusion's responses back into the scores; restoring one already restored changes nothing. */
    async restore(user: StaffUser, programme: Programme, id: number): Promise<void> {
      ensureWritable(programme)
      const exclusion = (await repos.exclusions.list(programme.id)).find((e) => e.id === id)
      if (!exclusion) throw new NotFoundError()
      if (exclusion.restoredAt) return
      await repos.transaction(async (trx) => {
        if (await trx.exclusions.restore(id, clock.now().toISOString(), user.id))
          await createAuditService(trx, clock).audit(user, 'responses restored', { programme: programme.slug, exclusion: id, responses: exclusion.responses })
      })
    },
  }
}
export type ExclusionService = ReturnType<typeof createExclusionService>
