import type { Logger, TDatabase, TOutboxMessage, TOutboxRelay } from '@sanxiang/shared';
import { createOutboxRelay, type TOutboxKind } from '../../data-access/outbox-repository';
import { writeAudit } from '../../data-access/audit-repository';
import type { TRecordingClient } from '../../data-access/recording-client';
import type {
  TDutyClockSender,
  TOutgoingDutyClock,
  TWorkflowSignaller,
} from '../../data-access/workflow-signaller';
import type { TEscalationRequest } from '@sanxiang/shared/src/contracts';
import type { TFilingPayload } from '../opinion/issue-opinion';
import { systemActor } from '../review/review-guards';
import type { TSignalPayload } from './workflow-signals';

/**
 * The outbox payload of an escalation kept in the case file (recording service). Written by the
 * late-materials sweep before the materials clock (dutyClockWorkflow) took over; still delivered if queued.
 */
export interface TEscalationPayload {
  caseNumber: string;
  idempotencyKey: string;
  body: TEscalationRequest;
}

export interface TOutboxDeps {
  db: TDatabase;
  now: () => Date;
  signal: TWorkflowSignaller;
  /** Starts a duty clock run or tells it its duty is done (the materials clock). */
  dutyClock: TDutyClockSender;
  /** Absent when SERVICE_URL_RECORDING is not configured: filings wait, and say why. */
  recording: TRecordingClient | undefined;
  logger: Logger;
}

/** The kit's relay (packages/shared/src/kit/outbox.ts): kick, drain, runOnce, start, stop. */
export type TOutboxDispatcher = TOutboxRelay;

const deliveredAction: Record<TOutboxKind, string> = {
  workflowSignal: 'outbox.workflowSignalled',
  recordingRecord: 'outbox.filedToCaseFile',
  recordingEscalation: 'outbox.escalationRecorded',
  dutyClock: 'outbox.dutyClockTold',
};

function handlers(deps: TOutboxDeps): Record<TOutboxKind, (message: TOutboxMessage) => Promise<unknown>> {
  const recording = () => {
    if (!deps.recording) throw new Error('SERVICE_URL_RECORDING is not configured');
    return deps.recording;
  };
  return {
    workflowSignal: async (message) => {
      const p = message.payload as TSignalPayload;
      await deps.signal(p.workflowId, p.signal, p.args);
      return {};
    },
    recordingRecord: async (message) => {
      const p = message.payload as TFilingPayload;
      return recording().fileRecord(p.caseNumber, p.body, p.idempotencyKey);
    },
    recordingEscalation: async (message) => {
      const p = message.payload as TEscalationPayload;
      return recording().postEscalation(p.caseNumber, p.body, p.idempotencyKey);
    },
    dutyClock: async (message) => {
      const m = message.payload as unknown as TOutgoingDutyClock;
      await deps.dutyClock(m);
      return { op: m.op, workflowId: m.workflowId };
    },
  };
}

/**
 * Delivers outbox messages at least once: signals to the case workflow, the opinion's filing into
 * the case file, the materials clock's start and end. A failure is recorded on the message and retried with
 * the kit's backoff, without limit; a case's later signals wait behind its failed one. Receivers are
 * idempotent (Idempotency-Key for recording; the workflow ignores a repeated round's signal).
 */
export function createOutboxDispatcher(deps: TOutboxDeps): TOutboxDispatcher {
  return createOutboxRelay({
    db: deps.db,
    logger: deps.logger,
    now: deps.now,
    handlers: handlers(deps),
    // Who was told what, when: the signal, the case-file copy, the escalation.
    onDelivered: (tx, message, result, at) =>
      writeAudit(
        tx,
        systemActor,
        deliveredAction[message.kind as TOutboxKind] ?? `outbox.${message.kind}`,
        message.subject,
        { dedupeKey: message.dedupeKey, attempts: message.attempts, result: result ?? null },
        at,
      ),
  });
}
