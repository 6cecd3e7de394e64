// Printable invitation letters and open-link posters of a wave, for admins and the programme's evaluators.
import type { Request, Response } from 'express'
import { NotFoundError } from '../../errors.js'
import { signedInUser } from '../../middleware/require-staff.js'
import type { AuditService } from '../../services/audit-service.js'
import type { InvitationService } from '../../services/invitation-service.js'
import type { PracticeService } from '../../services/practice-service.js'
import type { StaffScopeService } from '../../services/staff-scope-service.js'
import type { WaveService } from '../../services/wave-service.js'
import { lettersPageModel, postersPageModel } from './letters-page-model.js'
import { programmeWave } from './programme-wave.js'

export function letterRoutes(
  scope: StaffScopeService,
  waves: WaveService,
  practices: PracticeService,
  invitations: InvitationService,
  auditLog: AuditService,
  { baseUrl }: { baseUrl: string },
) {
  async function waveOf(req: Request, res: Response) {
    const { programme, summary } = await programmeWave(scope, waves, req, res)
    /** `?practice=` narrows to one practice; an unknown one is no page. */
    const only = typeof req.query.practice === 'string' ? req.query.practice.toUpperCase() : undefined
    return { programme, wave: summary.wave, only }
  }

  return {
    async letters(req: Request, res: Response) {
      const { programme, wave, only } = await waveOf(req, res)
      const listed = (await invitations.mailMergeList(wave)).filter((i) => !only || i.practiceCode.toUpperCase() === only)
      if (only && listed.length === 0) throw new NotFoundError()
      // The letters hold the links, so printing them is a download like any other.
      await auditLog.audit(signedInUser(res), 'data exported', {
        export: 'letters',
        programme: programme.slug,
        wave: wave.slug,
        ...(only ? { practice: only } : {}),
      })
      res.render('pages/waves/letters', await lettersPageModel(programme, wave, listed, baseUrl, res.locals.t))
    },

    async posters(req: Request, res: Response) {
      const { programme, wave, only } = await waveOf(req, res)
      const chosen = (await practices.list(programme)).map((p) => p.practice).filter((p) => !only || p.code.toUpperCase() === only)
      if (only && chosen.length === 0) throw new NotFoundError()
      res.render('pages/waves/posters', await postersPageModel(programme, wave, chosen, baseUrl, res.locals.t))
    },
  }
}
