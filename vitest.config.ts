import { defineConfig } from 'vitest/config'

/** The suites that touch the database run a second time on PostgreSQL (LINKSCORE_TEST_DATABASE_URL; see .ci/with-postgres). */
const ON_POSTGRES = [
  'test/data/**/*.test.ts',
  'test/services/**/*.test.ts',
  'test/routes/**/*.test.ts',
  'test/middleware/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/exports/**/*.test.ts',
  'test/demo/**/*.test.ts',
  'test/start-up-accounts.test.ts',
]

// Locally without a test database the PostgreSQL project is left out, and says so; on CI it must run (and fails without one).
const postgres = Boolean(process.env.LINKSCORE_TEST_DATABASE_URL) || process.env.CI === 'true'
if (!postgres) console.warn('Skipping the PostgreSQL run of the database suites: LINKSCORE_TEST_DATABASE_URL is not set (run `.ci/with-postgres npm test`).')

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/worker-setup.ts'],
    // The benchmarks set the two databases side by side themselves, so they run in the SQLite project only.
    benchmark: { include: [] },
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'], benchmark: { include: ['test/**/*.bench.ts'] } } },
      ...(postgres
        ? [{ extends: true as const, test: { name: 'postgres', include: ON_POSTGRES, env: { NODE_ENV: 'test', LINKSCORE_TEST_DATABASE: 'postgres' } } }]
        : []),
    ],
  },
})
