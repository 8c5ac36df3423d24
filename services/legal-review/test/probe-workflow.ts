// Stands in for the case-lifecycle workflow in this service's tests: started with the lifecycle's
// workflow id, it records the legal-review signals it receives (by their contract names) and
// answers a query with them. Runs in Temporal's workflow sandbox: no I/O.
import { condition, defineQuery, defineSignal, setHandler } from '@temporalio/workflow';
import { lifecycleSignals } from '@sanxiang/shared/src/contracts';

export interface TReceivedSignal {
  name: string;
  payload: unknown;
}

export const receivedQuery = defineQuery<TReceivedSignal[]>('received');

export async function lifecycleProbe(): Promise<void> {
  const received: TReceivedSignal[] = [];
  for (const name of [
    lifecycleSignals.reviewMaterialsRequested,
    lifecycleSignals.reviewMaterialsReceived,
    lifecycleSignals.reviewOpinionIssued,
  ]) {
    setHandler(defineSignal<[unknown]>(name), (payload) => {
      received.push({ name, payload });
    });
  }
  setHandler(receivedQuery, () => received);
  // Lives until the test terminates it.
  await condition(() => false);
}
