// Workflow code (bundled into the sandbox): no Node built-ins, no I/O.
import {
  condition,
  continueAsNew,
  defineSignal,
  defineUpdate,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import { lifecycleSignals, lifecycleUpdates } from '@sanxiang/shared/src/contracts';

const { benchNoop } = proxyActivities<{ benchNoop(step: string): Promise<void> }>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

// Same message names (and, from the driver, the same payloads) as the lifecycle; nothing is parsed.
const submitProposal = defineUpdate<{ stage: string }, [unknown]>(lifecycleUpdates.submitProposal);
const decisionMade = defineUpdate<{ stage: string }, [unknown]>(lifecycleUpdates.decisionMade);
const disclosureApproved = defineSignal<[unknown]>(lifecycleSignals.disclosureApproved);
const disclosureWithdrawn = defineSignal<[unknown]>(lifecycleSignals.disclosureWithdrawn);

export interface TBaselineCarried {
  published: true;
}

/**
 * The throughput baseline: the bench's lifecycle path with the domain taken out. Same messages,
 * same 7 activities (no-ops) at the same points and with the same overlap, same continue-as-new:
 *
 *   submitProposal (update)    → 1 activity            (lifecycle: stage transition)
 *   decisionMade (update)      → 1 ∥ (1 → 1)           (transition ∥ computeClock → disclosure draft)
 *   disclosureApproved (signal)→ 1 → 1 → continue-as-new (publish → transition → continue-as-new)
 *   disclosureWithdrawn (signal, new run) → 1 → done  (transition → completes)
 */
export async function benchBaselineWorkflow(
  input: { caseNumber: string },
  carried?: TBaselineCarried,
): Promise<{ caseNumber: string; stage: string }> {
  if (!carried) {
    let stage = 'investigation';
    let approved = false;
    setHandler(submitProposal, () => {
      stage = 'decision';
      return { stage };
    });
    setHandler(decisionMade, () => {
      stage = 'disclosure';
      return { stage };
    });
    setHandler(disclosureApproved, () => {
      approved = true;
    });
    await condition(() => stage === 'decision');
    await benchNoop('transition:decision');
    await condition(() => stage === 'disclosure');
    await Promise.all([
      benchNoop('transition:disclosure'),
      (async () => {
        await benchNoop('clock');
        await benchNoop('draft');
      })(),
    ]);
    await condition(() => approved);
    await benchNoop('publish');
    await benchNoop('transition:published');
    return continueAsNew<typeof benchBaselineWorkflow>(input, { published: true });
  }
  let withdrawn = false;
  setHandler(disclosureWithdrawn, () => {
    withdrawn = true;
  });
  await condition(() => withdrawn);
  await benchNoop('transition:withdrawn');
  return { caseNumber: input.caseNumber, stage: 'withdrawn' };
}
