// A stand-in for the case-lifecycle workflow, registered under its type name in the tests: it
// records every signal and update it receives and exposes them through the `probe` query, so the
// recording service's messages can be checked without depending on the real workflow.
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  defineQuery,
  defineSignal,
  defineUpdate,
  setHandler,
} from '@temporalio/workflow';

export interface TProbeEntry {
  type: 'start' | 'signal' | 'update';
  name: string;
  payload: unknown;
}

export const probeQuery = defineQuery<TProbeEntry[]>('probe');

const signalNames = ['enforcementActivityEnded', 'evidenceUploaded', 'decisionServed', 'decisionRevoked'];

export async function caseLifecycleWorkflow(input: unknown): Promise<string> {
  const log: TProbeEntry[] = [{ type: 'start', name: 'start', payload: input }];
  let closed = false;
  setHandler(probeQuery, () => log);
  for (const name of signalNames) {
    setHandler(defineSignal<[unknown]>(name), (payload) => {
      log.push({ type: 'signal', name, payload });
    });
  }
  setHandler(
    defineUpdate<unknown, [{ summary?: string }]>('submitProposal'),
    (payload) => {
      log.push({ type: 'update', name: 'submitProposal', payload });
      return { stage: 'legalReview', cycle: 1, round: log.filter((e) => e.name === 'submitProposal').length };
    },
    {
      validator: (payload) => {
        if (payload.summary === 'wrong stage') {
          throw ApplicationFailure.create({
            type: 'WrongStage',
            message: '当前阶段为 decision，不能提交',
            details: [[{ code: 'stage', message: '当前阶段为 decision，不能提交' }]],
            nonRetryable: true,
          });
        }
      },
    },
  );
  setHandler(defineUpdate<unknown, [unknown]>('decisionMade'), (payload) => {
    log.push({ type: 'update', name: 'decisionMade', payload });
    return { stage: 'disclosure', cycle: 1 };
  });
  for (const [name, major] of [
    ['designateMajor', true],
    ['downgradeMajor', false],
  ] as const) {
    setHandler(defineUpdate<unknown, [unknown]>(name), (payload) => {
      log.push({ type: 'update', name, payload });
      return { stage: 'proposal', major };
    });
  }
  setHandler(defineUpdate<unknown, [unknown]>('closeCase'), (payload) => {
    log.push({ type: 'update', name: 'closeCase', payload });
    closed = true;
    return { stage: 'closed' };
  });
  await condition(() => closed);
  await condition(allHandlersFinished);
  return 'closed';
}
