// The instrument-quality page of a programme, for admins and the programme's evaluators (404 otherwise).
import type { Request, Response } from 'express'
import { z } from 'zod'
import { signedInUser } from '../../middleware/require-staff.js'
import { SETTINGS } from '../../questionnaires/definition-schema.js'
import type { InstrumentQualityService } from '../../services/instrument-quality-service.js'
import type { StaffScopeService } from '../../services/staff-scope-service.js'
import { instrumentQualityPageModel } from './instrument-quality-page-model.js'

// As on the other report pages, a value the page does not know falls back to the default; an unknown wave is 404.
const query = z.object({
  wave: z.string().min(1).max(200).optional().catch(undefined),
  setting: z.enum(SETTINGS).optional().catch(undefined),
})

export function instrumentQualityRoutes(scope: StaffScopeService, quality: InstrumentQualityService) {
  return {
    async page(req: Request<{ slug: string }>, res: Response) {
      const programme = await scope.programme(signedInUser(res), req.params.slug)
      const { wave, setting } = query.parse(req.query ?? {})
      const { t, format, language } = res.locals
      res.render('pages/reports/instrument-quality', instrumentQualityPageModel(await quality.page(programme, wave, setting, language), t, format))
    },
  }
}
