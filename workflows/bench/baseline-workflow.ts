// Workflow code (bundled into the sandbox, on its own: the baseline worker's whole bundle): no Node
// built-ins, no I/O, and no imports beyond @temporalio/workflow.
import {
  condition,
  continueAsNew,
  defineSignal,
  defineUpdate,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';

const { benchNoop } = proxyActivities<{ benchNoop(step: string, caseNumber: string): Promise<void> }>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * The lifecycle's message names, spelled out: importing them from the shared contracts would pull
 * zod and every contract schema into this bundle, which is exactly the weight a baseline must not
 * carry. The driver checks they equal `lifecycleSignals` / `lifecycleUpdates`.
 */
export const baselineMessageNames = {
  submitProposal: 'submitProposal',
  decisionMade: 'decisionMade',
  disclosureApproved: 'disclosureApproved',
  disclosureWithdrawn: 'disclosureWithdrawn',
} as const;

// Same message names (and, from the driver, the same payloads) as the lifecycle; nothing is parsed.
const submitProposal = defineUpdate<{ stage: string }, [unknown]>(baselineMessageNames.submitProposal);
const decisionMade = defineUpdate<{ stage: string }, [unknown]>(baselineMessageNames.decisionMade);
const disclosureApproved = defineSignal<[unknown]>(baselineMessageNames.disclosureApproved);
const disclosureWithdrawn = defineSignal<[unknown]>(baselineMessageNames.disclosureWithdrawn);

export interface TBaselineCarried {
  published: true;
}

/**
 * The throughput baseline: the bench's lifecycle path with the domain taken out. Same messages,
 * same 10 activities (no-ops) at about the same points and with the same overlap, same
 * continue-as-new:
 *
 *   submitProposal (update)    → 1 activity            (lifecycle: stage transition)
 *   decisionMade (update)      → 1 ∥ (1 → 1 → 1) ∥ 1   (transition ∥ computeClock → clock event →
 *                                                      disclosure draft ∥ filing with the office)
 *   disclosureApproved (signal)→ 1 → 1 → 1 → continue-as-new (publish → clock event → transition)
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
    await benchNoop('transition:decision', input.caseNumber);
    await condition(() => stage === 'disclosure');
    await Promise.all([
      benchNoop('transition:disclosure', input.caseNumber),
      (async () => {
        await benchNoop('clock', input.caseNumber);
        await benchNoop('clockEvent:started', input.caseNumber);
        await benchNoop('draft', input.caseNumber);
      })(),
      benchNoop('filing', input.caseNumber),
    ]);
    await condition(() => approved);
    await benchNoop('publish', input.caseNumber);
    await benchNoop('clockEvent:stopped', input.caseNumber);
    await benchNoop('transition:published', input.caseNumber);
    return continueAsNew<typeof benchBaselineWorkflow>(input, { published: true });
  }
  let withdrawn = false;
  setHandler(disclosureWithdrawn, () => {
    withdrawn = true;
  });
  await condition(() => withdrawn);
  await benchNoop('transition:withdrawn', input.caseNumber);
  return { caseNumber: input.caseNumber, stage: 'withdrawn' };
}
