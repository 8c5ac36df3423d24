import type { Logger } from '@sanxiang/shared';
import type { TCaseLifecycleInput } from '@sanxiang/shared/src/contracts';
import type { TLifecycleGateway } from './lifecycle-gateway';
import type { TDb, TTx } from './prisma-client';

/**
 * Messages to the lifecycle workflow are written to an outbox in the transaction that makes the
 * change they report, then delivered after commit, in order per case, until Temporal takes them. So
 * a Temporal outage delays a signal but never loses it, and never undoes a committed record.
 */

export type TOutboxMessage =
  | { kind: 'start'; name: 'start'; payload: TCaseLifecycleInput }
  | { kind: 'signal'; name: string; payload: Record<string, unknown> };

export async function enqueueLifecycleMessage(
  tx: TTx,
  caseId: string,
  message: TOutboxMessage,
): Promise<void> {
  await tx.lifecycleMessage.create({
    data: { caseId, kind: message.kind, name: message.name, payload: message.payload as object },
  });
}

export interface TLifecycleOutbox {
  /** Delivers what is pending for one case; failures stay pending (logged) and are retried later. */
  deliver(caseId: string): Promise<void>;
  deliverAll(): Promise<void>;
  /** Retries pending messages every `intervalMs`; returns a stop function. */
  startLoop(intervalMs: number): () => void;
}

export function createLifecycleOutbox(deps: {
  db: TDb;
  gateway: TLifecycleGateway;
  logger: Logger;
}): TLifecycleOutbox {
  const { db, gateway, logger } = deps;

  const deliver = async (caseId: string) => {
    // Row locks (SKIP LOCKED) keep two deliverers from sending the same message at once.
    await db.$transaction(
      async (tx) => {
        const pending = await tx.$queryRaw<{ id: bigint; kind: string; name: string; payload: unknown }[]>`
          SELECT id, kind, name, payload FROM "LifecycleMessage"
          WHERE "caseId" = ${caseId}::uuid AND "deliveredAt" IS NULL
          ORDER BY id FOR UPDATE SKIP LOCKED`;
        if (pending.length === 0) return;
        const file = await tx.caseFile.findUniqueOrThrow({
          where: { id: caseId },
          select: { caseNumber: true },
        });
        for (const m of pending) {
          try {
            if (m.kind === 'start') await gateway.start(m.payload as TCaseLifecycleInput);
            else await gateway.signal(file.caseNumber, m.name, m.payload);
          } catch (err) {
            logger.warn({ err, caseId, message: m.name }, 'lifecycle message not delivered yet; will retry');
            await tx.lifecycleMessage.update({
              where: { id: m.id },
              data: { attempts: { increment: 1 }, lastError: String((err as Error).message).slice(0, 1000) },
            });
            return; // keep the order: later messages wait for this one
          }
          const now = new Date();
          await tx.lifecycleMessage.update({
            where: { id: m.id },
            data: { deliveredAt: now, attempts: { increment: 1 } },
          });
          if (m.kind === 'start')
            await tx.caseFile.update({ where: { id: caseId }, data: { lifecycleStartedAt: now } });
        }
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  };

  const deliverAll = async () => {
    const cases = await db.lifecycleMessage.findMany({
      where: { deliveredAt: null },
      distinct: ['caseId'],
      select: { caseId: true },
      take: 500,
    });
    for (const { caseId } of cases) {
      await deliver(caseId).catch((err: unknown) =>
        logger.error({ err, caseId }, 'lifecycle outbox delivery failed'),
      );
    }
  };

  return {
    deliver: (caseId) =>
      deliver(caseId).catch((err: unknown) =>
        logger.error({ err, caseId }, 'lifecycle outbox delivery failed'),
      ),
    deliverAll,
    startLoop(intervalMs) {
      let running = false;
      const timer = setInterval(() => {
        if (running) return;
        running = true;
        void deliverAll().finally(() => {
          running = false;
        });
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
