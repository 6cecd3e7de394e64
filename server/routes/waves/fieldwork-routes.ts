// A wave's fieldwork page, for admins and the programme's evaluators.
import type { Request, Response } from 'express'
import type { InvitationService } from '../../services/invitation-service.js'
import type { PracticeService } from '../../services/practice-service.js'
import type { StaffScopeService } from '../../services/staff-scope-service.js'
import type { WaveService } from '../../services/wave-service.js'
import { fieldworkPageModel } from './fieldwork-page-model.js'
import { programmeWave } from './programme-wave.js'

export function fieldworkRoutes(scope: StaffScopeService, waves: WaveService, practices: PracticeService, invitations: InvitationService) {
  return {
    async page(req: Request, res: Response) {
      const { programme, summary } = await programmeWave(scope, waves, req, res)
      const [listed, { byPractice, byDay }] = await Promise.all([practices.list(programme), invitations.fieldwork(summary.wave)])
      const words = { t: res.locals.t, format: res.locals.format }
      const model = fieldworkPageModel(
        programme,
        summary.wave,
        listed.map((p) => p.practice),
        byPractice,
        byDay,
        words,
      )
      res.render('pages/waves/fieldwork', model)
    },
  }
}
