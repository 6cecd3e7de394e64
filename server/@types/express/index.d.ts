// What our middleware puts in res.locals, typed for every handler and template.
import type { StaffUser } from '../../domain/staff-user.js'

declare global {
  namespace Express {
    interface Locals {
      /** The signed-in staff member, set by loadStaffUser; absent for respondents and anonymous visitors. */
      user?: StaffUser
      /** For the hidden `_csrf` field of every form, set by setUpCsrf. */
      csrfToken?: string
    }
  }
}

export {}
