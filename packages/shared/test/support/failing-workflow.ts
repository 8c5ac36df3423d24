// Test-only workflow for encoded-failures.test.ts: an activity fails, then the workflow fails, both
// with a message naming a party (what a real history's failures may carry).
import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';

const { failWith } = proxyActivities<{ failWith(message: string): Promise<void> }>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 1 },
});

export async function failingProbeWorkflow(secret: string): Promise<void> {
  try {
    await failWith(`activity: ${secret}`);
  } catch {
    throw ApplicationFailure.nonRetryable(`workflow: ${secret}`, 'ProbeFailure');
  }
}
