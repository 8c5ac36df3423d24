import { enqueueOutbox, type Logger, type TDatabase, type TTransaction } from '@sanxiang/shared';
import type { TCaseLifecycleInput } from '@sanxiang/shared/src/contracts';
import type { TLifecycleGateway } from './lifecycle-gateway';
import { getCaseNumberOf, updateCaseFile } from './case-file-repository';
import { outboxRelay, prismaOf } from './prisma-client';

/**
 * Messages to the lifecycle workflow are written to the kit's outbox (packages/shared/src/kit) in the
 * transaction that makes the change they report, then delivered after commit, in order per case,
 * until Temporal takes them. So a Temporal outage delays a signal but never loses it, and never
 * undoes a committed record.
 */

export type TOutboxMessage =
  | { kind: 'start'; name: 'start'; payload: TCaseLifecycleInput }
  | { kind: 'signal'; name: string; payload: Record<string, unknown> };

interface TQueuedPayload {
  caseId: string;
  name: string;
  payload: unknown;
}

export async function enqueueLifecycleMessage(
  tx: TTransaction,
  caseId: string,
  message: TOutboxMessage,
): Promise<void> {
  const payload: TQueuedPayload = { caseId, name: message.name, payload: message.payload };
  await enqueueOutbox(prismaOf(tx), {
    kind: message.kind,
    orderingKey: caseId,
    subject: `case:${caseId}`,
    payload,
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
  db: TDatabase;
  gateway: TLifecycleGateway;
  logger: Logger;
}): TLifecycleOutbox {
  const { db, gateway, logger } = deps;
  const relay = outboxRelay({
    db,
    logger,
    handlers: {
      start: async (message) => {
        await gateway.start((message.payload as TQueuedPayload).payload as TCaseLifecycleInput);
        return {};
      },
      signal: async (message) => {
        const p = message.payload as TQueuedPayload;
        const file = await getCaseNumberOf(db, p.caseId);
        await gateway.signal(file.caseNumber, p.name, p.payload);
        return {};
      },
    },
    onDelivered: async (tx, message, _result, at) => {
      if (message.kind !== 'start') return;
      const { caseId } = message.payload as TQueuedPayload;
      await updateCaseFile(tx, caseId, { lifecycleStartedAt: at });
    },
  });
  const logged = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (err: unknown) => logger.error({ err }, 'lifecycle outbox delivery failed'),
    );
  return {
    deliver: (caseId) => logged(relay.runOnce({ orderingKeys: [caseId] })),
    deliverAll: () => logged(relay.runOnce()),
    startLoop(intervalMs) {
      relay.start(intervalMs);
      return () => void relay.stop();
    },
  };
}
