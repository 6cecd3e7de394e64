// Administrators' list of staff accounts, where an account is disabled (ending its sessions at once) or enabled again.
import type { Request, Response } from 'express'
import { ValidationError } from '../../errors.js'
import { signedInUser } from '../../middleware/require-staff.js'
import type { StaffAccountService } from '../../services/staff-account-service.js'
import { STAFF_ACCOUNTS_PATH } from '../paths.js'
import { staffAccountsPageModel } from './staff-accounts-page-model.js'

const emailOf = (req: Request) => {
  const email = (req.body as Record<string, unknown> | undefined)?.email
  return typeof email === 'string' ? email : ''
}

export function staffAccountsRoutes(staffAccounts: StaffAccountService) {
  async function showPage(res: Response, status: number, problem?: { email: string; issues: ValidationError['issues'] }) {
    res.status(status).render('pages/staff/accounts', staffAccountsPageModel(await staffAccounts.listAccounts(), signedInUser(res), problem))
  }

  /** A change the service refuses (the only admin, already disabled, no such account) shows the page again, saying why. */
  const change = (work: (email: string, res: Response) => Promise<unknown>) => async (req: Request, res: Response) => {
    const email = emailOf(req)
    try {
      await work(email, res)
    } catch (error) {
      if (error instanceof ValidationError) return showPage(res, 422, { email: email.trim().toLowerCase(), issues: error.issues })
      throw error
    }
    res.redirect(303, STAFF_ACCOUNTS_PATH)
  }

  return {
    page: (_req: Request, res: Response) => showPage(res, 200),

    disable: change(async (email, res) => {
      const me = signedInUser(res)
      if (email.trim().toLowerCase() === me.email) throw ValidationError.of('email', 'You cannot disable your own account: ask another administrator')
      await staffAccounts.disableUser(email, me)
    }),

    enable: change((email, res) => staffAccounts.enableUser(email, signedInUser(res))),
  }
}
