// The action plan: recording, changing and removing the action for a priority on a practice's scorecard. Whoever may
// see the practice's own pages may (the scope service answers 404 otherwise); an archived programme is read-only.
import type { Request, Response } from 'express'
import { z } from 'zod'
import { NotFoundError } from '../../errors.js'
import { signedInUser } from '../../middleware/require-staff.js'
import type { ActionService, PriorityRef } from '../../services/action-service.js'
import type { QuestionnaireCatalogue } from '../../services/questionnaire-catalogue.js'
import type { StaffScopeService } from '../../services/staff-scope-service.js'
import { ensureWritable } from '../../services/writable-programme.js'
import { serviceRefusal } from '../form-errors.js'
import { prioritiesPath } from '../paths.js'
import { actionFormPageModel, actionValues, removeActionPageModel, type ActionPage } from './action-page-model.js'

const key = z.string().min(1).max(200)
const priorityQuery = z.object({ wave: key, questionnaire: key, scale: key })

/** The priority named by the query; a link edited into nonsense is a page that does not exist. */
function priorityRef(req: Request): PriorityRef {
  const parsed = priorityQuery.safeParse(req.query ?? {})
  if (!parsed.success) throw new NotFoundError()
  return parsed.data
}

const body = (req: Request) => (req.body ?? {}) as Record<string, unknown>
const words = (res: Response) => ({ t: res.locals.t, format: res.locals.format, language: res.locals.language })

export function actionRoutes(scope: StaffScopeService, actions: ActionService, catalogue: QuestionnaireCatalogue) {
  async function pageOf(req: Request, res: Response): Promise<ActionPage> {
    const { programme, practice } = await scope.practice(signedInUser(res), String(req.params.slug), String(req.params.code))
    ensureWritable(programme)
    const ref = priorityRef(req)
    return { programme, practice, ref, found: await actions.find(programme, practice, ref) }
  }
  const back = ({ programme, practice, ref }: ActionPage) => prioritiesPath(programme.slug, practice.code, ref.wave, ref.questionnaire)

  return {
    async form(req: Request, res: Response) {
      res.render('pages/actions/action-form', actionFormPageModel(catalogue, await pageOf(req, res), words(res)))
    },

    async save(req: Request, res: Response) {
      const page = await pageOf(req, res)
      const values = actionValues(body(req))
      const issues = await serviceRefusal(() => actions.record(signedInUser(res), page.programme, page.practice, page.ref, values))
      if (issues) return res.status(422).render('pages/actions/action-form', actionFormPageModel(catalogue, { ...page, values, issues }, words(res)))
      res.redirect(303, back(page))
    },

    async confirmRemove(req: Request, res: Response) {
      const page = await pageOf(req, res)
      const { action } = page.found
      if (!action) throw new NotFoundError()
      res.render('pages/actions/remove', removeActionPageModel(catalogue, { ...page, found: { ...page.found, action } }, words(res)))
    },

    /** Removing an action that is not there (removed in another tab) changes nothing and leads back alike. */
    async remove(req: Request, res: Response) {
      const page = await pageOf(req, res)
      await actions.remove(signedInUser(res), page.programme, page.practice, page.ref)
      res.redirect(303, back(page))
    },
  }
}
