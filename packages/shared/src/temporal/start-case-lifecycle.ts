import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { ZCaseLifecycleInput, lifecycleWorkflowType, type TCaseLifecycleInput } from '../contracts';
import { saCaseNumber, saMajor, saStage } from '../contracts/search-attribute-keys';
import { lifecycleWorkflowId } from '../domain';

/** The lifecycle workflow's signature as its callers see it (the code is in workflows/). */
export type TCaseLifecycleWorkflow = (input: TCaseLifecycleInput) => Promise<unknown>;

export interface TStartCaseLifecycleResult {
  handle: WorkflowHandle<TCaseLifecycleWorkflow>;
  /** False when the case already had a lifecycle (running or closed): nothing was started. */
  started: boolean;
}

/**
 * Starts the lifecycle of a case, at most once per case number (the workflow id is derived from
 * it). When the case already has one, running (conflict policy FAIL) or closed (reuse policy
 * REJECT_DUPLICATE), the server refuses and the existing lifecycle's handle is returned instead, so
 * concurrent or repeated starts are harmless and the caller learns whether it started anything.
 * Here, not in workflows/, so that a service starts the workflow by its contract (type name, input,
 * search attributes) without loading workflow code or the worker's native runtime.
 */
export async function startCaseLifecycle(
  client: Client,
  input: TCaseLifecycleInput,
  options: { taskQueue: string },
): Promise<TStartCaseLifecycleResult> {
  const parsed = ZCaseLifecycleInput.parse(input);
  const workflowId = lifecycleWorkflowId(parsed.caseNumber);
  try {
    const handle = await client.workflow.start<TCaseLifecycleWorkflow>(lifecycleWorkflowType, {
      workflowId,
      taskQueue: options.taskQueue,
      args: [parsed],
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: saCaseNumber, value: parsed.caseNumber },
        { key: saStage, value: 'investigation' },
        { key: saMajor, value: false },
      ],
    });
    return { handle, started: true };
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) {
      return { handle: client.workflow.getHandle<TCaseLifecycleWorkflow>(workflowId), started: false };
    }
    throw err;
  }
}
