import type { Options, Store } from 'express-rate-limit';
import { createRateLimitStore } from '@sanxiang/shared';
import type { TDb } from './prisma-client';

/**
 * express-rate-limit's store over the service kit's PostgreSQL counters (`RateLimitHit`), so every
 * disclosure process counts against one limit. One instance per limiter (its `prefix` keeps the
 * limiters' keys apart).
 */
export class PostgresRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;
  private readonly store;

  constructor(
    db: TDb,
    readonly prefix: string,
  ) {
    this.store = createRateLimitStore(db);
  }

  init(options: Options) {
    this.windowMs = options.windowMs;
  }

  async get(key: string) {
    const count = await this.store.peek(this.prefix + key);
    return count ? { totalHits: count.hits, resetTime: count.resetAt } : undefined;
  }

  async increment(key: string) {
    const count = await this.store.hit(this.prefix + key, this.windowMs);
    return { totalHits: count.hits, resetTime: count.resetAt };
  }

  async decrement(key: string) {
    await this.store.undo(this.prefix + key);
  }

  async resetKey(key: string) {
    await this.store.reset(this.prefix + key);
  }
}
