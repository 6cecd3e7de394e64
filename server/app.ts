// Builds the Express application from its dependencies; it never listens (see main.ts).
import cookieParser from 'cookie-parser'
import express from 'express'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { systemClock, type Clock } from './clock.js'
import type { Config } from './config.js'
import type { Repositories } from './data/repository-interfaces.js'
import { chooseLanguage } from './middleware/choose-language.js'
import { errorHandler, notFound } from './middleware/error-handler.js'
import { layoutRenderer } from './middleware/layout-renderer.js'
import { loadStaffUser } from './middleware/load-staff-user.js'
import { noStore } from './middleware/no-store.js'
import { parseCsvUpload } from './middleware/parse-csv-upload.js'
import { requirePasswordChange } from './middleware/require-password-change.js'
import { requestLogging } from './middleware/request-logging.js'
import { setUpCsrf } from './middleware/set-up-csrf.js'
import { setUpSession } from './middleware/set-up-session.js'
import { setUpStaticAssets } from './middleware/set-up-static-assets.js'
import { setUpWebSecurity } from './middleware/set-up-web-security.js'
import { routes } from './routes/index.js'
import { EMAIL_INVITATIONS_ROUTE, PRACTICE_IMPORT_ROUTE } from './routes/paths.js'
import type { Services } from './services/index.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

export interface AppDependencies {
  config: Config
  repos: Pick<Repositories, 'sessions' | 'rateLimits'>
  services: Services
  sessionSecret: string
  /** The services' clock, for when a session was last used. */
  clock?: Clock
  log?: (...args: unknown[]) => void
}

export function createApp({ config, repos, services, sessionSecret, clock = systemClock, log }: AppDependencies): express.Express {
  const app = express()
  app.disable('x-powered-by')
  // Pages are no-store (see no-store.ts), so no browser holds a copy to revalidate: hashing each page for an ETag is waste.
  // The static assets keep theirs, from express.static.
  app.set('etag', false)
  const https = config.baseUrl.startsWith('https:')
  app.set('trust proxy', config.trustProxy)
  app.set('views', join(ROOT, 'views'))
  app.engine('ejs', layoutRenderer('layouts/main'))
  app.set('view engine', 'ejs')
  // Templates read once, in production; not left to Express, which looks at NODE_ENV itself rather than the config.
  app.set('view cache', config.production)

  app.use(setUpWebSecurity({ https }))
  // no-store: a cached "ok" would tell a monitor the server is up when it is not.
  app.get('/healthz', (_req, res) => void res.set('Cache-Control', 'no-store').json({ status: 'ok' }))
  if (config.logRequests) app.use(requestLogging())
  app.use(setUpStaticAssets(ROOT))
  app.use(noStore())
  app.use(cookieParser())
  app.use(chooseLanguage())
  app.use(express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 500 }))
  app.use(PRACTICE_IMPORT_ROUTE, parseCsvUpload())
  app.use(EMAIL_INVITATIONS_ROUTE, parseCsvUpload())
  app.use(setUpSession({ secret: sessionSecret, https, sessions: repos.sessions, clock }))
  app.use(setUpCsrf({ secret: sessionSecret, https }))
  app.use(loadStaffUser(services.signIn))
  app.use(requirePasswordChange())
  app.use(routes(services, config, repos, sessionSecret))
  app.use(notFound)
  app.use(errorHandler({ production: config.production, log }))
  return app
}
