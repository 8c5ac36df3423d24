import type { Lifecycle } from '../lifecycle';
import { publicationYears } from '../state';
import { iso } from '../time';

/**
 * Stage `published`: continues as new once (years of waiting start with a short history), waits for
 * the end of the publication period (5 years, 2 for a natural person) unless the decision is
 * withdrawn first (handlers/disclosure/withdraw-published-decision.ts), then has it expired.
 */
export async function publishedStage(lc: Lifecycle): Promise<void> {
  const { state } = lc;
  const cycle = lc.currentCycle();
  if (!state.continuedForPublication) {
    state.continuedForPublication = true;
    await lc.continueAsNewNow();
  }
  const { expiresAt, disclosureId } = cycle;
  if (!expiresAt || !disclosureId) throw new Error('published without expiry'); // set when publishing
  const remaining = Date.parse(expiresAt) - lc.ports.nowMs();
  if (remaining > 0)
    await lc.ports.condition(() => lc.state.stage !== 'published' || lc.shouldContinueAsNew(), remaining);
  if (lc.state.stage !== 'published' || lc.ports.nowMs() < Date.parse(expiresAt)) return;
  lc.expiring = true;
  const res = await lc.ports.services.expireDisclosure({
    disclosureId,
    idempotencyKey: lc.key(`disclosure-expire:${cycle.cycle}`),
    request: { workflowId: lc.workflowId, cycle: cycle.cycle, expiresAt },
  });
  cycle.expiredAt = iso(res.expiredAt);
  lc.setStage('expired', `公示期满（${publicationYears(state.input.party.kind)} 年）`);
}
