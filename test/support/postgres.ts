// The test PostgreSQL database (LINKSCORE_TEST_DATABASE_URL, which .ci/with-postgres sets), and a fresh schema of it per test app.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { requireTool } from './require-tool.js'

/** The test database's URL, or undefined (with a warning) when there is none; on CI its absence fails the tests. */
export function postgresTestUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = env.LINKSCORE_TEST_DATABASE_URL
  const found = requireTool('PostgreSQL', Boolean(url), 'LINKSCORE_TEST_DATABASE_URL is not set; run the tests as `.ci/with-postgres npm test`', env)
  return found ? url : undefined
}

/** A schema of its own in the test database, and a URL whose connections use it: each test app starts empty. */
export async function createTestSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = postgresTestUrl()
  if (!base) throw new Error('PostgreSQL tests need LINKSCORE_TEST_DATABASE_URL (run them through .ci/with-postgres)')
  const schema = `t_${randomBytes(6).toString('hex')}`
  await withClient(base, (client) => client.query(`CREATE SCHEMA ${schema}`))
  const url = new URL(base)
  url.searchParams.set('options', `-c search_path=${schema}`)
  // Named after the schema, so a test can find its own connections in pg_stat_activity among other tests'.
  url.searchParams.set('application_name', schema)
  return { url: url.toString(), drop: () => withClient(base, (client) => client.query(`DROP SCHEMA ${schema} CASCADE`)).then(() => {}) }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}
