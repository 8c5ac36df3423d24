import { clockIds } from '../clocks';
import type { Lifecycle } from '../lifecycle';
import { addYears, publicationYears, startOfShanghaiDate } from '../state';
import { iso } from '../time';
import { NON_PUBLICATION_PATCH } from '../handlers/disclosure/disclosure-exempted';

/**
 * `patched()` id of ignoring the decision's free `randomInspection` flag (#13 item 4, 000 §17,
 * 003 (六)): a penalty or other decision that follows a random inspection keeps the 7-working-day
 * rule; the 20 working days count for the inspection's own results, from the end of the inspection,
 * in the inspection task's workflow (workflows/src/inspection). Runs that opened a 20-day clock
 * before keep it (their histories carry no marker).
 */
export const DECISION_KEEPS_SEVEN_DAYS_PATCH = 'decision-keeps-seven-days';

/**
 * Stage `disclosure` (公示): opens the 7-working-day clock from the decision date (20 only for runs
 * flagged `randomInspection` before DECISION_KEEPS_SEVEN_DAYS_PATCH), creates the draft in the disclosure service, and — once that service approved
 * it — publishes, which stops the clock. An exempt plan (不予公开) ends the case `exempt`.
 */
export async function disclosureStage(lc: Lifecycle): Promise<void> {
  const { state } = lc;
  const cycle = lc.currentCycle();
  const decision = cycle.decision;
  if (!decision) throw new Error('disclosure without a decision'); // invariant: decisionMade sets it
  const exempt = decision.disclosure.mode === 'exempt';
  // The patch is asked only where the flag is set, so other runs' histories stay as they were.
  const randomInspection =
    decision.randomInspection === true && !lc.ports.patched(DECISION_KEEPS_SEVEN_DAYS_PATCH);
  const clockId = clockIds.disclosure(cycle.cycle);
  if (!exempt && !cycle.publishedAt && !lc.clocks.find(clockId)) {
    await lc.clocks.open(
      {
        id: clockId,
        kind: randomInspection ? 'randomInspectionDisclosure' : 'disclosure',
        // The decision date starts the count (that day itself not counted).
        startAt: startOfShanghaiDate(decision.decisionDate),
        cycle: cycle.cycle,
        assigneeIds: [],
      },
      () => lc.state.stage === 'disclosure' && !cycle.publishedAt,
    );
  }
  if (!cycle.disclosureId) {
    const dueAt = lc.clocks.find(clockId)?.dueAt;
    const res = await lc.ports.services.createDisclosureDraft({
      idempotencyKey: lc.key(`disclosure-draft:${cycle.cycle}`),
      request: {
        caseNumber: lc.caseNumber,
        workflowId: lc.workflowId,
        cycle: cycle.cycle,
        party: state.input.party,
        decisionDate: decision.decisionDate,
        documentNumber: decision.documentNumber,
        decisionKind: decision.decisionKind,
        randomInspection,
        publication: decision.publication,
        disclosure: decision.disclosure,
        ...(dueAt ? { dueAt } : {}),
      },
    });
    cycle.disclosureId ??= res.disclosureId;
  }
  if (decision.disclosure.mode === 'exempt') {
    // 不予公开: the reason is recorded with the disclosure service; nothing is published.
    state.closedReason = `不予公开：${decision.disclosure.reason}（${decision.disclosure.explanation}）`;
    return lc.setStage('exempt', state.closedReason);
  }
  await lc.ports.condition(
    () => cycle.approvedAt !== undefined || cycle.exempted !== undefined || lc.shouldContinueAsNew(),
  );
  if (cycle.exempted && cycle.approvedAt === undefined && lc.ports.patched(NON_PUBLICATION_PATCH)) {
    // 不予公开 approved after the check (#13 item 2): the clock stops, nothing is published.
    lc.clocks.close(clockId);
    state.closedReason = `不予公开：${cycle.exempted.reason}（${cycle.exempted.explanation}）`;
    return lc.setStage('exempt', state.closedReason);
  }
  if (cycle.approvedAt === undefined) return;
  const disclosureId = cycle.disclosureId;
  if (!disclosureId) throw new Error('approved without a disclosure id'); // set by draft or approval
  if (!cycle.publishedAt) {
    const res = await lc.ports.services.publishDisclosure({
      disclosureId,
      idempotencyKey: lc.key(`disclosure-publish:${cycle.cycle}`),
      request: { workflowId: lc.workflowId, cycle: cycle.cycle },
    });
    cycle.publishedAt = iso(res.publishedAt);
    cycle.expiresAt = addYears(cycle.publishedAt, publicationYears(state.input.party.kind));
  }
  lc.clocks.close(clockId);
  lc.setStage('published');
}
