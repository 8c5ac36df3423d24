import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Client, WorkflowHandle } from '@temporalio/client';
import {
  ZCaseLifecycleInput,
  lifecycleWorkflowType,
  type TCaseLifecycleInput,
} from '@sanxiang/shared/src/contracts';
import { lifecycleWorkflowId } from '@sanxiang/shared/src/domain';
import type { caseLifecycleWorkflow } from './workflow/case-lifecycle';
import { saCaseNumber, saMajor, saStage } from './workflow/search-attributes';

export interface TStartCaseLifecycleResult {
  handle: WorkflowHandle<typeof caseLifecycleWorkflow>;
  /** False when the case already had a lifecycle (running or closed): nothing was started. */
  started: boolean;
}

/**
 * Starts the lifecycle of a case, at most once per case number (the workflow id is derived from
 * it). When the case already has one, running (conflict policy FAIL) or closed (reuse policy
 * REJECT_DUPLICATE), the server refuses and the existing lifecycle's handle is returned instead, so
 * concurrent or repeated starts are harmless and the caller learns whether it started anything.
 */
export async function startCaseLifecycle(
  client: Client,
  input: TCaseLifecycleInput,
  options: { taskQueue: string },
): Promise<TStartCaseLifecycleResult> {
  const parsed = ZCaseLifecycleInput.parse(input);
  const workflowId = lifecycleWorkflowId(parsed.caseNumber);
  try {
    const handle = await client.workflow.start<typeof caseLifecycleWorkflow>(lifecycleWorkflowType, {
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
      return { handle: client.workflow.getHandle<typeof caseLifecycleWorkflow>(workflowId), started: false };
    }
    throw err;
  }
}
