// What our middleware puts in res.locals, typed for every handler and template.
import type { StaffUser } from '../../domain/staff-user.js'

declare global {
  namespace Express {
    interface Locals {
      /** The signed-in staff member, set by loadStaffUser; absent for respondents and anonymous visitors. */
      user?: StaffUser
      /**
       * The token for the hidden `_csrf` field of a form, set by setUpCsrf. A function, so that only a page with a
       * form makes one (and with it a session): a visitor reading pages without forms leaves no session behind.
       */
      csrfToken?: () => string
      /** Why an uploaded file was not read (it was too large), set by parseCsvUpload. */
      uploadRefusal?: string
    }
  }
}

export {}
