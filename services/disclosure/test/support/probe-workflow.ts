// A stand-in for the case-lifecycle workflow in tests: it records every signal the disclosure
// service sends to its workflow id and answers them through a query. Runs until terminated.
import { condition, defineQuery, defineSignal, setHandler } from '@temporalio/workflow';

export interface TReceivedSignal {
  name: string;
  payload: unknown;
}

export const receivedSignals = defineQuery<TReceivedSignal[]>('receivedSignals');

const names = ['disclosureApproved', 'disclosureWithdrawn', 'disclosureExempted', 'catalogueChangeCompleted'];

export async function probeWorkflow(): Promise<void> {
  const received: TReceivedSignal[] = [];
  for (const name of names) {
    setHandler(defineSignal<[unknown]>(name), (payload) => {
      received.push({ name, payload });
    });
  }
  setHandler(receivedSignals, () => received);
  await condition(() => false);
}
