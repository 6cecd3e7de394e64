// Opens the database, loads and checks the questionnaires, and builds the services: shared by the server and the CLI.
import type { Clock } from './clock.js'
import type { Config } from './config.js'
import { openDatabase } from './data/database.js'
import { createRepositories } from './data/index.js'
import { loadQuestionnaires } from './questionnaires/load-questionnaires.js'
import { createQuestionnaireCatalogue } from './services/questionnaire-catalogue.js'
import { createServices } from './services/index.js'
import type { StaffSecuritySettings } from './services/staff-security-settings.js'

export function boot(config: Pick<Config, 'databasePath' | 'questionnairesFolder'>, clock?: Clock, staffSecurity?: StaffSecuritySettings) {
  const loaded = loadQuestionnaires(config.questionnairesFolder)
  const db = openDatabase(config.databasePath)
  try {
    const repos = createRepositories(db)
    const catalogue = createQuestionnaireCatalogue(loaded, repos.questionnaireVersions)
    return { repos, services: createServices(repos, catalogue, clock, staffSecurity) }
  } catch (error) {
    db.close()
    throw error
  }
}
export type Linkscore = ReturnType<typeof boot>
