// express-rate-limit's counts kept in the app's database, so every app process on one database counts together.
import { createHash } from 'node:crypto'
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit'
import type { RateLimitRepository } from '../data/repository-interfaces.js'

export class DatabaseRateLimitStore implements Store {
  private windowMs = 60_000
  /** Counts live in the database, not in this process. */
  readonly localKeys = false

  /** `name` keeps one limit's counts apart from another's. */
  constructor(
    private readonly rateLimits: RateLimitRepository,
    private readonly name: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const found = await this.rateLimits.find(this.hashed(key), Date.now())
    return found && { totalHits: found.hits, resetTime: new Date(found.resetsAt) }
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const { hits, resetsAt } = await this.rateLimits.hit(this.hashed(key), Date.now(), this.windowMs)
    return { totalHits: hits, resetTime: new Date(resetsAt) }
  }

  decrement(key: string): Promise<void> {
    return this.rateLimits.takeBack(this.hashed(key))
  }

  resetKey(key: string): Promise<void> {
    return this.rateLimits.reset(this.hashed(key))
  }

  /** The client's address never reaches the database: only a hash of it with the limit's name. */
  private hashed(key: string): string {
    return createHash('sha256').update(`${this.name}\0${key}`).digest('hex')
  }
}
