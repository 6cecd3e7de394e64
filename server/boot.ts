// Opens the database, loads and checks the questionnaires, and builds the services: shared by the server and the CLI.
import type { Clock } from './clock.js'
import type { Config } from './config.js'
import { openDatabase, type LinkscoreDatabase } from './data/database.js'
import { createRepositories } from './data/index.js'
import type { Repositories } from './data/repository-interfaces.js'
import { loadQuestionnaires } from './questionnaires/load-questionnaires.js'
import { createQuestionnaireCatalogue } from './services/questionnaire-catalogue.js'
import { createServices, type Services } from './services/index.js'
import { createMailSender } from './services/mail-sender.js'
import type { StaffSecuritySettings } from './services/staff-security-settings.js'

export interface Linkscore {
  repos: Repositories
  services: Services
  /** The database itself, for what no repository offers: copying it whole, and tests' own checks. */
  database: LinkscoreDatabase
}

export async function boot(
  config: Pick<Config, 'database' | 'questionnairesFolder'> & Partial<Pick<Config, 'smtp' | 'baseUrl'>>,
  clock?: Clock,
  staffSecurity?: StaffSecuritySettings,
): Promise<Linkscore> {
  const loaded = loadQuestionnaires(config.questionnairesFolder)
  const database = await openDatabase(config.database)
  try {
    const repos = createRepositories(database)
    const catalogue = await createQuestionnaireCatalogue(loaded, repos.questionnaireVersions)
    const mail = { sender: config.smtp ? createMailSender(config.smtp) : undefined, baseUrl: config.baseUrl ?? 'http://localhost:3000' }
    return { repos, services: createServices(repos, catalogue, clock, staffSecurity, mail), database }
  } catch (error) {
    await database.close()
    throw error
  }
}
