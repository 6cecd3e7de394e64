// Starts the server: the only file that listens.
import { randomBytes } from 'node:crypto'
import { createApp } from './app.js'
import { boot } from './boot.js'
import { checkServable, readConfig } from './config.js'
import { seedDemo } from './demo/seed-demo.js'
import { stopGracefullyOnSignals } from './graceful-stop.js'
import { createStartUpAccounts } from './start-up-accounts.js'
import { HOUSEKEEPING_EVERY_MS } from './services/housekeeping-service.js'
import { isUserError } from './user-errors.js'

async function start(): Promise<void> {
  const config = readConfig()
  checkServable(config)
  const { repos, services, database } = await boot(config)
  if (config.demo) {
    const demo = await seedDemo(repos, services)
    if (demo) {
      console.log(`${demo.created ? 'Created' : 'Using'} "Demo programme (synthetic data)". Try the survey:`)
      console.log(`  personal invitation: ${config.baseUrl}${demo.invitationPath}`)
      console.log(`  open practice link:  ${config.baseUrl}${demo.openLinkPath}`)
    }
  }
  for (const line of await createStartUpAccounts(config, repos, services)) console.log(line)
  const sessionSecret = config.sessionSecret ?? (await repos.settings.getOrCreate('session_secret', () => randomBytes(32).toString('hex')))
  const app = createApp({ config, repos, services, sessionSecret })
  const server = app.listen(config.port, () => console.log(`Linkscore is listening on ${config.baseUrl} (${database.description})`))
  const prune = () => services.housekeeping.prune().catch((error: Error) => console.error(`Housekeeping failed: ${error.message}`))
  await prune()
  // unref: housekeeping never keeps the process alive on its own.
  const housekeeping = setInterval(() => void prune(), HOUSEKEEPING_EVERY_MS).unref()
  const release = async () => {
    clearInterval(housekeeping)
    // The scoring threads first: each holds a connection of its own to the database.
    await services.scoring.close()
    await repos.close()
  }
  stopGracefullyOnSignals({ server, timeoutMs: config.shutdownTimeoutMs, release })
}

try {
  await start()
} catch (error) {
  if (isUserError(error)) {
    console.error(`Linkscore did not start.\n${error.message}`)
    process.exit(1)
  }
  throw error
}
