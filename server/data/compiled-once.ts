// Kysely builds every query as a tree of frozen nodes and compiles it to SQL each time it runs: for the queries run on
// every page a respondent saves, that was a fifth of the server's CPU. Such a query is built and compiled here once per
// database and shape, with stand-ins for its values; each run only puts the values in the stand-ins' places, so the
// database is sent exactly the SQL and parameters that building it afresh would give.
import type { Compilable, CompiledQuery, DialectAdapter, Kysely, QueryResult } from 'kysely'
import type { Schema } from './schema.js'

/** Compiled shapes kept per query and database. */
const SHAPES_KEPT = 256

/** Where a value goes: the position of its leaf in the values, read in order. */
class StandIn {
  constructor(readonly leaf: number) {}
}

type Leaf = string | number | boolean | bigint
/** Values a query is built from: leaves, or arrays and plain objects of them (an IN list, the rows of an insert). */
export type QueryValues = Leaf | null | undefined | readonly QueryValues[] | { readonly [key: string]: QueryValues }

const isStandIn = (value: unknown): value is StandIn => value instanceof StandIn

/**
 * The values' leaves in order, and a key that differs wherever building could differ: an array's length, an object's
 * keys, and where null and undefined stand (Kysely leaves an undefined column out of an insert, so they stay as given).
 */
function flatten(values: QueryValues, leaves: unknown[]): string {
  if (values === null) return 'n'
  if (values === undefined) return 'u'
  if (Array.isArray(values)) return `[${values.map((v: QueryValues) => flatten(v, leaves)).join(',')}]`
  if (typeof values === 'object') return `{${Object.keys(values).map((k) => `${k}:${flatten((values as Record<string, QueryValues>)[k], leaves)}`)}}`
  leaves.push(values)
  return '.'
}

/** The values with each leaf replaced by its stand-in, for building the query once. */
function standIns(values: QueryValues, next: { leaf: number }): unknown {
  if (values === null || values === undefined) return values
  if (Array.isArray(values)) return values.map((v: QueryValues) => standIns(v, next))
  if (typeof values === 'object') return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, standIns(v, next)]))
  return new StandIn(next.leaf++)
}

/**
 * A query built by `build` from `values`, compiled once for each database and shape of values. `build` must make the
 * query from `values` alone and put them only where Kysely sends values as parameters (a comparison, an IN list, an
 * insert's or update's values), never test or compute with them: it is given stand-ins, not the values themselves.
 */
export function compiledOnce<V extends QueryValues, Row>(build: (db: Kysely<Schema>, values: V) => Compilable<Row>) {
  const byDatabase = new WeakMap<DialectAdapter, Map<string, CompiledQuery<Row>>>()

  /** Its parameters are stand-ins, or constants the query itself holds. */
  function compile(db: Kysely<Schema>, values: V, shape: string): CompiledQuery<Row> {
    const adapter = db.getExecutor().adapter
    let byShape = byDatabase.get(adapter)
    if (!byShape) byDatabase.set(adapter, (byShape = new Map()))
    let found = byShape.get(shape)
    if (!found) {
      // Shapes are few (an IN list as long as a page's items), but never kept without bound.
      if (byShape.size >= SHAPES_KEPT) byShape.clear()
      found = build(db, standIns(values, { leaf: 0 }) as V).compile()
      byShape.set(shape, found)
    }
    return found
  }

  return async function run(db: Kysely<Schema>, values: V): Promise<QueryResult<Row>> {
    const leaves: unknown[] = []
    const compiled = compile(db, values, flatten(values, leaves))
    return db.executeQuery<Row>({ ...compiled, parameters: compiled.parameters.map((p) => (isStandIn(p) ? leaves[p.leaf] : p)) })
  }
}
