import type { Logger } from '@sanxiang/shared';
import {
  claimOutbox,
  markOutboxDelivered,
  markOutboxFailed,
  type TClaimedMessage,
} from '../../data-access/outbox-repository';
import { writeAudit } from '../../data-access/audit-repository';
import type { TDb } from '../../data-access/prisma-client';
import type { TRecordingClient } from '../../data-access/recording-client';
import type { TWorkflowSignaller } from '../../data-access/workflow-signaller';
import type { TEscalationPayload } from '../escalate-late-materials';
import type { TFilingPayload } from '../opinion/issue-opinion';
import { systemActor } from '../review/review-guards';
import type { TSignalPayload } from './workflow-signals';

export interface TOutboxDeps {
  db: TDb;
  now: () => Date;
  signal: TWorkflowSignaller;
  /** Absent when SERVICE_URL_RECORDING is not configured: filings wait, and say why. */
  recording: TRecordingClient | undefined;
  logger: Logger;
}

export interface TOutboxDispatcher {
  /** Deliver what is due now, soon, without waiting (called after commits). */
  kick(): void;
  /** Wait until no delivery run is in flight. */
  drain(): Promise<void>;
  /** One full pass: deliver everything deliverable now. Returns the number delivered. */
  runOnce(): Promise<number>;
  /** Poll every `intervalMs` for retries (the process's background loop). */
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

/** Backoff after the n-th failed attempt: 5 s, 10 s, 20 s … capped at 5 minutes, as the worker. */
export const retryDelayMs = (attempts: number): number =>
  Math.min(5 * 60_000, 5_000 * 2 ** Math.max(0, attempts - 1));

const leaseMs = 60_000;

const deliveredAction: Record<TClaimedMessage['kind'], string> = {
  workflowSignal: 'outbox.workflowSignalled',
  recordingRecord: 'outbox.filedToCaseFile',
  recordingEscalation: 'outbox.escalationRecorded',
};

async function deliver(deps: TOutboxDeps, message: TClaimedMessage): Promise<unknown> {
  switch (message.kind) {
    case 'workflowSignal': {
      const p = message.payload as TSignalPayload;
      await deps.signal(p.workflowId, p.signal, p.args);
      return {};
    }
    case 'recordingRecord': {
      if (!deps.recording) throw new Error('SERVICE_URL_RECORDING is not configured');
      const p = message.payload as TFilingPayload;
      return deps.recording.fileRecord(p.caseNumber, p.body, p.idempotencyKey);
    }
    case 'recordingEscalation': {
      if (!deps.recording) throw new Error('SERVICE_URL_RECORDING is not configured');
      const p = message.payload as TEscalationPayload;
      return deps.recording.postEscalation(p.caseNumber, p.body, p.idempotencyKey);
    }
  }
}

/**
 * Delivers outbox messages at least once: signals to the case workflow, the opinion's filing into
 * the case file, late-materials escalations. A failure is recorded on the message and retried with
 * backoff, without limit; a case's later signals wait behind its failed one. Receivers are
 * idempotent (Idempotency-Key for recording; the workflow ignores a repeated round's signal).
 */
export function createOutboxDispatcher(deps: TOutboxDeps): TOutboxDispatcher {
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const runOnce = async (): Promise<number> => {
    let delivered = 0;
    for (;;) {
      const claimed = await claimOutbox(deps.db, deps.now(), leaseMs, 20);
      if (claimed.length === 0) return delivered;
      for (const message of claimed) {
        let result: unknown;
        try {
          result = await deliver(deps, message);
        } catch (err) {
          const error = err instanceof Error ? err.message : String(err);
          const next = new Date(deps.now().getTime() + retryDelayMs(message.attempts));
          deps.logger.warn(
            {
              outboxId: String(message.id),
              kind: message.kind,
              dedupeKey: message.dedupeKey,
              attempts: message.attempts,
              error,
            },
            'outbox delivery failed; will retry',
          );
          await markOutboxFailed(deps.db, message.id, error, next);
          continue;
        }
        const at = deps.now();
        await deps.db.$transaction(async (tx) => {
          await markOutboxDelivered(tx, message.id, at, result);
          // Who was told what, when: the signal, the case-file copy, the escalation.
          await writeAudit(
            tx,
            systemActor,
            deliveredAction[message.kind],
            message.subject,
            { dedupeKey: message.dedupeKey, attempts: message.attempts, result: result ?? null },
            at,
          );
        });
        delivered += 1;
      }
    }
  };

  const kick = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await runOnce();
      } while (again);
    })()
      .catch((err: unknown) => deps.logger.error({ err }, 'outbox run failed'))
      .finally(() => {
        running = undefined;
      });
  };

  return {
    kick,
    runOnce,
    async drain() {
      while (running) await running;
    },
    start(intervalMs) {
      if (timer) return;
      timer = setInterval(kick, intervalMs);
      timer.unref();
      kick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      while (running) await running;
    },
  };
}
