import { describe, expect, it } from 'vitest'
import { checkServable, ConfigError, defaultScoringThreads, readConfig } from '../server/config.js'

/** The ConfigError readConfig throws for this environment. */
function refusal(env: NodeJS.ProcessEnv): ConfigError {
  try {
    readConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error('readConfig accepted the environment')
}

describe('configuration from the environment', () => {
  it('has defaults for the quick start', () => {
    expect(readConfig({})).toEqual({
      production: true,
      port: 3000,
      database: { kind: 'sqlite', path: 'data/linkscore.db' },
      demo: true,
      baseUrl: 'http://localhost:3000',
      questionnairesFolder: 'questionnaires',
      trustProxy: false,
      logRequests: true,
      openLinkStarts: { perAddress: { max: 30, windowMs: 600_000 }, perLink: { max: 200, windowMs: 3_600_000 } },
      adminEmail: 'admin@localhost',
      writeTimeoutMs: 30_000,
      shutdownTimeoutMs: 8_000,
      scoringThreads: defaultScoringThreads(),
    })
  })

  it.each([
    { cores: 1, threads: 1 },
    { cores: 2, threads: 1 },
    { cores: 4, threads: 3 },
    { cores: 32, threads: 4 },
  ])('scores on $threads worker threads by default with $cores cores, leaving one to the pages', ({ cores, threads }) => {
    expect(defaultScoringThreads(cores)).toBe(threads)
  })

  it('reads the scoring threads, 0 for none, and refuses what is not a whole number from 0 to 16', () => {
    expect(readConfig({ LINKSCORE_SCORING_THREADS: '0' }).scoringThreads).toBe(0)
    expect(readConfig({ LINKSCORE_SCORING_THREADS: ' 3 ' }).scoringThreads).toBe(3)
    for (const value of ['two', '1.5', '-1', '17'])
      expect(refusal({ LINKSCORE_SCORING_THREADS: value }).message).toBe(
        'Invalid environment configuration:\n  LINKSCORE_SCORING_THREADS: must be a whole number of threads from 0 to 16, such as 1 (0 scores on the thread serving pages)',
      )
  })

  it('reads the open-link start limits', () => {
    const config = readConfig({ LINKSCORE_OPEN_LINK_STARTS_PER_ADDRESS: '60', LINKSCORE_OPEN_LINK_STARTS_PER_LINK: '500' })
    expect(config.openLinkStarts).toEqual({ perAddress: { max: 60, windowMs: 600_000 }, perLink: { max: 500, windowMs: 3_600_000 } })
  })

  it('reads every setting', () => {
    const config = readConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      LINKSCORE_DB: '/var/lib/ls.db',
      LINKSCORE_DEMO: 'off',
      LINKSCORE_BASE_URL: 'https://survey.example.org/',
    })
    expect(config).toMatchObject({
      production: true,
      port: 8080,
      database: { kind: 'sqlite', path: '/var/lib/ls.db' },
      demo: false,
      baseUrl: 'https://survey.example.org',
    })
  })

  it.each(['postgres://linkscore:s3cret-pass@db.example.org:5432/linkscore', 'postgresql://linkscore@localhost/linkscore?sslmode=require'])(
    'chooses PostgreSQL when LINKSCORE_DATABASE_URL is %s, over any LINKSCORE_DB',
    (url) => {
      expect(readConfig({ LINKSCORE_DATABASE_URL: url }).database).toEqual({ kind: 'postgres', url })
      expect(readConfig({ LINKSCORE_DATABASE_URL: ` ${url} `, LINKSCORE_DB: '/var/lib/ls.db' }).database).toEqual({ kind: 'postgres', url })
    },
  )

  it.each([
    { problem: 'not a URL', url: 'postgres://linkscore:s3cret-pass@db.example.org:port/linkscore' },
    { problem: 'without a scheme', url: 'linkscore:s3cret-pass@db.example.org/linkscore' },
    { problem: 'another database', url: 'mysql://linkscore:s3cret-pass@db.example.org:3306/linkscore' },
    { problem: 'a web address', url: 'https://linkscore:s3cret-pass@db.example.org/linkscore' },
    { problem: 'no database name', url: 'postgres://linkscore:s3cret-pass@db.example.org:5432/' },
  ])('refuses a LINKSCORE_DATABASE_URL that is $problem, naming it and never showing the password', ({ url }) => {
    const { message } = refusal({ LINKSCORE_DATABASE_URL: url })
    expect(message).toMatch(/  LINKSCORE_DATABASE_URL: must be a PostgreSQL URL/)
    expect(message).not.toContain('s3cret-pass')
  })

  it('reads the session secret as given, and leaves it unset when it is not', () => {
    expect(readConfig({ LINKSCORE_SESSION_SECRET: ' a secret with spaces ' }).sessionSecret).toBe(' a secret with spaces ')
    expect(readConfig({}).sessionSecret).toBeUndefined()
  })

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ LINKSCORE_DEMO: 'maybe' }, 'LINKSCORE_DEMO'],
    [{ LINKSCORE_BASE_URL: 'ftp://x' }, 'LINKSCORE_BASE_URL'],
    [{ LINKSCORE_ADMIN_EMAIL: 'admin' }, 'LINKSCORE_ADMIN_EMAIL'],
    [{ LINKSCORE_SESSION_SECRET: '' }, 'LINKSCORE_SESSION_SECRET'],
    [{ LINKSCORE_OPEN_LINK_STARTS_PER_ADDRESS: '0' }, 'LINKSCORE_OPEN_LINK_STARTS_PER_ADDRESS'],
    [{ LINKSCORE_OPEN_LINK_STARTS_PER_LINK: 'lots' }, 'LINKSCORE_OPEN_LINK_STARTS_PER_LINK'],
    [{ LINKSCORE_SMTP_URL: 'http://mail.example.org' }, 'LINKSCORE_SMTP_URL'],
    [{ LINKSCORE_SMTP_URL: 'smtp://mail.example.org', LINKSCORE_MAIL_FROM: 'surveys' }, 'LINKSCORE_MAIL_FROM'],
    [{ LINKSCORE_SMTP_URL: 'smtp://mail.example.org' }, 'LINKSCORE_MAIL_FROM'],
  ])('names the bad setting in %o', (env, name) => {
    expect(() => readConfig(env)).toThrow(ConfigError)
    expect(() => readConfig(env)).toThrow(new RegExp(`  ${name}: `))
  })

  it('reads the SMTP server and the address mail comes from, and sends no mail when they are unset', () => {
    expect(readConfig({}).smtp).toBeUndefined()
    const env = { LINKSCORE_SMTP_URL: ' smtp://user:s3cret@mail.example.org:587 ', LINKSCORE_MAIL_FROM: 'North PCN survey <surveys@example.org>' }
    expect(readConfig(env).smtp).toEqual({ url: 'smtp://user:s3cret@mail.example.org:587', from: 'North PCN survey <surveys@example.org>' })
    expect(refusal({ LINKSCORE_SMTP_URL: 'smtp://user:s3cret@mail.example.org' }).message).toBe(
      'Invalid environment configuration:\n  LINKSCORE_MAIL_FROM: must be set when LINKSCORE_SMTP_URL is: the address invitations are sent from, such as surveys@example.org',
    )
    expect(refusal({ LINKSCORE_SMTP_URL: 'mail.example.org' }).message).not.toContain('s3cret')
  })

  it('reads the write and shutdown timeouts in seconds, fractions allowed', () => {
    expect(readConfig({ LINKSCORE_WRITE_TIMEOUT_SECONDS: '90', LINKSCORE_SHUTDOWN_TIMEOUT_SECONDS: ' 2.5 ' })).toMatchObject({
      writeTimeoutMs: 90_000,
      shutdownTimeoutMs: 2_500,
    })
  })

  it.each([
    { value: 'soon', problem: 'must be a number of seconds, such as 30' },
    { value: '', problem: 'must be a number of seconds above 0, such as 30' },
    { value: '0', problem: 'must be a number of seconds above 0, such as 30' },
    { value: '-5', problem: 'must be a number of seconds above 0, such as 30' },
    { value: '86401', problem: 'must be at most 86400 seconds (a day)' },
  ])('refuses a timeout of "$value", naming the setting', ({ value, problem }) => {
    for (const name of ['LINKSCORE_WRITE_TIMEOUT_SECONDS', 'LINKSCORE_SHUTDOWN_TIMEOUT_SECONDS']) {
      expect(refusal({ [name]: value }).message).toBe(`Invalid environment configuration:\n  ${name}: ${problem}`)
    }
  })

  it.each([
    { value: 'off', trustProxy: false },
    { value: '0', trustProxy: false },
    { value: '1', trustProxy: 1 },
    { value: ' 2 ', trustProxy: 2 },
    { value: '10.0.0.5', trustProxy: ['10.0.0.5'] },
    { value: '10.0.0.0/24, fd00::/8,loopback', trustProxy: ['10.0.0.0/24', 'fd00::/8', 'loopback'] },
  ])('reads LINKSCORE_TRUST_PROXY=$value as a hop count or proxy addresses', ({ value, trustProxy }) => {
    expect(readConfig({ LINKSCORE_TRUST_PROXY: value }).trustProxy).toEqual(trustProxy)
  })

  it.each([
    { value: 'on', problem: 'LINKSCORE_TRUST_PROXY: "on" would trust any address a client writes into X-Forwarded-For' },
    { value: '10.0.0.300', problem: 'LINKSCORE_TRUST_PROXY: "10.0.0.300" is not a number of proxies nor an IP address or range' },
    { value: '10.0.0.0/33', problem: 'LINKSCORE_TRUST_PROXY: "10.0.0.0/33" is not a number of proxies nor an IP address or range' },
    { value: '1,proxy.example.org', problem: 'LINKSCORE_TRUST_PROXY: "1" is not a number of proxies nor an IP address or range' },
  ])('refuses LINKSCORE_TRUST_PROXY=$value, saying what to set', ({ value, problem }) => {
    expect(() => readConfig({ LINKSCORE_TRUST_PROXY: value })).toThrow(problem)
  })

  it('refuses to serve an https base URL without a trusted proxy, and says what to set', () => {
    const config = readConfig({ LINKSCORE_BASE_URL: 'https://survey.example.org' })
    expect(() => checkServable(config)).toThrow(ConfigError)
    expect(() => checkServable(config)).toThrow(/LINKSCORE_TRUST_PROXY is not set.*set LINKSCORE_TRUST_PROXY=1/)
    expect(() => checkServable({ ...config, trustProxy: 1 })).not.toThrow()
    expect(() => checkServable(readConfig({}))).not.toThrow()
  })
})
