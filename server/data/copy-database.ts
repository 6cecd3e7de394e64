// Copies every row of one Linkscore database into an empty other, SQLite or PostgreSQL either way, and proves the copy:
// the same number of rows in every table, and the same checksum of the answers.
import { createHash } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { UsageError } from '../errors.js'
import type { LinkscoreDatabase } from './database.js'
import { TABLES_IN_DEPENDENCY_ORDER } from './schema.js'

type Table = (typeof TABLES_IN_DEPENDENCY_ORDER)[number]

/** Rows are read in key order, so a copy holds them in the same order (and the same ids) as the original. */
const KEY: Record<Table, string[]> = {
  programme: ['id'],
  practice: ['id'],
  wave: ['id'],
  wave_questionnaire: ['wave_id', 'questionnaire_id'],
  practice_stage: ['practice_id', 'wave_id'],
  questionnaire_version: ['questionnaire_id', 'version'],
  questionnaire_translation: ['questionnaire_id', 'version', 'language', 'revision'],
  invitation: ['id'],
  invitation_address: ['id'],
  response: ['id'],
  saved_page: ['response_id', 'page_key'],
  answer: ['id'],
  setting: ['key'],
  session: ['sid'],
  staff_user: ['id'],
  staff_scope: ['user_id', 'programme_id', 'practice_id'],
  sign_in_failure: ['key'],
  audit_log: ['id'],
  rate_limit: ['key'],
  response_exclusion: ['id'],
  excluded_response: ['exclusion_id', 'response_id'],
  practice_action: ['id'],
  hidden_text_answer: ['response_id', 'questionnaire_id', 'item_id'],
  wave_scores_version: ['wave_id'],
  scores_change: ['wave_id', 'version', 'response_id'],
}
const WITH_IDENTITY = (Object.keys(KEY) as Table[]).filter((table) => KEY[table][0] === 'id')
/** Rows per INSERT: the answer table's 6 columns × 500 stay far below both databases' limits on parameters. */
const BATCH = 500

export interface CopyReport {
  rows: Record<Table, number>
  answersChecksum: string
}

// The tables are fixed names from the schema; Kysely's types cannot follow a table chosen at run time.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const loose = (db: Kysely<any>) => db

export async function copyDatabase(from: LinkscoreDatabase, to: LinkscoreDatabase): Promise<CopyReport> {
  await refuseUnlessSameSchema(from, to)
  await refuseUnlessEmpty(to)
  await to.db.transaction().execute(async (trx) => {
    for (const table of TABLES_IN_DEPENDENCY_ORDER) {
      let batch: Record<string, unknown>[] = []
      const flush = async () => {
        if (batch.length) await loose(trx).insertInto(table).values(batch).execute()
        batch = []
      }
      for await (const row of from.stream(orderedRows(from, table))) {
        batch.push(row as Record<string, unknown>)
        if (batch.length === BATCH) await flush()
      }
      await flush()
    }
    // Explicit ids leave PostgreSQL's identity sequences behind: the next row must get the next id, not 1.
    if (to.kind === 'postgres')
      for (const table of WITH_IDENTITY)
        await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), coalesce((SELECT max(id) FROM ${sql.table(table)}), 0) + 1, false)`.execute(trx)
  })
  const report = await describeContents(from)
  const copied = await describeContents(to)
  const differ = TABLES_IN_DEPENDENCY_ORDER.filter((table) => report.rows[table] !== copied.rows[table])
  if (differ.length || report.answersChecksum !== copied.answersChecksum)
    throw new Error(`The copy differs from the original (${differ.length ? `row counts of ${differ.join(', ')}` : 'answers checksum'})`)
  return report
}

/** Row counts per table and a SHA-256 of every answer in id order: equal for a database and its copy. */
export async function describeContents(database: LinkscoreDatabase): Promise<CopyReport> {
  const rows = {} as Record<Table, number>
  for (const table of TABLES_IN_DEPENDENCY_ORDER) {
    const { n } = await loose(database.db)
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    rows[table] = Number(n)
  }
  const hash = createHash('sha256')
  const answers = database.db.selectFrom('answer').select(['id', 'response_id', 'questionnaire_id', 'questionnaire_version', 'item_id', 'value']).orderBy('id')
  for await (const a of database.stream(answers))
    hash.update(JSON.stringify([a.id, a.response_id, a.questionnaire_id, a.questionnaire_version, a.item_id, a.value])).update('\n')
  return { rows, answersChecksum: `sha256:${hash.digest('hex')}` }
}

function orderedRows(database: LinkscoreDatabase, table: Table) {
  return KEY[table].reduce((query, column) => query.orderBy(column), loose(database.db).selectFrom(table).selectAll())
}

async function refuseUnlessSameSchema(from: LinkscoreDatabase, to: LinkscoreDatabase): Promise<void> {
  const names = async (database: LinkscoreDatabase) =>
    (await database.db.selectFrom('schema_migration').select('name').orderBy('name').execute()).map((r) => r.name).join(', ')
  const [source, target] = [await names(from), await names(to)]
  if (source !== target)
    throw new UsageError(
      `--from and --to have different schema versions (${source} against ${target}): start this version of Linkscore on each once, then copy`,
    )
}

async function refuseUnlessEmpty(to: LinkscoreDatabase): Promise<void> {
  const { rows } = await describeContents(to)
  const holding = TABLES_IN_DEPENDENCY_ORDER.filter((table) => rows[table] > 0)
  if (holding.length)
    throw new UsageError(
      `--to: the ${to.description} already holds data (${holding.map((t) => `${rows[t]} in ${t}`).join(', ')}); copy into a new, empty database`,
    )
}
