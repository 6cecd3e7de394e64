// /code: a person whose invitation came on paper types its short code, and goes on as if they had followed its link.
import type { Request, Response } from 'express'
import type { InvitationService } from '../../services/invitation-service.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { formErrors, serviceRefusal } from '../form-errors.js'

export const CODE_PATH = '/code'

function codePage(res: Response, status: number, model: { code?: string; issues?: readonly FieldIssue[] } = {}) {
  const t = res.locals.t
  const { errors, errorSummary } = formErrors(model.issues ?? [], { order: ['code'], t })
  res.status(status).render('pages/survey/code', { title: t('survey:code.title'), code: model.code ?? '', errors, errorSummary })
}

export function codeRoutes(invitations: InvitationService) {
  return {
    show(_req: Request, res: Response) {
      codePage(res, 200)
    },

    async submit(req: Request, res: Response) {
      const typed: unknown = (req.body as Record<string, unknown> | undefined)?.code
      let token = ''
      const issues = await serviceRefusal(async () => (token = await invitations.tokenForShortCode(typed)))
      if (issues) return codePage(res, 422, { code: typeof typed === 'string' ? typed.slice(0, 40) : '', issues })
      res.redirect(303, `/s/${token}`)
    },
  }
}
