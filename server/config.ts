// Configuration from the environment, parsed once.
import { z } from 'zod'
import { staffEmail } from './services/staff-email.js'

const flag = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no']))
  .transform((value) => ['1', 'true', 'on', 'yes'].includes(value))

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LINKSCORE_DB: z.string().min(1).default('data/linkscore.db'),
  LINKSCORE_DEMO: flag.default(true),
  LINKSCORE_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  LINKSCORE_QUESTIONNAIRES: z.string().min(1).default('questionnaires'),
  LINKSCORE_TRUST_PROXY: flag.default(false),
  LINKSCORE_LOG_REQUESTS: flag.default(true),
  LINKSCORE_ADMIN_EMAIL: staffEmail('must be an e-mail address, such as admin@localhost').default('admin@localhost'),
  LINKSCORE_SESSION_SECRET: z.string().min(1, 'must not be empty: leave it unset to have one generated and kept in the database').optional(),
})

export interface Config {
  production: boolean
  port: number
  databasePath: string
  demo: boolean
  baseUrl: string
  questionnairesFolder: string
  trustProxy: boolean
  logRequests: boolean
  /** The first admin account, created at start-up when there is no admin. */
  adminEmail: string
  /** Signs session cookies; when unset, the server generates one at first start and keeps it in the database. */
  sessionSecret: string | undefined
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid environment configuration:\n${problems.join('\n')}`)
  }
  const e = parsed.data
  return {
    production: e.NODE_ENV === 'production',
    port: e.PORT,
    databasePath: e.LINKSCORE_DB,
    demo: e.LINKSCORE_DEMO,
    baseUrl: (e.LINKSCORE_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    questionnairesFolder: e.LINKSCORE_QUESTIONNAIRES,
    trustProxy: e.LINKSCORE_TRUST_PROXY,
    logRequests: e.LINKSCORE_LOG_REQUESTS,
    adminEmail: e.LINKSCORE_ADMIN_EMAIL,
    sessionSecret: e.LINKSCORE_SESSION_SECRET,
  }
}
