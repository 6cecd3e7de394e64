// The "Your sessions" page: when each session signed in and was last used, the one in use marked, a form to end each other.
import type { Formats } from '../../i18n/format.js'
import type { Translate } from '../../i18n/translate.js'
import type { StaffSession } from '../../services/staff-session-service.js'
import { END_OTHER_SESSIONS_PATH, END_SESSION_PATH } from '../paths.js'
import { ukTime } from './staff-times.js'

export function sessionsPageModel(sessions: StaffSession[], t: Translate, format: Formats, ended?: number) {
  const others = sessions.filter((s) => !s.current)
  return {
    title: t('staff:sessions.title'),
    endAction: END_SESSION_PATH,
    endOthersAction: others.length ? END_OTHER_SESSIONS_PATH : undefined,
    notice: ended === undefined ? undefined : t('staff:sessions.ended', { count: ended }),
    rows: sessions.map((s) => ({
      signedIn: ukTime(format, s.signedInAt, 'short'),
      signedInAt: new Date(s.signedInAt).toISOString(),
      lastActive: ukTime(format, s.lastActiveAt, 'short'),
      lastActiveAt: new Date(s.lastActiveAt).toISOString(),
      current: s.current,
      handle: s.current ? undefined : s.handle,
    })),
  }
}
