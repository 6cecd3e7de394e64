// The addresses of the app's pages, built in one place so that links, redirects and forms agree with the routes.
import type { ExportKind } from '../exports/export-kinds.js'
import type { JourneyPage } from '../survey/journey-pages.js'

/** The URL of a page with its query: undefined and empty values are left out. */
export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, value)
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

export const openLinkPath = (practiceCode: string, waveSlug: string) => `/p/${encodeURIComponent(practiceCode)}/${encodeURIComponent(waveSlug)}`

export const journeyUrl = (token: string, page?: JourneyPage | 'check-answers' | 'saved' | 'confirmation'): string => {
  if (!page) return `/r/${token}`
  if (typeof page === 'string') return `/r/${token}/${page}`
  return `/r/${token}/${page.key}`
}

export const programmePath = (slug: string) => `/programmes/${encodeURIComponent(slug)}`
export const practicePath = (slug: string, code: string) => `${programmePath(slug)}/practices/${encodeURIComponent(code)}`
/** A practice's free text as its evaluator reviews it, to hide an answer that names someone. */
export const freeTextReviewPath = (slug: string, code: string) => `${practicePath(slug, code)}/free-text`
export const comparePath = (slug: string) => `${programmePath(slug)}/compare`
/** Every row of the comparison as CSV, in the order and with the filters of the page it is linked from. */
export const compareCsvPath = (slug: string, query: Record<string, string | undefined> = {}) => withQuery(`${programmePath(slug)}/compare.csv`, query)
export const compareWavesPath = (slug: string) => `${programmePath(slug)}/compare-waves`
export const exportsPath = (programmeSlug: string) => `${programmePath(programmeSlug)}/exports`
/** `/programmes/north/instrument-quality?wave=baseline&setting=link_worker`: item statistics, for admins and evaluators. */
export const instrumentQualityPath = (slug: string, query: Record<string, string | undefined> = {}) =>
  withQuery(`${programmePath(slug)}/instrument-quality`, query)

/** `/programmes/north/exports/answers.csv?wave=baseline`. */
export const downloadPath = (programmeSlug: string, kind: ExportKind, query: Record<string, string | undefined> = {}) =>
  withQuery(`${exportsPath(programmeSlug)}/${kind}.csv`, query)

export const rScriptPath = (programmeSlug: string, query: Record<string, string | undefined> = {}) =>
  withQuery(`${exportsPath(programmeSlug)}/linkscore.R`, query)

/** The SPSS syntax (`linkscore.sps`) or Stata do-file (`linkscore.do`) reading a responses file. */
export const syntaxPath = (programmeSlug: string, format: 'spss' | 'stata', query: Record<string, string | undefined> = {}) =>
  withQuery(`${exportsPath(programmeSlug)}/linkscore.${format === 'spss' ? 'sps' : 'do'}`, query)

export const exclusionsPath = (programmeSlug: string) => `${programmePath(programmeSlug)}/exclusions`
export const restoreExclusionPath = (programmeSlug: string, id: number) => `${exclusionsPath(programmeSlug)}/${id}/restore`
/** The signed-in staff member's own sessions, and the forms that end them. */
export const ACCOUNT_SESSIONS_PATH = '/account/sessions'
export const END_SESSION_PATH = `${ACCOUNT_SESSIONS_PATH}/end`
export const END_OTHER_SESSIONS_PATH = `${ACCOUNT_SESSIONS_PATH}/end-others`

/** Every staff member's own password; after a one-time password, the only page open to them. */
export const ACCOUNT_PASSWORD_PATH = '/account/password'

export const STAFF_ACCOUNTS_PATH = '/accounts'
export const NEW_ACCOUNT_PATH = `${STAFF_ACCOUNTS_PATH}/new`
/** Where a new one-time password is shown, once. */
export const ONE_TIME_PASSWORD_PATH = `${STAFF_ACCOUNTS_PATH}/one-time-password`
export const accountRolePath = (id: number) => `${STAFF_ACCOUNTS_PATH}/${id}/role`
export const resetPasswordPath = (id: number) => `${STAFF_ACCOUNTS_PATH}/${id}/password`
export const DISABLE_ACCOUNT_PATH = `${STAFF_ACCOUNTS_PATH}/disable`
export const ENABLE_ACCOUNT_PATH = `${STAFF_ACCOUNTS_PATH}/enable`

export const PROGRAMMES_PATH = '/programmes'
export const NEW_PROGRAMME_PATH = '/programmes/new'
export const editProgrammePath = (slug: string) => `${programmePath(slug)}/edit`
export const archiveProgrammePath = (slug: string) => `${programmePath(slug)}/archive`
export const restoreProgrammePath = (slug: string) => `${programmePath(slug)}/restore`
export const wavesPath = (programmeSlug: string) => `${programmePath(programmeSlug)}/waves`
/** The form for a new wave; with `from`, filled in with that wave's questionnaires. */
export const newWavePath = (programmeSlug: string, from?: string) => withQuery(`${wavesPath(programmeSlug)}/new`, { from })
export const wavePath = (programmeSlug: string, waveSlug: string) => `${wavesPath(programmeSlug)}/${encodeURIComponent(waveSlug)}`
export const editWavePath = (programmeSlug: string, waveSlug: string) => `${wavePath(programmeSlug, waveSlug)}/edit`
export const waveStatusPath = (programmeSlug: string, waveSlug: string, change: 'open' | 'close') => `${wavePath(programmeSlug, waveSlug)}/${change}`

export const practicesPath = (programmeSlug: string) => `${programmePath(programmeSlug)}/practices`
export const newPracticePath = (programmeSlug: string) => `${practicesPath(programmeSlug)}/new`
export const editPracticePath = (programmeSlug: string, code: string) => `${practicePath(programmeSlug, code)}/edit`
export const removePracticePath = (programmeSlug: string, code: string) => `${practicePath(programmeSlug, code)}/remove`
export const importPracticesPath = (programmeSlug: string) => `${practicesPath(programmeSlug)}/import`
export const confirmImportPath = (programmeSlug: string) => `${importPracticesPath(programmeSlug)}/confirm`
export const importTemplatePath = (programmeSlug: string) => `${importPracticesPath(programmeSlug)}/template.csv`
/** The e-mail invitations page of a wave, whose form of addresses may carry a file (read by the upload middleware). */
export const EMAIL_INVITATIONS_ROUTE = '/programmes/:slug/waves/:wave/email-invitations'
/** Where the upload middleware reads multipart forms (the upload and its confirmation), ahead of the CSRF check. */
export const PRACTICE_IMPORT_ROUTE = '/programmes/:slug/practices/import'

/** The action for a priority on a practice's scorecard; the priority travels in the query, as its scale's key holds '/'. */
export const actionPath = (programmeSlug: string, code: string, ref: { wave: string; questionnaire: string; scale: string }) =>
  `${practicePath(programmeSlug, code)}/action?${new URLSearchParams({ wave: ref.wave, questionnaire: ref.questionnaire, scale: ref.scale })}`
export const removeActionPath = (programmeSlug: string, code: string, ref: { wave: string; questionnaire: string; scale: string }) =>
  `${practicePath(programmeSlug, code)}/action/remove?${new URLSearchParams({ wave: ref.wave, questionnaire: ref.questionnaire, scale: ref.scale })}`
/** The scorecard of a wave, at a questionnaire's priorities. */
export const prioritiesPath = (programmeSlug: string, code: string, wave: string, questionnaire: string) =>
  `${practicePath(programmeSlug, code)}?${new URLSearchParams({ wave })}#priorities-${questionnaire}`
