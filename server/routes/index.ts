// Every route of the app, in one readable list.
import { Router } from 'express'
import type { Config } from '../config.js'
import type { Repositories } from '../data/repository-interfaces.js'
import { limitCodeTries } from '../middleware/limit-code-tries.js'
import { limitOpenLinkStarts } from '../middleware/limit-open-link-starts.js'
import { requireStaff } from '../middleware/require-staff.js'
import { canAdminister, canExcludeResponses, canExport, canManageAccounts, canManagePractices, canManageWaves } from '../services/staff-access.js'
import type { Services } from '../services/index.js'
import { actionRoutes } from './actions/action-routes.js'
import { exclusionRoutes } from './exclusions/exclusion-routes.js'
import { exportRoutes } from './exports/export-routes.js'
import { homeRoutes } from './home-routes.js'
import { languageRoutes } from './language-routes.js'
import {
  ACCOUNT_PASSWORD_PATH,
  ACCOUNT_SESSIONS_PATH,
  END_OTHER_SESSIONS_PATH,
  EMAIL_INVITATIONS_ROUTE,
  END_SESSION_PATH,
  NEW_ACCOUNT_PATH,
  ONE_TIME_PASSWORD_PATH,
  STAFF_ACCOUNTS_PATH,
} from './paths.js'
import { practiceRoutes } from './practices/practice-routes.js'
import { programmeRoutes } from './programmes/programme-routes.js'
import { instrumentQualityRoutes } from './reports/instrument-quality-routes.js'
import { reportRoutes } from './reports/report-routes.js'
import { accountRoutes } from './staff/account-routes.js'
import { deviceCookies } from './staff/device-cookie.js'
import { passwordRoutes } from './staff/password-routes.js'
import { signInRoutes } from './staff/sign-in-routes.js'
import { staffAccountsRoutes } from './staff/staff-accounts-routes.js'
import { staffRoutes } from './staff/staff-routes.js'
import { CODE_PATH, codeRoutes } from './survey/code-routes.js'
import { journeyRoutes } from './survey/journey-routes.js'
import { startRoutes } from './survey/start-routes.js'
import { emailInvitationRoutes } from './waves/email-invitation-routes.js'
import { fieldworkRoutes } from './waves/fieldwork-routes.js'
import { freeTextRoutes } from './free-text/free-text-routes.js'
import { invitationListRoutes } from './waves/invitation-list-routes.js'
import { invitationRoutes } from './waves/invitation-routes.js'
import { letterRoutes } from './waves/letter-routes.js'
import { waveRoutes } from './waves/wave-routes.js'

