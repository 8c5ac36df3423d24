import { createScratchDatabase, type TScratchDatabase } from '@sanxiang/testing';
import pino from 'pino';
import {
  appendAudit,
  canonicalJson,
  createOutboxRelay,
  enqueueOutbox,
  outboxBacklog,
  outboxRetryDelayMs,
  runIdempotent,
  verifyAuditChain,
  type TOutboxMessage,
} from '../src/kit';
import { AppError } from '../src/errors';
import { kitTablesSql } from './support/kit-tables';

// The service kit on a real PostgreSQL: the outbox's ordering, locking and backoff, the idempotency
// store's replay and refusal, the audit chain.
const logger = pino({ level: 'silent' });
let scratch: TScratchDatabase;

beforeAll(async () => {
  scratch = await createScratchDatabase(kitTablesSql);
});
afterAll(async () => {
  await scratch.drop();
});

const enqueue = (orderingKey: string, n: number, kind = 'note') =>
  scratch.db.$transaction((tx) =>
    enqueueOutbox(tx, { kind, orderingKey, subject: `s:${orderingKey}`, payload: { n } }),
  );

describe('outbox', () => {
  beforeEach(async () => {
    await scratch.db.$executeRawUnsafe(`TRUNCATE "OutboxMessage"`);
  });

  it('delivers in order per ordering key; a failing message holds back the later ones of its key only', async () => {
    for (let n = 1; n <= 3; n += 1) {
      await enqueue('case-a', n);
      await enqueue('case-b', n);
    }
    const seen: string[] = [];
    let failA2 = true;
    const relay = createOutboxRelay({
      db: scratch.db,
      logger,
      handlers: {
        note: async (m: TOutboxMessage) => {
          const n = (m.payload as { n: number }).n;
          if (m.orderingKey === 'case-a' && n === 2 && failA2) throw new Error('receiver down');
          seen.push(`${m.orderingKey}:${n}`);
          return { ok: n };
        },
      },
    });
    expect(await relay.runOnce()).toBe(4);
    expect(seen.filter((s) => s.startsWith('case-a'))).toEqual(['case-a:1']);
    expect(seen.filter((s) => s.startsWith('case-b'))).toEqual(['case-b:1', 'case-b:2', 'case-b:3']);

    const backlog = await outboxBacklog(scratch.db);
    expect(backlog).toMatchObject({ pending: 2, failing: 1 });
    expect(backlog.failures[0]).toMatchObject({
      orderingKey: 'case-a',
      attempts: 1,
      lastError: 'receiver down',
    });

    // Not yet due: the backoff holds it.
    expect(await relay.runOnce()).toBe(0);
    failA2 = false;
    const later = new Date(Date.now() + outboxRetryDelayMs(1) + 1000);
    const relayLater = createOutboxRelay({
      db: scratch.db,
      logger,
      now: () => later,
      handlers: { note: async (m) => void seen.push(`${m.orderingKey}:${(m.payload as { n: number }).n}`) },
    });
    expect(await relayLater.runOnce()).toBe(2);
    expect(seen.filter((s) => s.startsWith('case-a'))).toEqual(['case-a:1', 'case-a:2', 'case-a:3']);
    const [row] = await scratch.db.$queryRawUnsafe<{ result: unknown }[]>(
      `SELECT "result" FROM "OutboxMessage" WHERE "orderingKey" = 'case-a' ORDER BY "id" LIMIT 1`,
    );
    expect(row!.result).toEqual({ ok: 1 });
  });

  it('two relays on separate connections never deliver the same row', async () => {
    for (let key = 0; key < 20; key += 1) for (let n = 1; n <= 3; n += 1) await enqueue(`wf-${key}`, n);
    const deliveries: string[] = [];
    const handlers = {
      note: async (m: TOutboxMessage) => {
        deliveries.push(m.id);
        // Yield so that the two relays interleave their claims.
        await new Promise((resolve) => setImmediate(resolve));
      },
    };
    const other = scratch.connect();
    const relays = [scratch.db, other].map((db) => createOutboxRelay({ db, logger, handlers, batchSize: 3 }));
    const counts = await Promise.all(relays.map((r) => r.runOnce()));
    expect(counts[0]! + counts[1]!).toBe(60);
    expect(new Set(deliveries).size).toBe(60);
    expect(deliveries).toHaveLength(60);
    const [left] = await scratch.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "OutboxMessage" WHERE "deliveredAt" IS NULL`,
    );
    expect(left!.n).toBe(0);
  });

  it('backs off 5 s, 10 s, 20 s, then every 30 s, and a repeated dedupeKey is queued once', async () => {
    expect([1, 2, 3, 4, 7, 8, 50].map(outboxRetryDelayMs)).toEqual([
      5_000, 10_000, 20_000, 30_000, 30_000, 30_000, 30_000,
    ]);
    const first = await scratch.db.$transaction((tx) =>
      enqueueOutbox(tx, { kind: 'note', orderingKey: 'k', dedupeKey: 'fact-1', subject: 's', payload: {} }),
    );
    const second = await scratch.db.$transaction((tx) =>
      enqueueOutbox(tx, { kind: 'note', orderingKey: 'k', dedupeKey: 'fact-1', subject: 's', payload: {} }),
    );
    expect(first).toBeDefined();
    expect(second).toBeUndefined();
  });

  it('a message queued in a transaction that rolls back is never delivered', async () => {
    await expect(
      scratch.db.$transaction(async (tx) => {
        await enqueueOutbox(tx, { kind: 'note', orderingKey: 'k', subject: 's', payload: {} });
        throw new Error('change refused');
      }),
    ).rejects.toThrow('change refused');
    expect((await outboxBacklog(scratch.db)).pending).toBe(0);
  });
});

describe('idempotency store', () => {
  const idem = (key: string, body: unknown, route = 'POST /things') => ({
    principalId: 'officer-1',
    key,
    route,
    request: body,
  });
  const createThing =
    (id: string) => async (tx: Parameters<Parameters<typeof scratch.db.$transaction>[0]>[0]) => {
      await tx.$executeRawUnsafe(`INSERT INTO "Thing" ("id", "n") VALUES ($1, 1)`, id);
      return { status: 201, body: { id, at: '2026-12-01T00:00:00.000Z' } };
    };

  it('replays the first answer for the same request without acting again', async () => {
    const first = await runIdempotent(scratch.db, idem('k-1', { b: 1, a: 2 }), createThing('t1'));
    const again = await runIdempotent(scratch.db, idem('k-1', { a: 2, b: 1 }), createThing('t1'));
    expect(first).toEqual({
      status: 201,
      body: { id: 't1', at: '2026-12-01T00:00:00.000Z' },
      replayed: false,
    });
    expect(again).toEqual({ ...first, replayed: true });
  });

  it('refuses the key with another body or route with 422', async () => {
    await runIdempotent(scratch.db, idem('k-2', { a: 1 }), createThing('t2'));
    for (const other of [idem('k-2', { a: 2 }), idem('k-2', { a: 1 }, 'POST /others')]) {
      const err = await runIdempotent(scratch.db, other, createThing('t2-again')).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(422);
    }
  });

  it('concurrent requests with one key act once', async () => {
    const answers = await Promise.all(
      [scratch.db, scratch.connect(), scratch.connect()].map((db) =>
        runIdempotent(db, idem('k-3', { a: 1 }), createThing('t3')),
      ),
    );
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    const [row] = await scratch.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "Thing" WHERE "id" = 't3'`,
    );
    expect(row!.n).toBe(1);
  });

  it('stores nothing when the change rolls back', async () => {
    const fail = async () => {
      throw new AppError('conflict', '不行');
    };
    await expect(runIdempotent(scratch.db, idem('k-4', {}), fail)).rejects.toThrow('不行');
    expect(await runIdempotent(scratch.db, idem('k-4', {}), createThing('t4'))).toMatchObject({
      replayed: false,
    });
  });
});

