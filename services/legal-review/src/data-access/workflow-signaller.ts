import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';

/** Sends one signal to a running workflow; throws if Temporal or the workflow is not there. */
export type TWorkflowSignaller = (workflowId: string, signal: string, args: unknown) => Promise<void>;

export const temporalSignaller =
  (client: Client): TWorkflowSignaller =>
  async (workflowId, signal, args) => {
    await client.workflow.getHandle(workflowId).signal(signal, args);
  };

/**
 * A duty clock (dutyClockWorkflow, issue #13 item 6) started or told its duty is done. A start of a
 * running clock and a done for a clock that never ran (a request from before the clock) are no-ops.
 */
export type TOutgoingDutyClock =
  | { op: 'start'; workflowId: string; workflowType: string; taskQueue: string; args: unknown[] }
  | { op: 'done'; workflowId: string; signal: string; payload: unknown };

export type TDutyClockSender = (m: TOutgoingDutyClock) => Promise<void>;

export const temporalDutyClock =
  (client: Client): TDutyClockSender =>
  async (m) => {
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
  };
