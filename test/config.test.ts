import { describe, expect, it } from 'vitest'
import { ConfigError, readConfig } from '../server/config.js'

describe('configuration from the environment', () => {
  it('has defaults for the quick start', () => {
    expect(readConfig({})).toEqual({
      production: false,
      port: 3000,
      databasePath: 'data/linkscore.db',
      demo: true,
      baseUrl: 'http://localhost:3000',
      questionnairesFolder: 'questionnaires',
      trustProxy: false,
      logRequests: true,
      adminEmail: 'admin@localhost',
    })
  })

  it('reads every setting', () => {
    const config = readConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      LINKSCORE_DB: '/var/lib/ls.db',
      LINKSCORE_DEMO: 'off',
      LINKSCORE_BASE_URL: 'https://survey.example.org/',
    })
    expect(config).toMatchObject({ production: true, port: 8080, databasePath: '/var/lib/ls.db', demo: false, baseUrl: 'https://survey.example.org' })
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
  ])('names the bad setting in %o', (env, name) => {
    expect(() => readConfig(env)).toThrow(ConfigError)
    expect(() => readConfig(env)).toThrow(new RegExp(`  ${name}: `))
  })
})