describe('audit writer', () => {
  const table = { extraColumns: [{ name: 'caseId', type: 'uuid' }] } as const;
  const actor = { id: 'officer-1', name: '张三', requestId: 'req-1' };

  it('chains entries, verifies the chain, and refuses edits', async () => {
    await scratch.db.$transaction(async (tx) => {
      await appendAudit(
        tx,
        { actor, action: 'a.one', subject: 's:1', details: { z: 1, a: [1, '二'] } },
        table,
      );
      await appendAudit(
        tx,
        { actor, action: 'a.two', subject: 's:2', extra: { caseId: '6f1c1a52-9a52-4d6b-8f7a-0a1b2c3d4e5f' } },
        table,
      );
    });
    expect(await verifyAuditChain(scratch.db, table)).toMatchObject({ ok: true, checked: 2 });
    await expect(scratch.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'x'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(scratch.db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);

    // Tampering (with the trigger out of the way, as a superuser could): the verifier names the entry.
    await scratch.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_append_only`);
    await scratch.db.$executeRawUnsafe(
      `UPDATE "AuditEvent" SET "subject" = 's:forged' WHERE "action" = 'a.one'`,
    );
    await scratch.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_append_only`);
    const verification = await verifyAuditChain(scratch.db, table);
    expect(verification.ok).toBe(false);
    expect(verification.firstBroken).toMatchObject({ action: 'a.one', subject: 's:forged' });
  });

  it('verifies a chain longer than one digit of ids, in small batches (numeric order, not text order)', async () => {
    const fresh = await createScratchDatabase(kitTablesSql);
    try {
      for (let n = 0; n < 12; n += 1) {
        await fresh.db.$transaction((tx) =>
          appendAudit(tx, { actor, action: 'a.many', subject: `s:${n}` }, table),
        );
      }
      expect(await verifyAuditChain(fresh.db, table, 5)).toMatchObject({ ok: true, checked: 12 });
    } finally {
      await fresh.drop();
    }
  });

  it('hashes RFC 8785 canonical JSON', () => {
    expect(canonicalJson({ b: [1, { d: 1e21, c: 'é' }], a: null, u: undefined })).toBe(
      '{"a":null,"b":[1,{"c":"é","d":1e+21}]}',
    );
  });
});
