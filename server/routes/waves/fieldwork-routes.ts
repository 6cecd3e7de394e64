// A wave's fieldwork page: for admins and the programme's evaluators, every practice; for a steering member, their own.
import type { Request, Response } from 'express'
import { signedInUser } from '../../middleware/require-staff.js'
import type { InvitationService } from '../../services/invitation-service.js'
import type { StaffScopeService } from '../../services/staff-scope-service.js'
import type { WaveService } from '../../services/wave-service.js'
import { fieldworkPageModel } from './fieldwork-page-model.js'
import { waveNamed } from './programme-wave.js'

export function fieldworkRoutes(scope: StaffScopeService, waves: WaveService, invitations: InvitationService) {
  return {
    async page(req: Request, res: Response) {
      const { programme, practices, wholeProgramme } = await scope.programmePractices(signedInUser(res), String(req.params.slug))
      const summary = await waveNamed(waves, programme, String(req.params.wave))
      const { byPractice, bySetting, byDay } = await invitations.fieldwork(summary.wave)
      const words = { t: res.locals.t, format: res.locals.format }
      res.render('pages/waves/fieldwork', fieldworkPageModel(programme, summary.wave, practices, byPractice, bySetting, byDay, wholeProgramme, words))
    },
  }
}
