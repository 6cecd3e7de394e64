// Opens the database, loads and checks the questionnaires, and builds the services: shared by the server and the CLI.
import type { Clock } from './clock.js'
import type { Config } from './config.js'
import { openDatabase, type LinkscoreDatabase } from './data/database.js'
import { createRepositories } from './data/index.js'
import type { Repositories } from './data/repository-interfaces.js'
import { loadCompiledQuestionnaires } from './questionnaires/compiled-questionnaires.js'
import type { LoadedQuestionnaire } from './questionnaires/load-questionnaires.js'
import { createQuestionnaireCatalogue } from './services/questionnaire-catalogue.js'
import { createServices, type Services } from './services/index.js'
import { createMailSender } from './services/mail-sender.js'
import { createInlineWaveScorer, type WaveScorer } from './services/wave-scorer.js'
import { createWaveScorerPool } from './services/wave-scorer-pool.js'
import type { StaffSecuritySettings } from './services/staff-security-settings.js'

export interface Linkscore {
  repos: Repositories
  services: Services
  /** The database itself, for what no repository offers: copying it whole, and tests' own checks. */
  database: LinkscoreDatabase
}

export async function boot(
  /** Without scoringThreads (the command line), waves are scored inline: a one-off command gains nothing from threads. */
  config: Pick<Config, 'database' | 'questionnairesFolder'> &
    Partial<Pick<Config, 'smtp' | 'baseUrl' | 'scoringThreads'>> & {
      /** A command that runs once (the command line): nothing asks for its scores again, so its score exports keep none (ExportScores). */
      oneOff?: boolean
    },
  clock?: Clock,
  staffSecurity?: StaffSecuritySettings,
  /** The folder's questionnaires already loaded: tests load the repository's folders once, not for every test app. */
  alreadyLoaded?: readonly LoadedQuestionnaire[],
): Promise<Linkscore> {
  const loaded = alreadyLoaded ?? (await loadCompiledQuestionnaires(config.questionnairesFolder))
  const database = await openDatabase(config.database)
  try {
    const repos = createRepositories(database)
    const catalogue = await createQuestionnaireCatalogue(loaded, repos.questionnaireVersions)
    const mail = { sender: config.smtp ? createMailSender(config.smtp) : undefined, baseUrl: config.baseUrl ?? 'http://localhost:3000' }
    return {
      repos,
      services: createServices(repos, catalogue, clock, staffSecurity, mail, waveScorer(config, repos), config.oneOff ? 'practice by practice' : 'kept'),
      database,
    }
  } catch (error) {
    await database.close()
    throw error
  }
}

/** Worker threads when configured, except for an in-memory database, which no second connection can open. */
function waveScorer(config: Pick<Config, 'database'> & Partial<Pick<Config, 'scoringThreads'>>, repos: Repositories): WaveScorer {
  const threads = config.scoringThreads ?? 0
  const inMemory = config.database.kind === 'sqlite' && config.database.path === ':memory:'
  return threads > 0 && !inMemory ? createWaveScorerPool(config.database, threads) : createInlineWaveScorer(repos)
}
