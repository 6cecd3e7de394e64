// Staff pages: the home page of programmes and practices, and the audit log.
import type { Request, Response } from 'express'
import { NotFoundError } from '../../errors.js'
import { signedInUser } from '../../middleware/require-staff.js'
import type { AuditService } from '../../services/audit-service.js'
import type { StaffScopeService } from '../../services/staff-scope-service.js'
import type { WaveService } from '../../services/wave-service.js'
import { auditPageModel } from './audit-page-model.js'
import { openWaveLine, staffHomePageModel } from './staff-home-page-model.js'

function pageNumber(req: Request): number {
  const page = req.query.page
  if (page === undefined) return 1
  if (typeof page !== 'string' || !/^[1-9]\d{0,6}$/.test(page)) throw new NotFoundError()
  return Number(page)
}

export function staffRoutes(scope: StaffScopeService, auditLog: AuditService, waves: WaveService) {
  return {
    async home(req: Request, res: Response) {
      const user = signedInUser(res)
      const { t, format } = res.locals
      const notice = req.query.changed === 'password' ? t('staff:home.passwordChanged') : undefined
      const visible = await scope.visibleProgrammes(user)
      const openWaves = new Map<number, ReturnType<typeof openWaveLine>[]>()
      for (const { programme, wholeProgramme } of visible) {
        const open = (await waves.list(programme)).filter((s) => s.wave.status === 'open')
        openWaves.set(
          programme.id,
          open.map((s) => openWaveLine(s, programme.slug, wholeProgramme, waves.today(), t, format)),
        )
      }
      res.render('pages/staff/home', staffHomePageModel(user, visible, t, notice, openWaves))
    },

    async audit(req: Request, res: Response) {
      res.render('pages/staff/audit', auditPageModel(await auditLog.page(pageNumber(req)), res.locals.t, res.locals.format))
    },
  }
}
