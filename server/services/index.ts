// Builds every service once from the repositories.
import type { Repositories } from '../data/index.js'
import { createAdminService } from './admin-service.js'
import { createExportService } from './export-service.js'
import type { QuestionnaireCatalogue } from './questionnaire-catalogue.js'
import { createSurveyService, type Clock } from './survey-service.js'

export const systemClock: Clock = { now: () => new Date() }

export function createServices(repos: Repositories, catalogue: QuestionnaireCatalogue, clock: Clock = systemClock) {
  return {
    catalogue,
    survey: createSurveyService(repos, catalogue, clock),
    admin: createAdminService(repos, catalogue),
    exports: createExportService(repos, catalogue),
  }
}
export type Services = ReturnType<typeof createServices>
