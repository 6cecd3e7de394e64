// Staff sign-in and sign-out.
import type { Request, Response } from 'express'
import type { SignInService } from '../../services/sign-in-service.js'
import { TooManySignInAttemptsError } from '../../errors.js'
import { issueOf, type FieldIssue } from '../../validation/field-issues.js'
import { formErrors } from '../form-errors.js'
import type { DeviceCookies } from './device-cookie.js'
import { parseSignInForm, SIGN_IN_FIELDS } from './sign-in-form.js'
import { safeNextPath } from './safe-next-path.js'
import { endStaffSession, startStaffSession } from './staff-session.js'

export const STAFF_HOME = '/staff'
const body = (req: Request) => (req.body ?? {}) as Record<string, unknown>

function signInPage(res: Response, status: number, model: { email?: string; next?: string; issues?: readonly FieldIssue[] }) {
  const t = res.locals.t
  const { errors, errorSummary } = formErrors(model.issues ?? [], { order: SIGN_IN_FIELDS, t })
  res.status(status).render('pages/staff/sign-in', { title: t('staff:signIn.title'), email: model.email ?? '', next: model.next, errors, errorSummary })
}

export function signInRoutes(signIn: SignInService, devices: DeviceCookies) {
  return {
    show(req: Request, res: Response) {
      const next = safeNextPath(req.query.next)
      if (res.locals.user) return res.redirect(303, next ?? STAFF_HOME)
      signInPage(res, 200, { next })
    },

    async signIn(req: Request, res: Response) {
      const form = parseSignInForm(body(req))
      if ('issues' in form) return signInPage(res, 422, form)
      const result = await signIn.signIn(form.email, form.password, req.ip ?? req.socket.remoteAddress ?? '', devices.idFor(req, form.email))
      if (result.outcome === 'refused') {
        return signInPage(res, 422, { ...form, issues: [issueOf('email', { key: 'staff:signIn.refused' })] })
      }
      if (result.outcome === 'waiting') throw new TooManySignInAttemptsError(result.minutes)
      await startStaffSession(req, result.session)
      devices.issue(res, form.email)
      res.redirect(303, form.next ?? STAFF_HOME)
    },

    async signOut(req: Request, res: Response) {
      if (res.locals.user) await signIn.signedOut(res.locals.user)
      await endStaffSession(req, res)
      res.redirect(303, '/sign-in')
    },
  }
}
