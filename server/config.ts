// Configuration from the environment, parsed once.
import { availableParallelism } from 'node:os'
import { z } from 'zod'
import type { DatabaseTarget } from './data/database.js'
import { openLinkStartLimits, type OpenLinkStartLimits } from './survey/open-link-starts.js'
import { staffEmail } from './services/staff-email.js'
import { trustProxySetting, type TrustProxy } from './trust-proxy.js'

const flag = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no']))
  .transform((value) => ['1', 'true', 'on', 'yes'].includes(value))

// At most a day: Node's timers take no more than 2^31 ms, and treat a longer time as 1 ms.
const seconds = z.coerce
  .number({ error: 'must be a number of seconds, such as 30' })
  .refine((value) => value > 0, 'must be a number of seconds above 0, such as 30')
  .refine((value) => value <= 86_400, 'must be at most 86400 seconds (a day)')

const smtpUrl = z
  .string()
  .trim()
  .refine(isSmtpUrl, 'must be an SMTP URL such as smtp://user:password@mail.example.org:587 or smtps://mail.example.org (or leave it unset to send no e-mail)')
/** An address, alone or after a name: `surveys@example.org`, `North PCN survey <surveys@example.org>`. */
const MAIL_FROM = /^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/

const environmentSchema = z.object({
  // Production unless asked otherwise: the quick start (`npm start`) then caches its templates, as a real server does;
  // `npm run dev` asks for development (error details, templates read afresh).
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LINKSCORE_DB: z.string().min(1).default('data/linkscore.db'),
  LINKSCORE_DATABASE_URL: z
    .string()
    .trim()
    .refine(isPostgresUrl, 'must be a PostgreSQL URL such as postgres://linkscore:password@db.example.org:5432/linkscore (or leave it unset to use SQLite)')
    .optional(),
  LINKSCORE_DEMO: flag.default(true),
  LINKSCORE_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  LINKSCORE_QUESTIONNAIRES: z.string().min(1).default('questionnaires'),
  LINKSCORE_TRUST_PROXY: trustProxySetting.default(false),
  LINKSCORE_LOG_REQUESTS: flag.default(true),
  LINKSCORE_OPEN_LINK_STARTS_PER_ADDRESS: z.coerce.number().int().min(1, 'must be a whole number of at least 1').default(30),
  LINKSCORE_OPEN_LINK_STARTS_PER_LINK: z.coerce.number().int().min(1, 'must be a whole number of at least 1').default(200),
  LINKSCORE_ADMIN_EMAIL: staffEmail('must be an e-mail address, such as admin@localhost').default('admin@localhost'),
  LINKSCORE_SESSION_SECRET: z.string().min(1, 'must not be empty: leave it unset to have one generated and kept in the database').optional(),
  LINKSCORE_WRITE_TIMEOUT_SECONDS: seconds.default(30),
  LINKSCORE_SHUTDOWN_TIMEOUT_SECONDS: seconds.default(8),
  LINKSCORE_SCORING_THREADS: z.coerce
    .number({ error: 'must be a whole number of threads from 0 to 16, such as 1 (0 scores on the thread serving pages)' })
    .int('must be a whole number of threads from 0 to 16, such as 1 (0 scores on the thread serving pages)')
    .min(0, 'must be a whole number of threads from 0 to 16, such as 1 (0 scores on the thread serving pages)')
    .max(16, 'must be a whole number of threads from 0 to 16, such as 1 (0 scores on the thread serving pages)')
    .optional(),
  LINKSCORE_SMTP_URL: smtpUrl.optional(),
  LINKSCORE_MAIL_FROM: z
    .string()
    .trim()
    .regex(MAIL_FROM, 'must be an e-mail address, such as surveys@example.org or "North PCN survey <surveys@example.org>"')
    .optional(),
})

