import { sleep } from '@temporalio/workflow';
import { caseLifecycleWorkflow as current } from '../../src/lifecycle/workflow/case-lifecycle';

/**
 * A deliberately incompatible version of the lifecycle (an extra timer before anything else), so
 * that replay.test.ts proves the replay catches a change of the command sequence.
 */
export async function caseLifecycleWorkflow(...args: Parameters<typeof current>): ReturnType<typeof current> {
  await sleep(1);
  return current(...args);
}
