import type { Client } from '@temporalio/client';
import { sendDutyClockMessage, type TOutgoingDutyClock } from '@sanxiang/shared';

/** Sends one signal to a running workflow; throws if Temporal or the workflow is not there. */
export type TWorkflowSignaller = (workflowId: string, signal: string, args: unknown) => Promise<void>;

export const temporalSignaller =
  (client: Client): TWorkflowSignaller =>
  async (workflowId, signal, args) => {
    await client.workflow.getHandle(workflowId).signal(signal, args);
  };

/** A duty clock's start or done (dutyClockWorkflow, issue #13 item 6). */
export type { TOutgoingDutyClock };

export type TDutyClockSender = (m: TOutgoingDutyClock) => Promise<void>;

export const temporalDutyClock =
  (client: Client): TDutyClockSender =>
  (m) =>
    sendDutyClockMessage(client, m);
