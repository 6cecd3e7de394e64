// The practice scorecard and the programme comparison. Who may see which is decided by the scope service (404 otherwise).
import type { Request, Response } from 'express'
import { signedInUser } from '../../middleware/require-staff.js'
import type { AuditService } from '../../services/audit-service.js'
import type { ReportService } from '../../services/report-service.js'
import { canReviewFreeText } from '../../services/staff-access.js'
import type { StaffScopeService } from '../../services/staff-scope-service.js'
import { sendCsv } from '../exports/send-download.js'
import { comparisonCsv } from './compare-csv.js'
import { comparePageModel } from './compare-page-model.js'
import { comparisonTable } from './compare-rows.js'
import { compareWavesPageModel } from './compare-waves-page-model.js'
import { comparisonFilters, parseCompareQuery, parseCompareWavesQuery, parseScorecardQuery } from './report-query.js'
import { scorecardPageModel } from './scorecard-page-model.js'

type Params = { slug: string; code: string }

export function reportRoutes(scope: StaffScopeService, reports: ReportService, auditLog: AuditService, limits: { writeTimeoutMs: number }) {
  return {
    async scorecard(req: Request<Params>, res: Response) {
      const user = signedInUser(res)
      const { programme, practice } = await scope.practice(user, req.params.slug, req.params.code)
      const { wave } = parseScorecardQuery(req.query)
      const { t, format, language } = res.locals
      const data = { ...(await reports.scorecard(programme, practice, wave, language)), canReviewText: canReviewFreeText(user, programme.id) }
      res.render('pages/reports/scorecard', scorecardPageModel(data, t, format))
    },

    async compare(req: Request<Params>, res: Response) {
      const programme = await scope.programme(signedInUser(res), req.params.slug)
      const query = parseCompareQuery(req.query)
      const { t, format, language } = res.locals
      res.render(
        'pages/reports/compare',
        comparePageModel(await reports.comparison(programme, query.wave, comparisonFilters(query), language), query, t, format),
      )
    },

    /** Every row of the comparison the page's links describe (filters and order), audited as the exports are. */
    async compareCsv(req: Request<Params>, res: Response) {
      const user = signedInUser(res)
      const programme = await scope.programme(user, req.params.slug)
      const query = parseCompareQuery(req.query)
      const { t, format, language } = res.locals
      const data = await reports.comparison(programme, query.wave, comparisonFilters(query), language)
      const csv = comparisonCsv(
        comparisonTable(data, query, t, format),
        data.changes.map((c) => c.since.slug),
      )
      await auditLog.audit(user, 'data exported', { export: 'comparison', programme: programme.slug, wave: data.wave?.slug ?? null })
      const fileName = `${programme.slug}-${data.wave?.slug ?? 'no-wave'}-comparison.csv`
      await sendCsv(res, fileName, csv, limits)
    },

    async compareWaves(req: Request<Params>, res: Response) {
      const programme = await scope.programme(signedInUser(res), req.params.slug)
      const query = parseCompareWavesQuery(req.query)
      const { t, format, language } = res.locals
      res.render('pages/reports/compare-waves', compareWavesPageModel(await reports.overWaves(programme, query.questionnaire, language), query, t, format))
    },
  }
}
