// Opens the database, loads and checks the questionnaires, and builds the services: shared by the server and the CLI.
import type { Clock } from './clock.js'
import type { Config } from './config.js'
import { openDatabase } from './data/database.js'
import { createRepositories } from './data/index.js'
import type { Repositories } from './data/repository-interfaces.js'
import { loadQuestionnaires } from './questionnaires/load-questionnaires.js'
import { createQuestionnaireCatalogue } from './services/questionnaire-catalogue.js'
import { createServices, type Services } from './services/index.js'
import type { StaffSecuritySettings } from './services/staff-security-settings.js'

export interface Linkscore {
  repos: Repositories
  services: Services
  /** Where the data is, for messages: a file, or a PostgreSQL host and database. */
  databaseDescription: string
}

export async function boot(
  config: Pick<Config, 'database' | 'questionnairesFolder'>,
  clock?: Clock,
  staffSecurity?: StaffSecuritySettings,
): Promise<Linkscore> {
  const loaded = loadQuestionnaires(config.questionnairesFolder)
  const database = await openDatabase(config.database)
  try {
    const repos = createRepositories(database)
    const catalogue = await createQuestionnaireCatalogue(loaded, repos.questionnaireVersions)
    return { repos, services: createServices(repos, catalogue, clock, staffSecurity), databaseDescription: database.description }
  } catch (error) {
    await database.close()
    throw error
  }
}
