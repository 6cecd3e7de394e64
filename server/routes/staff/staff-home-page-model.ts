// The staff home page: the programmes and practices this user may open.
import type { StaffUser } from '../../domain/staff-user.js'
import type { Formats } from '../../i18n/format.js'
import type { WaveSummary } from '../../services/wave-service.js'
import type { Translate } from '../../i18n/translate.js'
import { canExcludeResponses, canExport, canManagePractices, canManageWaves } from '../../services/staff-access.js'
import type { VisibleProgramme } from '../../services/staff-scope-service.js'
import {
  ACCOUNT_PASSWORD_PATH,
  ACCOUNT_SESSIONS_PATH,
  PROGRAMMES_PATH,
  STAFF_ACCOUNTS_PATH,
  comparePath,
  compareWavesPath,
  exclusionsPath,
  exportsPath,
  instrumentQualityPath,
  practicePath,
  practicesPath,
  wavesPath,
} from '../paths.js'
import { fieldworkPath } from '../waves/fieldwork-page-model.js'

/** The audit log's page (routed in routes/index.ts). */
const AUDIT_PATH = '/audit'

const DAY_MS = 86_400_000

/** An open wave in a line: until when it runs (the closing day counts), and what it has gathered so far. */
/**
 * `wholeProgramme`: the programme's totals go with it; a steering member gets the link to their own practice's
 * progress without them.
 */
export function openWaveLine({ wave, activity }: WaveSummary, programmeSlug: string, wholeProgramme: boolean, today: string, t: Translate, format: Formats) {
  const daysLeft = wave.closesOn ? Math.round((Date.parse(`${wave.closesOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS) : undefined
  const status =
    daysLeft === undefined
      ? t('staff:home.openWaves.noClose', { title: wave.title })
      : daysLeft === 0
        ? t('staff:home.openWaves.closesToday', { title: wave.title })
        : t('staff:home.openWaves.closes', { title: wave.title, date: format.date(wave.closesOn!), count: daysLeft })
  return {
    status,
    counts: wholeProgramme
      ? t('staff:home.openWaves.counts', { submitted: format.number(activity.submitted), invitations: format.number(activity.invitations) })
      : undefined,
    progress: { href: fieldworkPath(programmeSlug, wave.slug), text: t(wholeProgramme ? 'staff:home.openWaves.progress' : 'staff:home.openWaves.ownProgress') },
  }
}

/**
 * `openWaves`: each programme's open waves (for a whole programme with its totals only: no group smaller than the
 * programme is counted). `notice` after a change that sent the user here, such as a new password.
 */
export function staffHomePageModel(
  user: StaffUser,
  visible: VisibleProgramme[],
  t: Translate,
  notice?: string,
  openWaves: ReadonlyMap<number, ReturnType<typeof openWaveLine>[]> = new Map(),
) {
  return {
    title: t('staff:home.title'),
    roleName: t(`staff:roles.${user.role}`),
    canAdminister: user.role === 'admin',
    notice,
    sessionsHref: ACCOUNT_SESSIONS_PATH,
    passwordHref: ACCOUNT_PASSWORD_PATH,
    programmesHref: PROGRAMMES_PATH,
    auditHref: AUDIT_PATH,
    accountsHref: STAFF_ACCOUNTS_PATH,
    steeringHref: user.role === 'evaluator' ? STAFF_ACCOUNTS_PATH : undefined,
    programmes: visible.map(({ programme, wholeProgramme, practices }) => ({
      name: programme.name,
      demo: programme.isDemo,
      openWaves: openWaves.get(programme.id) ?? [],
      compareHref: wholeProgramme ? comparePath(programme.slug) : undefined,
      compareWavesHref: wholeProgramme ? compareWavesPath(programme.slug) : undefined,
      exportsHref: wholeProgramme && canExport(user) ? exportsPath(programme.slug) : undefined,
      instrumentQualityHref: wholeProgramme && canExport(user) ? instrumentQualityPath(programme.slug) : undefined,
      exclusionsHref: wholeProgramme && canExcludeResponses(user) ? exclusionsPath(programme.slug) : undefined,
      wavesHref: wholeProgramme && canManageWaves(user) ? wavesPath(programme.slug) : undefined,
      practicesHref: wholeProgramme && canManagePractices(user) ? practicesPath(programme.slug) : undefined,
      practices: practices.map((p) => ({ href: practicePath(programme.slug, p.code), text: p.name, code: p.code })),
    })),
  }
}
