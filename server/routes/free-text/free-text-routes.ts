// An evaluator's review of a practice's free text: the page, and hiding or showing one answer (303 back to its question).
import type { Request, Response } from 'express'
import { NotFoundError } from '../../errors.js'
import { signedInUser } from '../../middleware/require-staff.js'
import type { FreeTextService } from '../../services/free-text-service.js'
import type { ReportService } from '../../services/report-service.js'
import { canReviewFreeText } from '../../services/staff-access.js'
import type { StaffScopeService } from '../../services/staff-scope-service.js'
import { freeTextReviewPath } from '../paths.js'
import { parseScorecardQuery } from '../reports/report-query.js'
import { freeTextReviewPageModel } from './free-text-page-model.js'

export function freeTextRoutes(scope: StaffScopeService, reports: ReportService, freeText: FreeTextService) {
  /** The practice, for its programme's evaluators and admins only: a steering member gets "Page not found". */
  async function reviewable(req: Request, res: Response) {
    const user = signedInUser(res)
    const found = await scope.practice(user, String(req.params.slug), String(req.params.code))
    if (!canReviewFreeText(user, found.programme.id)) throw new NotFoundError()
    return { user, ...found }
  }

  const change = (hide: boolean) => async (req: Request, res: Response) => {
    const { user, programme, practice } = await reviewable(req, res)
    const wave = await (hide ? freeText.hide : freeText.show)(user, programme, practice, req.body ?? {})
    res.redirect(303, `${freeTextReviewPath(programme.slug, practice.code)}?wave=${encodeURIComponent(wave)}`)
  }

  return {
    async page(req: Request, res: Response) {
      const { programme, practice } = await reviewable(req, res)
      const { wave } = parseScorecardQuery(req.query)
      const review = await reports.textReview(programme, practice, wave, res.locals.language)
      res.render('pages/free-text/review', freeTextReviewPageModel({ programme, practice, ...review }, { t: res.locals.t, format: res.locals.format }))
    },
    hide: change(true),
    show: change(false),
  }
}
