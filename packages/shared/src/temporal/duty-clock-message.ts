import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';

/**
 * A duty clock (dutyClockWorkflow, issue #13 item 6) started, or told its duty is done, by the
 * service that owns the duty — queued in the transaction of the change that starts or ends it (the
 * kit's outbox, ordered by workflow id so the start goes first) and sent after commit.
 */
export type TOutgoingDutyClock =
  | { op: 'start'; workflowId: string; workflowType: string; taskQueue: string; args: unknown[] }
  | { op: 'done'; workflowId: string; signal: string; payload: unknown };

/**
 * Sends one duty-clock message. A start of a clock that is running and a done for a clock that never
 * ran (a duty from before the clocks) are no-ops, so a redelivered message changes nothing.
 */
export async function sendDutyClockMessage(client: Client, m: TOutgoingDutyClock): Promise<void> {
  try {
    if (m.op === 'start') {
      await client.workflow.start(m.workflowType, {
        workflowId: m.workflowId,
        taskQueue: m.taskQueue,
        args: m.args,
      });
    } else {
      await client.workflow.getHandle(m.workflowId).signal(m.signal, m.payload);
    }
  } catch (err) {
    if (m.op === 'start' && err instanceof WorkflowExecutionAlreadyStartedError) return;
    if (m.op === 'done' && err instanceof WorkflowNotFoundError) return;
    throw err;
  }
}
