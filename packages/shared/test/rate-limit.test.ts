import { createScratchDatabase, type TScratchDatabase } from '@sanxiang/testing';
import { createRateLimitStore, retryAfterSeconds } from '../src/kit';

// The kit's rate-limit counters on a real PostgreSQL: windows, two processes counting one key at
// once, undo/reset/prune. The clock is given, so window ends are exact (no waiting).
const table = `CREATE TABLE "RateLimitHit" ("key" TEXT PRIMARY KEY, "hits" INTEGER NOT NULL, "resetAt" TIMESTAMPTZ(3) NOT NULL)`;
let scratch: TScratchDatabase;
let at = new Date('2026-12-02T02:00:00.000Z');
const clock = () => at;

beforeAll(async () => {
  scratch = await createScratchDatabase(table);
});
afterAll(async () => {
  await scratch.drop();
});
beforeEach(async () => {
  at = new Date('2026-12-02T02:00:00.000Z');
  await scratch.db.$executeRawUnsafe(`TRUNCATE "RateLimitHit"`);
});

describe('rate-limit store', () => {
  it('counts hits in a fixed window and starts again after it ends', async () => {
    const store = createRateLimitStore(scratch.db, { now: clock });
    expect(await store.hit('k', 60_000)).toEqual({ hits: 1, resetAt: new Date('2026-12-02T02:01:00.000Z') });
    at = new Date('2026-12-02T02:00:59.999Z');
    expect((await store.hit('k', 60_000)).hits).toBe(2);
    expect(retryAfterSeconds((await store.peek('k'))!.resetAt, at)).toBe(1);
    at = new Date('2026-12-02T02:01:00.000Z');
    expect(await store.peek('k')).toBeUndefined();
    expect(await store.hit('k', 60_000)).toEqual({ hits: 1, resetAt: new Date('2026-12-02T02:02:00.000Z') });
  });

  it('counts every hit of two processes at once', async () => {
    const other = scratch.connect(); // ended by scratch.drop()
    {
      const a = createRateLimitStore(scratch.db, { now: clock });
      const b = createRateLimitStore(other, { now: clock });
      const counts = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).hit('shared', 60_000)),
      );
      expect(counts.map((c) => c.hits).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
    }
  });

  it('takes a hit back, forgets a key, prunes ended windows', async () => {
    const store = createRateLimitStore(scratch.db, { now: clock });
    await store.hit('a', 60_000);
    await store.hit('a', 60_000);
    await store.undo('a');
    expect((await store.peek('a'))!.hits).toBe(1);
    await store.reset('a');
    expect(await store.peek('a')).toBeUndefined();
    await store.hit('short', 1_000);
    await store.hit('long', 600_000);
    at = new Date('2026-12-02T02:00:01.000Z');
    expect(await store.prune()).toBe(1);
    expect(await store.peek('long')).toBeDefined();
  });

  it('uses the database clock when none is given', async () => {
    const store = createRateLimitStore(scratch.db);
    const before = Date.now();
    const { resetAt } = await store.hit('db-clock', 60_000);
    expect(resetAt.getTime()).toBeGreaterThanOrEqual(before + 60_000 - 5_000);
  });
});
