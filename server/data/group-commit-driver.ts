// Group commit for SQLite: the transactions that end in one turn of the event loop are committed, and synced to disk,
// together. With synchronous = FULL every commit waits for the disk (about 2 ms on a virtual disk) and, better-sqlite3
// being synchronous, the whole server waits with it: one sync per page saved capped saves at a few hundred a second.
// Each transaction runs in a savepoint of one outer transaction, and whoever wrote is answered only once the outer
// commit is on disk, so a confirmed save is as durable as before. A transaction that fails is rolled back to its
// savepoint alone; should SQLite roll back the outer transaction itself (a full or failing disk), every writer in it is
// refused, as is every writer when the outer commit fails.
import {
  CompiledQuery,
  SelectQueryNode,
  SqliteAdapter,
  SqliteDialect,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type QueryResult,
  type SqliteDialectConfig,
} from 'kysely'

/** Transactions committed, and synced, together; `lost` when SQLite rolled them back. */
interface Batch {
  synced?: Promise<void>
  lost?: Error
}

/** One use of the one connection, from acquiring it to releasing it, and the batch its writes wait for. */
class Use implements DatabaseConnection {
  batch: Batch | undefined
  constructor(
    readonly connection: DatabaseConnection,
    private readonly openBatch: () => Batch | undefined,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // A write outside a transaction while a batch is open is in the batch: SQLite has one transaction per connection.
    if (!SelectQueryNode.is(query.query)) this.batch ??= this.openBatch()
    return this.connection.executeQuery<R>(query)
  }

  streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    return this.connection.streamQuery<R>(query, chunkSize)
  }
}

/** One holder of the connection at a time, in the order they asked. */
class Lock {
  private tail = Promise.resolve()
  acquire(): Promise<() => void> {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const turn = this.tail.then(() => release)
    this.tail = this.tail.then(() => held)
    return turn
  }
}

const SAVEPOINT = 'linkscore_group_commit'
const raw = (sql: string) => CompiledQuery.raw(sql)

class GroupCommitDriver implements Driver {
  private batch: Batch | undefined
  private readonly lock = new Lock()
  private readonly releases = new WeakMap<Use, () => void>()

  constructor(
    private readonly inner: Driver,
    /** Whether SQLite still has the outer transaction open: a disk error rolls it back by itself. */
    private readonly inTransaction: () => boolean,
  ) {}

  init(): Promise<void> {
    return this.inner.init()
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.lock.acquire()
    const use = new Use(await this.inner.acquireConnection(), () => this.batch)
    this.releases.set(use, release)
    return use
  }

  async beginTransaction(use: Use): Promise<void> {
    if (!this.batch) {
      await use.connection.executeQuery(raw('begin'))
      this.batch = {}
    }
    use.batch = this.batch
    await use.connection.executeQuery(raw(`savepoint ${SAVEPOINT}`))
  }

  async commitTransaction(use: Use): Promise<void> {
    await use.connection.executeQuery(raw(`release ${SAVEPOINT}`))
  }

  async rollbackTransaction(use: Use): Promise<void> {
    const batch = use.batch!
    use.batch = undefined
    if (!this.inTransaction()) {
      batch.lost = new Error('SQLite rolled back the transactions being committed together (a disk error): their writes were not saved')
      this.batch = undefined
      return
    }
    await use.connection.executeQuery(raw(`rollback to ${SAVEPOINT}`))
    await use.connection.executeQuery(raw(`release ${SAVEPOINT}`))
  }

  /** Lets the next use have the connection; then, for a use that wrote, waits until its writes are on disk. */
  async releaseConnection(use: Use): Promise<void> {
    await this.inner.releaseConnection(use.connection)
    this.releases.get(use)!()
    if (use.batch) await this.synced(use.batch)
  }

  /** The batch's commit, once everything already waiting for the connection has had its turn. */
  private synced(batch: Batch): Promise<void> {
    batch.synced ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.commit(batch))
    return batch.synced
  }

  private async commit(batch: Batch): Promise<void> {
    const release = await this.lock.acquire()
    const connection = await this.inner.acquireConnection()
    try {
      if (batch.lost) throw batch.lost
      if (this.batch !== batch) return
      this.batch = undefined
      await connection.executeQuery(raw('commit'))
    } catch (error) {
      if (this.inTransaction()) await connection.executeQuery(raw('rollback'))
      throw error
    } finally {
      await this.inner.releaseConnection(connection)
      release()
    }
  }

  /** Resolves once the writes made so far are on disk. */
  async settle(): Promise<void> {
    if (this.batch) await this.synced(this.batch)
  }

  async destroy(): Promise<void> {
    await this.settle()
    await this.inner.destroy()
  }
}

/** Kysely's SQLite dialect, its transactions committed in groups (see above). */
export class GroupCommitSqliteDialect extends SqliteDialect {
  private driver: GroupCommitDriver | undefined

  constructor(
    config: SqliteDialectConfig,
    private readonly inTransaction: () => boolean,
  ) {
    super(config)
  }

  override createDriver(): Driver {
    this.driver = new GroupCommitDriver(super.createDriver(), this.inTransaction)
    return this.driver
  }

  /** Resolves once the writes made so far are on disk. */
  async settle(): Promise<void> {
    await this.driver?.settle()
  }

  // The driver keeps the connection to one use at a time itself, so that a use waiting for its sync lets the next in.
  override createAdapter(): DialectAdapter {
    return new (class extends SqliteAdapter {
      override get supportsMultipleConnections() {
        return true
      }
    })()
  }
}
