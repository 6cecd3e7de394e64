import { availableParallelism } from 'node:os'
import { configDefaults, defineConfig } from 'vitest/config'

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

/**
 * A file that changes what every later file in its process would see (an item type added to the registry for good): it
 * runs in a process of its own. The others share their worker's modules (isolate: false), since importing the server
 * afresh for each file cost more than most files' tests.
 */
const OWN_PROCESS = ['test/questionnaires/item-types/registered-item-type.test.ts']

// Locally without a test database the PostgreSQL project is left out, and says so; on CI it must run (and fails without one).
const postgres = Boolean(process.env.LINKSCORE_TEST_DATABASE_URL) || process.env.CI === 'true'
if (!postgres) console.warn('Skipping the PostgreSQL run of the database suites: LINKSCORE_TEST_DATABASE_URL is not set (run `.ci/with-postgres npm test`).')

export default defineConfig({
  test: {
    // A database or browser test spends much of its time waiting on PostgreSQL, Chromium or R: a worker per core keeps
    // the cores busy, where vitest's default (one less than the cores) ran one file at a time on a 2-core machine.
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/worker-setup.ts'],
    // The benchmarks set the two databases side by side themselves, so they run in the SQLite project only.
    benchmark: { include: [] },
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...OWN_PROCESS],
          isolate: false,
          benchmark: { include: ['test/**/*.bench.ts'] },
        },
      },
      { extends: true, test: { name: 'sqlite-own-process', include: OWN_PROCESS } },
      ...(postgres
        ? [
            {
              extends: true as const,
              test: { name: 'postgres', include: ON_POSTGRES, isolate: false, env: { NODE_ENV: 'test', LINKSCORE_TEST_DATABASE: 'postgres' } },
            },
          ]
        : []),
    ],
  },
})