export function routes(services: Services, config: Config, { rateLimits }: Pick<Repositories, 'rateLimits'>, sessionSecret: string): Router {
  const router = Router()
  const home = homeRoutes(services, config)
  const language = languageRoutes({ https: config.baseUrl.startsWith('https:') })
  const start = startRoutes(services.survey, config)
  const journey = journeyRoutes(services.survey, config)
  const code = codeRoutes(services.invitations)
  const signIn = signInRoutes(services.signIn, deviceCookies({ secret: sessionSecret, https: config.baseUrl.startsWith('https:') }))
  const staff = staffRoutes(services.staffScope, services.auditLog, services.waves)
  const account = accountRoutes(services.staffSessions)
  const password = passwordRoutes(services.passwordChange)
  const staffAccounts = staffAccountsRoutes(services.staffAccounts, services.staffScope, `${config.baseUrl}/sign-in`, sessionSecret)
  const exportPages = exportRoutes(services.staffScope, services.exports, services.auditLog, config)
  const reports = reportRoutes(services.staffScope, services.reports, services.auditLog, config)
  const instrumentQuality = instrumentQualityRoutes(services.staffScope, services.instrumentQuality)
  const programmes = programmeRoutes(services.programmes)
  const exclusions = exclusionRoutes(services.staffScope, services.exclusions)
  const waves = waveRoutes(services.staffScope, services.waves, services.catalogue)
  const letters = letterRoutes(services.staffScope, services.waves, services.practices, services.invitations, services.auditLog, config)
  const invitationForm = invitationRoutes(services.staffScope, services.waves, services.practices, services.invitations)
  const emailInvitations = emailInvitationRoutes(services.staffScope, services.waves, services.practices, services.emailInvitations)
  const fieldwork = fieldworkRoutes(services.staffScope, services.waves, services.invitations)
  const invitationList = invitationListRoutes(services.staffScope, services.waves, services.invitations, services.auditLog, config)
  const practices = practiceRoutes(services.staffScope, services.practices)
  const actions = actionRoutes(services.staffScope, services.actions, services.catalogue)
  const freeText = freeTextRoutes(services.staffScope, services.reports, services.freeText)

  router.get('/', home.index)
  router.get('/privacy', home.privacy)
  router.get('/accessibility', home.accessibility)
  router.get('/language', language.choose)

  router.get(CODE_PATH, code.show)
  router.post(CODE_PATH, limitCodeTries(rateLimits), code.submit)
  router.get('/s/:token', start.showInvitation)
  router.post('/s/:token', start.startInvitation)
  router.get('/p/:practiceCode/:waveSlug', start.showOpenLink)
  router.post('/p/:practiceCode/:waveSlug', limitOpenLinkStarts(config.openLinkStarts, rateLimits, start.tooManyStarts), start.startOpenLink)

  router.get('/r/:token', journey.resume)
  router.get('/r/:token/about-you', journey.showAboutYou)
  router.post('/r/:token/about-you', journey.saveAboutYou)
  router.get('/r/:token/check-answers', journey.showCheckAnswers)
  router.post('/r/:token/check-answers', journey.submit)
  router.get('/r/:token/saved', journey.showSaved)
  router.get('/r/:token/confirmation', journey.showConfirmation)
  router.get('/r/:token/:questionnaireId/:sectionId', journey.showSection)
  router.post('/r/:token/:questionnaireId/:sectionId', journey.saveSection)

  router.get('/sign-in', signIn.show)
  router.post('/sign-in', signIn.signIn)
  router.post('/sign-out', signIn.signOut)
  router.get('/staff', requireStaff(), staff.home)
  router.get('/audit', requireStaff(canAdminister), staff.audit)
  router.get(STAFF_ACCOUNTS_PATH, requireStaff(canManageAccounts), staffAccounts.page)
  router.get(NEW_ACCOUNT_PATH, requireStaff(canManageAccounts), staffAccounts.newForm)
  router.post(NEW_ACCOUNT_PATH, requireStaff(canManageAccounts), staffAccounts.create)
  router.get(ONE_TIME_PASSWORD_PATH, requireStaff(canManageAccounts), staffAccounts.oneTimePassword)
  router.get('/accounts/:id/role', requireStaff(canManageAccounts), staffAccounts.roleForm)
  router.post('/accounts/:id/role', requireStaff(canManageAccounts), staffAccounts.changeRole)
  router.get('/accounts/:id/password', requireStaff(canManageAccounts), staffAccounts.confirmReset)
  router.post('/accounts/:id/password', requireStaff(canManageAccounts), staffAccounts.reset)
  router.post('/accounts/disable', requireStaff(canManageAccounts), staffAccounts.disable)
  router.post('/accounts/enable', requireStaff(canManageAccounts), staffAccounts.enable)
  router.get(ACCOUNT_PASSWORD_PATH, requireStaff(), password.show)
  router.post(ACCOUNT_PASSWORD_PATH, requireStaff(), password.change)
  router.get(ACCOUNT_SESSIONS_PATH, requireStaff(), account.sessions)
  router.post(END_SESSION_PATH, requireStaff(), account.endOne)
  router.post(END_OTHER_SESSIONS_PATH, requireStaff(), account.endOthers)
  router.get('/programmes', requireStaff(canAdminister), programmes.list)
  router.post('/programmes', requireStaff(canAdminister), programmes.create)
  router.get('/programmes/new', requireStaff(canAdminister), programmes.showNew)
  router.get('/programmes/:slug/edit', requireStaff(canAdminister), programmes.showEdit)
  router.post('/programmes/:slug/edit', requireStaff(canAdminister), programmes.edit)
  router.get('/programmes/:slug/archive', requireStaff(canAdminister), programmes.confirmArchive)
  router.post('/programmes/:slug/archive', requireStaff(canAdminister), programmes.archive)
  router.post('/programmes/:slug/restore', requireStaff(canAdminister), programmes.restore)
  router.get('/programmes/:slug/exports', requireStaff(canExport), exportPages.page)
  router.get('/programmes/:slug/exports/linkscore.R', requireStaff(canExport), exportPages.rScript)
  router.get('/programmes/:slug/exports/linkscore.sps', requireStaff(canExport), exportPages.spssSyntax)
  router.get('/programmes/:slug/exports/linkscore.do', requireStaff(canExport), exportPages.stataSyntax)
  router.get('/programmes/:slug/exports/:kind.csv', requireStaff(canExport), exportPages.download)
  router.get('/programmes/:slug/exclusions', requireStaff(canExcludeResponses), exclusions.page)
  router.post('/programmes/:slug/exclusions', requireStaff(canExcludeResponses), exclusions.exclude)
  router.post('/programmes/:slug/exclusions/:id/restore', requireStaff(canExcludeResponses), exclusions.restore)
  router.get('/programmes/:slug/waves', requireStaff(canManageWaves), waves.list)
  router.post('/programmes/:slug/waves', requireStaff(canManageWaves), waves.create)
  router.get('/programmes/:slug/waves/new', requireStaff(canManageWaves), waves.newForm)
  router.get('/programmes/:slug/waves/:wave/edit', requireStaff(canManageWaves), waves.editForm)
  router.post('/programmes/:slug/waves/:wave/edit', requireStaff(canManageWaves), waves.edit)
  router.get('/programmes/:slug/waves/:wave/open', requireStaff(canManageWaves), waves.confirmOpen)
  router.post('/programmes/:slug/waves/:wave/open', requireStaff(canManageWaves), waves.open)
  router.get('/programmes/:slug/waves/:wave/close', requireStaff(canManageWaves), waves.confirmClose)
  router.post('/programmes/:slug/waves/:wave/close', requireStaff(canManageWaves), waves.close)
  // Steering members too, for their own practices (the scope service decides, 404 otherwise).
  router.get('/programmes/:slug/waves/:wave/fieldwork', requireStaff(), fieldwork.page)
  router.get('/programmes/:slug/waves/:wave/invitations/new', requireStaff(canManageWaves), invitationForm.newForm)
  router.post('/programmes/:slug/waves/:wave/invitations', requireStaff(canManageWaves), invitationForm.create)
  router.get(EMAIL_INVITATIONS_ROUTE, requireStaff(canManageWaves), emailInvitations.page)
  router.post(EMAIL_INVITATIONS_ROUTE, requireStaff(canManageWaves), emailInvitations.send)
  router.post(`${EMAIL_INVITATIONS_ROUTE}/remind`, requireStaff(canManageWaves), emailInvitations.remind)
  router.post(`${EMAIL_INVITATIONS_ROUTE}/delete`, requireStaff(canManageWaves), emailInvitations.deleteAddresses)
  router.get('/programmes/:slug/waves/:wave/invitations.csv', requireStaff(canManageWaves), invitationList.download)
  router.get('/programmes/:slug/waves/:wave/letters', requireStaff(canManageWaves), letters.letters)
  router.get('/programmes/:slug/waves/:wave/posters', requireStaff(canManageWaves), letters.posters)
  // Before the scorecard at /practices/:code, which would otherwise take "new" and "import" for practice codes.
  router.get('/programmes/:slug/practices', requireStaff(canManagePractices), practices.list)
  router.post('/programmes/:slug/practices', requireStaff(canManagePractices), practices.create)
  router.get('/programmes/:slug/practices/new', requireStaff(canManagePractices), practices.newForm)
  router.get('/programmes/:slug/practices/import', requireStaff(canManagePractices), practices.importForm)
  router.post('/programmes/:slug/practices/import', requireStaff(canManagePractices), practices.preview)
  router.post('/programmes/:slug/practices/import/confirm', requireStaff(canManagePractices), practices.confirm)
  router.get('/programmes/:slug/practices/import/template.csv', requireStaff(canManagePractices), practices.template)
  router.get('/programmes/:slug/practices/:code/edit', requireStaff(canManagePractices), practices.editForm)
  router.post('/programmes/:slug/practices/:code/edit', requireStaff(canManagePractices), practices.edit)
  router.get('/programmes/:slug/practices/:code/remove', requireStaff(canManagePractices), practices.confirmRemove)
  router.post('/programmes/:slug/practices/:code/remove', requireStaff(canManagePractices), practices.remove)
  router.get('/programmes/:slug/practices/:code', requireStaff(), reports.scorecard)
  // A practice's free text for its evaluators and admins to review (the route decides, 404 otherwise).
  router.get('/programmes/:slug/practices/:code/free-text', requireStaff(), freeText.page)
  router.post('/programmes/:slug/practices/:code/free-text/hide', requireStaff(), freeText.hide)
  router.post('/programmes/:slug/practices/:code/free-text/show', requireStaff(), freeText.show)
  // A scorecard priority's action: whoever sees the practice's scorecard (the scope service decides, 404 otherwise).
  router.get('/programmes/:slug/practices/:code/action', requireStaff(), actions.form)
  router.post('/programmes/:slug/practices/:code/action', requireStaff(), actions.save)
  router.get('/programmes/:slug/practices/:code/action/remove', requireStaff(), actions.confirmRemove)
  router.post('/programmes/:slug/practices/:code/action/remove', requireStaff(), actions.remove)
  router.get('/programmes/:slug/compare', requireStaff(), reports.compare)
  router.get('/programmes/:slug/compare.csv', requireStaff(), reports.compareCsv)
  router.get('/programmes/:slug/compare-waves', requireStaff(), reports.compareWaves)
  // Item statistics, like exports: admins and the programme's evaluators, never steering members.
  router.get('/programmes/:slug/instrument-quality', requireStaff(canExport), instrumentQuality.page)

  return router
}
