// Builds every service once from the repositories.
import { systemClock, type Clock } from '../clock.js'
import type { Repositories } from '../data/repository-interfaces.js'
import { createAdminService } from './admin-service.js'
import { createAuditService } from './audit-service.js'
import { createExportService } from './export-service.js'
import { createReportService } from './report-service.js'
import { createScoringService } from './scoring-service.js'
import type { QuestionnaireCatalogue } from './questionnaire-catalogue.js'
import { createSignInService } from './sign-in-service.js'
import { createStaffAccountService } from './staff-account-service.js'
import { createStaffScopeService } from './staff-scope-service.js'
import { DEFAULT_STAFF_SECURITY, type StaffSecuritySettings } from './staff-security-settings.js'
import { createSurveyService } from './survey-service.js'

export function createServices(
  repos: Repositories,
  catalogue: QuestionnaireCatalogue,
  clock: Clock = systemClock,
  staffSecurity: StaffSecuritySettings = DEFAULT_STAFF_SECURITY,
) {
  const audit = createAuditService(repos, clock)
  const scoring = createScoringService(repos, catalogue)
  return {
    catalogue,
    survey: createSurveyService(repos, catalogue, clock),
    admin: createAdminService(repos, catalogue),
    exports: createExportService(repos, catalogue, scoring, clock),
    auditLog: audit,
    signIn: createSignInService(repos, audit, clock, staffSecurity),
    staffAccounts: createStaffAccountService(repos, audit, clock, staffSecurity),
    staffScope: createStaffScopeService(repos),
    scoring,
    reports: createReportService(repos, scoring),
  }
}
export type Services = ReturnType<typeof createServices>
