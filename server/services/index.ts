// Builds every service once, each from the repositories it uses and nothing more.
import { systemClock, type Clock } from '../clock.js'
import type { Repositories } from '../data/repository-interfaces.js'
import { createActionService } from './action-service.js'
import { createAdminService } from './admin-service.js'
import { createAuditService } from './audit-service.js'
import { createExclusionService } from './exclusion-service.js'
import { createEmailInvitationService, type MailSettings } from './email-invitation-service.js'
import { createExportService, type ExportScores } from './export-service.js'
import { createFreeTextService } from './free-text-service.js'
import { createInvitationService } from './invitation-service.js'
import { createHousekeepingService } from './housekeeping-service.js'
import { createPracticeService } from './practice-service.js'
import { createPasswordChangeService } from './password-change-service.js'
import { createInstrumentQualityService } from './instrument-quality-service.js'
import { createProgrammeService } from './programme-service.js'
import { createReportService } from './report-service.js'
import { createScoringService } from './scoring-service.js'
import { createScoreCache } from './score-cache.js'
import { createInlineWaveScorer, type WaveScorer } from './wave-scorer.js'
import type { QuestionnaireCatalogue } from './questionnaire-catalogue.js'
import { createSignInService } from './sign-in-service.js'
import { createStaffAccountService } from './staff-account-service.js'
import { createStaffSessionService } from './staff-session-service.js'
import { createStaffScopeService } from './staff-scope-service.js'
import { DEFAULT_STAFF_SECURITY, type StaffSecuritySettings } from './staff-security-settings.js'
import { createSurveyService } from './survey-service.js'
import { createWaveService } from './wave-service.js'

/** Without an SMTP server, nothing is e-mailed. */
const NO_MAIL: MailSettings = { sender: undefined, baseUrl: 'http://localhost:3000' }

export function createServices(
  repos: Repositories,
  catalogue: QuestionnaireCatalogue,
  clock: Clock = systemClock,
  staffSecurity: StaffSecuritySettings = DEFAULT_STAFF_SECURITY,
  mail: MailSettings = NO_MAIL,
  scorer: WaveScorer = createInlineWaveScorer(repos),
  exportScores: ExportScores = 'kept',
) {
  const { programmes, practices, waves, invitations, responses, exports, staffUsers, signInFailures, auditLog, reports, sessions } = repos
  const audit = createAuditService({ auditLog }, clock)
  const cache = createScoreCache()
  const scoring = createScoringService({ scoring: repos.scoring, exports }, catalogue, cache, scorer)
  return {
    catalogue,
    survey: createSurveyService(
      { programmes, practices, waves, invitations, responses, invitationAddresses: repos.invitationAddresses },
      catalogue,
      clock,
      audit,
    ),
    admin: createAdminService({ programmes, practices, waves, invitations }, catalogue),
    invitations: createInvitationService(repos, clock),
    emailInvitations: createEmailInvitationService(repos, clock, mail),
    exports: createExportService({ programmes, practices, waves, exports, actions: repos.actions }, catalogue, scoring, clock, exportScores),
    auditLog: audit,
    signIn: createSignInService({ staffUsers, signInFailures }, audit, clock, staffSecurity),
    staffAccounts: createStaffAccountService({ programmes, practices, staffUsers, signInFailures, sessions }, audit, clock, staffSecurity),
    passwordChange: createPasswordChangeService({ staffUsers, sessions }, audit, staffSecurity),
    staffSessions: createStaffSessionService({ sessions }, audit, clock, staffSecurity),
    staffScope: createStaffScopeService({ programmes, practices }),
    scoring,
    instrumentQuality: createInstrumentQualityService({ waves }, scoring),
    reports: createReportService({ practices, waves, reports, actions: repos.actions, fieldwork: repos.fieldwork, scoring: repos.scoring }, scoring, cache),
    exclusions: createExclusionService(repos, clock),
    programmes: createProgrammeService(repos, clock),
    practices: createPracticeService(repos, clock),
    waves: createWaveService(repos, catalogue, clock),
    actions: createActionService(repos, catalogue, clock),
    freeText: createFreeTextService(repos, clock),
    housekeeping: createHousekeepingService({ sessions, signInFailures, rateLimits: repos.rateLimits, auditLog }, clock),
  }
}
export type Services = ReturnType<typeof createServices>
