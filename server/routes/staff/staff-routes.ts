// Staff pages: the home page of programmes and practices, and the audit log.
import type { Request, Response } from 'express'
import { NotFoundError } from '../../errors.js'
import { signedInUser } from '../../middleware/require-staff.js'
import type { AuditService } from '../../services/audit-service.js'
import type { StaffScopeService } from '../../services/staff-scope-service.js'
import { auditPageModel } from './audit-page-model.js'
import { staffHomePageModel } from './staff-home-page-model.js'

function pageNumber(req: Request): number {
  const page = req.query.page
  if (page === undefined) return 1
  if (typeof page !== 'string' || !/^[1-9]\d{0,6}$/.test(page)) throw new NotFoundError()
  return Number(page)
}

export function staffRoutes(scope: StaffScopeService, auditLog: AuditService) {
  return {
    async home(req: Request, res: Response) {
      const user = signedInUser(res)
      const t = res.locals.t
      const notice = req.query.changed === 'password' ? t('staff:home.passwordChanged') : undefined
      res.render('pages/staff/home', staffHomePageModel(user, await scope.visibleProgrammes(user), t, notice))
    },

    async audit(req: Request, res: Response) {
      res.render('pages/staff/audit', auditPageModel(await auditLog.page(pageNumber(req)), res.locals.t, res.locals.format))
    },
  }
}
