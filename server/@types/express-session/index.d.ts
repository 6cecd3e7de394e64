// What we keep in a session. Respondents' sessions hold only the CSRF token.
import 'express-session'

declare module 'express-session' {
  interface SessionData {
    /** The signed-in staff member's id; set only on a session regenerated at sign-in. */
    staffUserId?: number
  }
}
