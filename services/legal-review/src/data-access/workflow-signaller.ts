import type { Client } from '@temporalio/client';

/** Sends one signal to a running workflow; throws if Temporal or the workflow is not there. */
export type TWorkflowSignaller = (workflowId: string, signal: string, args: unknown) => Promise<void>;

export const temporalSignaller =
  (client: Client): TWorkflowSignaller =>
  async (workflowId, signal, args) => {
    await client.workflow.getHandle(workflowId).signal(signal, args);
  };