export interface Config {
  production: boolean
  port: number
  /** PostgreSQL when LINKSCORE_DATABASE_URL is set, otherwise the SQLite file LINKSCORE_DB. */
  database: DatabaseTarget
  demo: boolean
  baseUrl: string
  questionnairesFolder: string
  /** Proxies whose X-Forwarded-* headers are believed (see trust-proxy.ts). */
  trustProxy: TrustProxy
  logRequests: boolean
  /** How many surveys an open practice link starts before it answers "try again later" (see open-link-starts.ts). */
  openLinkStarts: OpenLinkStartLimits
  /** The first admin account, created at start-up when there is no admin. */
  adminEmail: string
  /** Signs session cookies; when unset, the server generates one at first start and keeps it in the database. */
  sessionSecret: string | undefined
  /** A download whose client takes nothing for this long is cut off, letting go of its database snapshot. */
  writeTimeoutMs: number
  /** How long a stopping server lets requests in progress finish before it cuts them off. */
  shutdownTimeoutMs: number
  /** Worker threads that read and score waves off the thread serving pages; 0 scores on it (see services/wave-scorer.ts). */
  scoringThreads: number
  /** Where invitations are e-mailed through, and whom from; unset, Linkscore sends no e-mail. */
  smtp: SmtpSettings | undefined
}

export interface SmtpSettings {
  url: string
  from: string
}

export class ConfigError extends Error {}

/** One core is left to the thread serving pages; at most 4, since a scorecard scores a few waves at a time. */
export function defaultScoringThreads(cores = availableParallelism()): number {
  return Math.max(1, Math.min(4, cores - 1))
}

function isSmtpUrl(value: string): boolean {
  return URL.canParse(value) && ['smtp:', 'smtps:'].includes(new URL(value).protocol) && new URL(value).hostname.length > 0
}

function isPostgresUrl(value: string): boolean {
  if (!URL.canParse(value)) return false
  const url = new URL(value)
  return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.pathname.length > 1
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid environment configuration:\n${problems.join('\n')}`)
  }
  const e = parsed.data
  if (e.LINKSCORE_SMTP_URL && !e.LINKSCORE_MAIL_FROM)
    throw new ConfigError(
      'Invalid environment configuration:\n  LINKSCORE_MAIL_FROM: must be set when LINKSCORE_SMTP_URL is: the address invitations are sent from, such as surveys@example.org',
    )
  return {
    production: e.NODE_ENV === 'production',
    port: e.PORT,
    database: e.LINKSCORE_DATABASE_URL ? { kind: 'postgres', url: e.LINKSCORE_DATABASE_URL } : { kind: 'sqlite', path: e.LINKSCORE_DB },
    demo: e.LINKSCORE_DEMO,
    baseUrl: (e.LINKSCORE_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    questionnairesFolder: e.LINKSCORE_QUESTIONNAIRES,
    trustProxy: e.LINKSCORE_TRUST_PROXY,
    logRequests: e.LINKSCORE_LOG_REQUESTS,
    openLinkStarts: openLinkStartLimits(e.LINKSCORE_OPEN_LINK_STARTS_PER_ADDRESS, e.LINKSCORE_OPEN_LINK_STARTS_PER_LINK),
    adminEmail: e.LINKSCORE_ADMIN_EMAIL,
    sessionSecret: e.LINKSCORE_SESSION_SECRET,
    writeTimeoutMs: e.LINKSCORE_WRITE_TIMEOUT_SECONDS * 1000,
    shutdownTimeoutMs: e.LINKSCORE_SHUTDOWN_TIMEOUT_SECONDS * 1000,
    scoringThreads: e.LINKSCORE_SCORING_THREADS ?? defaultScoringThreads(),
    smtp: e.LINKSCORE_SMTP_URL && e.LINKSCORE_MAIL_FROM ? { url: e.LINKSCORE_SMTP_URL, from: e.LINKSCORE_MAIL_FROM } : undefined,
  }
}

/**
 * Linkscore itself speaks plain HTTP: an https:// base URL means a TLS proxy in front, which must be trusted, or
 * every request looks insecure, no secure cookie is ever set and every form answers "This form has expired".
 */
export function checkServable(config: Pick<Config, 'baseUrl' | 'trustProxy'>): void {
  if (config.baseUrl.startsWith('https:') && config.trustProxy === false) {
    throw new ConfigError(
      `LINKSCORE_BASE_URL is ${config.baseUrl}, but LINKSCORE_TRUST_PROXY is not set. Linkscore serves plain HTTP, so the HTTPS proxy in front of it must be trusted: set LINKSCORE_TRUST_PROXY=1 for one proxy (or the proxy's address), or use an http:// base URL.`,
    )
  }
}
