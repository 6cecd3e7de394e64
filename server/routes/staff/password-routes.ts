// Every staff member's own password: the form, and saving a new one. After a one-time password it is the only page open.
import type { Request, Response } from 'express'
import { ValidationError } from '../../errors.js'
import { signedInUser } from '../../middleware/require-staff.js'
import { PASSWORD_FIELDS, type PasswordChangeService } from '../../services/password-change-service.js'
import { MIN_PASSWORD_LENGTH } from '../../services/passwords.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { formErrors } from '../form-errors.js'
import { withQuery } from '../paths.js'
import { STAFF_HOME } from './sign-in-routes.js'
import { renewStaffSession } from './staff-session.js'

export function passwordRoutes(passwords: PasswordChangeService) {
  function showForm(res: Response, status: number, issues: readonly FieldIssue[] = []) {
    const forced = signedInUser(res).mustChangePassword === true
    const t = res.locals.t
    res.status(status).render('pages/staff/password', {
      title: forced ? t('staff:password.titleForced') : t('staff:password.title'),
      forced,
      minLength: MIN_PASSWORD_LENGTH,
      ...formErrors(issues, { order: PASSWORD_FIELDS, t }),
    })
  }

  return {
    show: (_req: Request, res: Response) => showForm(res, 200),

    async change(req: Request, res: Response) {
      try {
        const { generation } = await passwords.change(signedInUser(res), (req.body ?? {}) as Record<string, unknown>)
        await renewStaffSession(req, generation)
      } catch (error) {
        // The passwords typed never come back into the form.
        if (error instanceof ValidationError) return showForm(res, 422, error.issues)
        throw error
      }
      res.redirect(303, withQuery(STAFF_HOME, { changed: 'password' }))
    },
  }
}
