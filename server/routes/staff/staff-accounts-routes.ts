// Staff accounts: the list (every account for admins, their programmes' steering members for evaluators), adding one,
// changing its role and scope, resetting its password, and disabling (ending its sessions at once) or enabling it.
import type { Request, Response } from 'express'
import { NotFoundError, ValidationError } from '../../errors.js'
import { signedInUser } from '../../middleware/require-staff.js'
import type { AccountSummary, StaffAccountService } from '../../services/staff-account-service.js'
import type { StaffScopeService } from '../../services/staff-scope-service.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { ONE_TIME_PASSWORD_PATH, STAFF_ACCOUNTS_PATH } from '../paths.js'
import { accountFormValues, pageIssue, type AccountFormValues } from './account-form.js'
import { openText, sealText } from './sealed-text.js'
import { accountFormPageModel, oneTimePasswordPageModel, resetPasswordPageModel } from './account-form-page-model.js'
import { serviceRefusal } from '../form-errors.js'
import { accountElementId, staffAccountsPageModel } from './staff-accounts-page-model.js'

/** What the service refused, worded for this page. */
const refused = (work: () => Promise<unknown>) => serviceRefusal(work, pageIssue)

const body = (req: Request) => (req.body ?? {}) as Record<string, unknown>
const emailOf = (req: Request) => accountFormValues(body(req)).email
const idOf = (req: Request) => {
  const id = String(req.params.id)
  if (!/^[1-9]\d{0,9}$/.test(id)) throw new NotFoundError()
  return Number(id)
}

export function staffAccountsRoutes(staffAccounts: StaffAccountService, scope: StaffScopeService, signInUrl: string, secret: string) {
  async function showPage(res: Response, status: number, problem?: { email: string; issues: ValidationError['issues'] }) {
    const me = signedInUser(res)
    res
      .status(status)
      .render('pages/staff/accounts', staffAccountsPageModel(await staffAccounts.listAccounts(me), me, res.locals.t, res.locals.format, problem))
  }

  async function showForm(res: Response, status: number, values: AccountFormValues, account?: AccountSummary, issues?: readonly FieldIssue[]) {
    const viewer = signedInUser(res)
    const programmes = await scope.visibleProgrammes(viewer)
    res.status(status).render('pages/staff/account-form', accountFormPageModel({ viewer, programmes, values, account, issues }, res.locals.t))
  }

  /**
   * The password goes to the page that shows it once, through the session (sealed: the row holds ciphertext only), so a
   * reload cannot show it again.
   */
  function showOnce(req: Request, res: Response, shown: { email: string; password: string; added: boolean }) {
    req.session.oneTimePassword = { ...shown, password: sealText(secret, shown.password) }
    res.redirect(303, ONE_TIME_PASSWORD_PATH)
  }

  /** A change the service refuses (the only admin, already disabled, no such account) shows the page again, saying why. */
  const change = (work: (email: string, res: Response) => Promise<unknown>) => async (req: Request, res: Response) => {
    const email = emailOf(req)
    const issues = await refused(() => work(email, res))
    if (issues) return showPage(res, 422, { email: email.trim().toLowerCase(), issues })
    res.redirect(303, STAFF_ACCOUNTS_PATH)
  }

  return {
    page: (_req: Request, res: Response) => showPage(res, 200),

    newForm: (_req: Request, res: Response) =>
      showForm(res, 200, { email: '', role: signedInUser(res).role === 'evaluator' ? 'steering' : '', programmes: [], practices: [] }),

    async create(req: Request, res: Response) {
      const values = accountFormValues(body(req))
      const me = signedInUser(res)
      const input = { ...values, role: me.role === 'evaluator' ? 'steering' : values.role }
      let added: Awaited<ReturnType<StaffAccountService['addUser']>> | undefined
      const issues = await refused(async () => (added = await staffAccounts.addUser(input, me)))
      if (issues || !added) return showForm(res, 422, values, undefined, issues)
      showOnce(req, res, { email: added.account.email, password: added.password, added: true })
    },

    /** Shows the password once: the session forgets it as the page is made. */
    oneTimePassword(req: Request, res: Response) {
      const kept = req.session.oneTimePassword
      delete req.session.oneTimePassword
      const password = kept && openText(secret, kept.password)
      res.render('pages/staff/one-time-password', oneTimePasswordPageModel(kept && password ? { ...kept, password } : undefined, signInUrl, res.locals.t))
    },

    async roleForm(req: Request, res: Response) {
      const account = await staffAccounts.account(signedInUser(res), idOf(req))
      const values = { email: account.account.email, role: account.account.role, programmes: account.programmes, practices: account.practices }
      await showForm(res, 200, values, account)
    },

    async changeRole(req: Request, res: Response) {
      const me = signedInUser(res)
      const account = await staffAccounts.account(me, idOf(req))
      const values = { ...accountFormValues(body(req)), email: account.account.email }
      const input = { ...values, role: me.role === 'evaluator' ? 'steering' : values.role }
      const issues = await refused(() => staffAccounts.changeRole(input, me))
      if (issues) return showForm(res, 422, values, account, issues)
      res.redirect(303, `${STAFF_ACCOUNTS_PATH}#${accountElementId(account.account)}`)
    },

    async confirmReset(req: Request, res: Response) {
      res.render('pages/staff/reset-password', resetPasswordPageModel(await staffAccounts.account(signedInUser(res), idOf(req)), res.locals.t))
    },

    async reset(req: Request, res: Response) {
      const me = signedInUser(res)
      const account = await staffAccounts.account(me, idOf(req))
      if (account.account.id === me.id) throw new NotFoundError()
      const password = await staffAccounts.resetPassword(account.account.email, me)
      showOnce(req, res, { email: account.account.email, password, added: false })
    },

    disable: change(async (email, res) => {
      const me = signedInUser(res)
      if (email.trim().toLowerCase() === me.email) throw ValidationError.of('email', { key: 'staff:accounts.errors.ownAccount' })
      await staffAccounts.disableUser(email, me)
    }),

    enable: change((email, res) => staffAccounts.enableUser(email, signedInUser(res))),
  }
}
