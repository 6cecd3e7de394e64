// Setting responses aside from scoring, checking bursts of open-link starts, and restoring what was set aside.
import type { Request, Response } from 'express'
import type { Programme } from '../../domain/programme.js'
import { NotFoundError } from '../../errors.js'
import { signedInUser } from '../../middleware/require-staff.js'
import type { ExclusionService } from '../../services/exclusion-service.js'
import type { StaffScopeService } from '../../services/staff-scope-service.js'
import { issueOf, type FieldIssue } from '../../validation/field-issues.js'
import { exclusionsPath } from '../paths.js'
import { exclusionValues, parseExclusionForm, type ExclusionValues } from './exclusion-form.js'
import { ensureWritable } from '../../services/writable-programme.js'
import { exclusionPreviewPageModel, exclusionsPageModel } from './exclusions-page-model.js'

const body = (req: Request) => (req.body ?? {}) as Record<string, unknown>
const words = (res: Response) => ({ t: res.locals.t, format: res.locals.format })
const NOTHING_TO_SET_ASIDE = issueOf('from', { key: 'study:exclusions.errors.nothing' })

export function exclusionRoutes(scope: StaffScopeService, exclusions: ExclusionService) {
  const programmeOf = (req: Request, res: Response) => scope.programme(signedInUser(res), String(req.params.slug))
  /** Setting aside and restoring change an archived programme's scores, so they are refused there. */
  const writableProgrammeOf = async (req: Request, res: Response) => ensureWritable(await programmeOf(req, res))

  async function showPage(res: Response, status: number, programme: Programme, form: { values?: Partial<ExclusionValues>; issues?: FieldIssue[] }) {
    const choices = await exclusions.choices(programme)
    const model = exclusionsPageModel(programme, choices, await exclusions.list(programme), await exclusions.bursts(choices.waves), words(res), form)
    res.status(status).render('pages/exclusions/exclusions', model)
  }

  return {
    async page(req: Request, res: Response) {
      const values = exclusionValues(req.query as Record<string, unknown>)
      const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''))
      await showPage(res, 200, await programmeOf(req, res), { values: given })
    },

    /** Checks the form, then shows what would be set aside; the confirmed form sets it aside. */
    async exclude(req: Request, res: Response) {
      const programme = await writableProgrammeOf(req, res)
      const choices = await exclusions.choices(programme)
      const form = parseExclusionForm(body(req), choices.waves, choices.practices)
      if ('issues' in form) return showPage(res, 422, programme, form)
      const preview = await exclusions.preview(form.criteria)
      if (preview.responses === 0) return showPage(res, 422, programme, { values: form.values, issues: [NOTHING_TO_SET_ASIDE] })
      if (body(req).confirm !== 'yes')
        return res.render('pages/exclusions/preview', exclusionPreviewPageModel(programme, choices, form.values, preview, words(res)))
      await exclusions.exclude(signedInUser(res), programme, choices, form.criteria, form.reason)
      res.redirect(303, `${exclusionsPath(programme.slug)}#set-aside-already`)
    },

    async restore(req: Request, res: Response) {
      const programme = await writableProgrammeOf(req, res)
      const id = String(req.params.id)
      if (!/^[1-9]\d{0,9}$/.test(id)) throw new NotFoundError()
      await exclusions.restore(signedInUser(res), programme, Number(id))
      res.redirect(303, `${exclusionsPath(programme.slug)}#set-aside-already`)
    },
  }
}
