// What we keep in a session: only signed-in staff have one (with its CSRF token); respondents never do.
import 'express-session'

declare module 'express-session' {
  interface SessionData {
    /** The signed-in staff member's id; set only on a session regenerated at sign-in. */
    staffUserId?: number
    /** The account's session generation at sign-in: a later one means the account's sessions were ended. */
    staffSessionGeneration?: number
    /** When the staff member signed in (ms since the epoch), for the absolute session lifetime. */
    staffSignedInAt?: number
    /** Names this session on the "Your sessions" page, which must never show the session id itself. */
    staffSessionHandle?: string
    /** A password just made for an account (added, or reset), kept only until the page that shows it once is read. */
    /** The password sealed (routes/staff/sealed-text.ts): a session row never holds it in plain text. */
    oneTimePassword?: { email: string; password: string; added: boolean }
    /**
     * When the session's row was last written (ms since the epoch): put there by the session store as it reads the row,
     * never saved in the data, so that a request can tell whether the row's expiry needs extending.
     */
    storedActiveAt?: number
  }
}
