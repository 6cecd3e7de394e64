// What our middleware puts in res.locals, typed for every handler and template.
import type { StaffUser } from '../../domain/staff-user.js'
import type { Formats } from '../../i18n/format.js'
import type { Language } from '../../i18n/languages.js'
import type { Html, Message, MessageKey, Translate } from '../../i18n/translate.js'

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
      uploadRefusal?: Message
      /** The page's language and its messages and formats, set by chooseLanguage (and useLanguage on a response's pages). */
      language: Language
      lang: Language
      t: Translate
      tHtml: (key: MessageKey, values?: Record<string, unknown>) => string
      /** A text written in another language than the page's, as a value for tHtml: marked with its `lang`. */
      inLanguage: (text: string, written: Language) => string | Html
      format: Formats
      otherLanguages: { language: Language; name: string }[]
      /** False on pages that must keep one language (a response's pages): the header then offers no other. */
      languageChoice?: boolean
      currentPath: string
    }
  }
}

export {}
