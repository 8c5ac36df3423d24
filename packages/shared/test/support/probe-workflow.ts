// Test-only workflow for signal-provisional-workflows.test.ts: waits for `calendarUpdated`.
import { condition, defineQuery, defineSignal, setHandler } from '@temporalio/workflow';

export async function provisionalProbeWorkflow(): Promise<unknown[]> {
  const received: unknown[] = [];
  setHandler(defineSignal<[unknown]>('calendarUpdated'), (payload) => void received.push(payload));
  setHandler(defineQuery<unknown[]>('received'), () => received);
  await condition(() => received.length > 0);
  return received;
}
