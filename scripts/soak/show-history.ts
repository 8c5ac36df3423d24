/**
 * A case lifecycle's Temporal history as a readable timeline, payloads and failures decoded with the
 * codec keys (TEMPORAL_CODEC_KEYS) — for reading what a soak case did (issue #16, docs/reliability.md):
 *
 *   source .local/soak/env.sh && node --import tsx scripts/soak/show-history.ts <workflowId|caseNumber> [--full]
 *
 * One line per event: time, type, activity / signal / timer, the decoded input or result (cut at
 * 160 characters unless --full), the failure's message. Every run of the chain (continue-as-new)
 * is shown, oldest first. Read-only; talks to TEMPORAL_ADDRESS directly, like the Temporal CLI.
 */
import { Connection } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { payloadCodecFrom } from '@sanxiang/shared';
import { lifecycleWorkflowId } from '@sanxiang/shared/src/domain';

type TEvent = temporal.api.history.v1.IHistoryEvent;
type TFailure = temporal.api.failure.v1.IFailure;

const [target, ...rest] = process.argv.slice(2);
const full = rest.includes('--full');
if (!target) {
  console.error('usage: show-history.ts <workflowId|caseNumber> [--full]');
  process.exit(2);
}
const codec = payloadCodecFrom({ TEMPORAL_CODEC_KEYS: process.env.TEMPORAL_CODEC_KEYS ?? '' });
const cut = (s: string) => (full || s.length <= 160 ? s : `${s.slice(0, 160)}…`);

async function decode(payloads: readonly Payload[] | null | undefined): Promise<string> {
  if (!payloads?.length) return '';
  const plain = await codec.decode([...payloads]);
  return plain
    .map((p) => {
      const text = p.data ? Buffer.from(p.data).toString('utf8') : '';
      return text === '' ? '∅' : text;
    })
    .join(', ');
}

async function failureText(f: TFailure | null | undefined): Promise<string> {
  if (!f) return '';
  let message = f.message ?? '';
  if (f.encodedAttributes) {
    const attrs = await decode([f.encodedAttributes as Payload]);
    try {
      message = (JSON.parse(attrs) as { message?: string }).message ?? attrs;
    } catch {
      message = attrs;
    }
  }
  const type = f.applicationFailureInfo?.type ?? (f.timeoutFailureInfo ? 'Timeout' : '');
  const cause: string = f.cause ? ` ← ${await failureText(f.cause)}` : '';
  return `${type ? `${type}: ` : ''}${message}${cause}`;
}

async function line(e: TEvent, activities: Map<string, string>): Promise<string> {
  const type = temporal.api.enums.v1.EventType[e.eventType ?? 0]?.replace(/^EVENT_TYPE_/u, '') ?? '?';
  const seconds = Number(e.eventTime?.seconds ?? 0);
  const nanos = e.eventTime?.nanos ?? 0;
  const at = new Date(seconds * 1000 + Math.floor(nanos / 1e6)).toISOString().slice(11, 23);
  let detail = '';
  const a = e.activityTaskScheduledEventAttributes;
  if (a) {
    const name = a.activityType?.name ?? '?';
    activities.set(String(e.eventId), name);
    detail = `${name} ${cut(await decode(a.input?.payloads as Payload[]))}`;
  }
  const started = e.activityTaskStartedEventAttributes;
  if (started)
    detail = `${activities.get(String(started.scheduledEventId)) ?? ''} attempt ${started.attempt}${
      started.lastFailure ? ` (last: ${cut(await failureText(started.lastFailure))})` : ''
    }`;
  const done = e.activityTaskCompletedEventAttributes;
  if (done)
    detail = `${activities.get(String(done.scheduledEventId)) ?? ''} → ${cut(await decode(done.result?.payloads as Payload[]))}`;
  const failed = e.activityTaskFailedEventAttributes;
  if (failed)
    detail = `${activities.get(String(failed.scheduledEventId)) ?? ''} ✗ ${cut(await failureText(failed.failure))}`;
  const timedOut = e.activityTaskTimedOutEventAttributes;
  if (timedOut)
    detail = `${activities.get(String(timedOut.scheduledEventId)) ?? ''} ✗ ${cut(await failureText(timedOut.failure))}`;
  const signal = e.workflowExecutionSignaledEventAttributes;
  if (signal) detail = `${signal.signalName} ${cut(await decode(signal.input?.payloads as Payload[]))}`;
  const update = e.workflowExecutionUpdateAcceptedEventAttributes;
  if (update)
    detail = `${update.acceptedRequest?.input?.name ?? ''} ${cut(
      await decode(update.acceptedRequest?.input?.args?.payloads as Payload[]),
    )}`;
  const timer = e.timerStartedEventAttributes;
  if (timer) detail = `timer ${timer.timerId} ${Number(timer.startToFireTimeout?.seconds ?? 0)} s`;
  const marker = e.markerRecordedEventAttributes;
  if (marker)
    detail = `${marker.markerName} ${cut(await decode(marker.details?.patch_id?.payloads as Payload[]))}`;
  const taskFailed = e.workflowTaskFailedEventAttributes;
  if (taskFailed) detail = `${taskFailed.cause} ${cut(await failureText(taskFailed.failure))}`;
  const wfFailed = e.workflowExecutionFailedEventAttributes;
  if (wfFailed) detail = cut(await failureText(wfFailed.failure));
  const can = e.workflowExecutionContinuedAsNewEventAttributes;
  if (can) detail = `→ run ${can.newExecutionRunId}`;
  return `${at}  ${String(e.eventId).padStart(4)} ${type}${detail ? `  ${detail}` : ''}`;
}

async function main(): Promise<void> {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  const service = connection.workflowService;
  // A case number names its lifecycle (lifecycleWorkflowId); anything with a colon is a workflow id.
  const workflowId = target!.includes(':') ? target! : lifecycleWorkflowId(target!);
  const runs = await service.listWorkflowExecutions({
    namespace,
    query: `WorkflowId = "${workflowId}"`,
    pageSize: 100,
  });
  const ordered = [...runs.executions].sort(
    (x, y) => Number(x.startTime?.seconds ?? 0) - Number(y.startTime?.seconds ?? 0),
  );
  for (const run of ordered) {
    const runId = run.execution?.runId ?? '';
    const status = temporal.api.enums.v1.WorkflowExecutionStatus[run.status ?? 0];
    console.log(`== ${workflowId} run ${runId} (${status})`);
    const activities = new Map<string, string>();
    let token: Uint8Array | undefined;
    do {
      const page = await service.getWorkflowExecutionHistory({
        namespace,
        execution: { workflowId, runId },
        ...(token ? { nextPageToken: token } : {}),
      });
      for (const e of page.history?.events ?? []) console.log(await line(e, activities));
      token = page.nextPageToken?.length ? page.nextPageToken : undefined;
    } while (token);
  }
  await connection.close();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
