// The "Your sessions" page: when each session signed in and was last used, the one in use marked, a form to end each other.
import type { StaffSession } from '../../services/staff-session-service.js'
import { END_OTHER_SESSIONS_PATH, END_SESSION_PATH } from '../paths.js'

const WHEN = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' })

export function sessionsPageModel(sessions: StaffSession[], ended?: number) {
  const others = sessions.filter((s) => !s.current)
  return {
    title: 'Your sessions',
    endAction: END_SESSION_PATH,
    endOthersAction: others.length ? END_OTHER_SESSIONS_PATH : undefined,
    notice: ended === undefined ? undefined : ended === 1 ? '1 session has been ended.' : `${ended} sessions have been ended.`,
    rows: sessions.map((s) => ({
      signedIn: WHEN.format(new Date(s.signedInAt)),
      signedInAt: new Date(s.signedInAt).toISOString(),
      lastActive: WHEN.format(new Date(s.lastActiveAt)),
      lastActiveAt: new Date(s.lastActiveAt).toISOString(),
      current: s.current,
      handle: s.current ? undefined : s.handle,
    })),
  }
}
