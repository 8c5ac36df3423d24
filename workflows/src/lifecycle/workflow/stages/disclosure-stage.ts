import { clockIds } from '../clocks';
import type { Lifecycle } from '../lifecycle';
import { addYears, publicationYears, startOfShanghaiDate } from '../state';
import { iso } from '../time';
import { withdrawalReasonLabel } from '@sanxiang/shared/src/domain';
import { NON_PUBLICATION_PATCH } from '../handlers/disclosure/disclosure-exempted';
import type { TDecisionCycle } from '../state';

/**
 * `patched()` id of ignoring the decision's free `randomInspection` flag (#13 item 4, 000 §17,
 * 003 (六)): a penalty or other decision that follows a random inspection keeps the 7-working-day
 * rule; the 20 working days count for the inspection's own results, from the end of the inspection,
 * in the inspection task's workflow (workflows/src/inspection). Runs that opened a 20-day clock
 * before keep it (their histories carry no marker).
 */
export const DECISION_KEEPS_SEVEN_DAYS_PATCH = 'decision-keeps-seven-days';

/**
 * `patched()` id of deciding an exempt plan like any non-publication (#13 item 2: 003 (三), 004 §10,
 * §16, 000 §18): a decision whose plan says 不予公开 no longer ends the case `exempt` at once; the
 * disclosure service turns the plan into a pending non-publication request, checked and approved
 * by the head like a publication, and the workflow waits — with the publication clock running —
 * for `disclosureExempted` (or, if the request is returned, the publication's approval). Runs that
 * recorded the exemption at once before keep that path (their histories carry no marker).
 */
export const EXEMPT_PLAN_DECIDED_PATCH = 'exempt-plan-decided';

/**
 * Stage `disclosure` (公示): opens the 7-working-day clock from the decision date (20 only for runs
 * flagged `randomInspection` before DECISION_KEEPS_SEVEN_DAYS_PATCH), creates the draft in the
 * disclosure service, and — once that service approved it — publishes, which stops the clock. An
 * approved non-publication (also the one an exempt plan asks for) ends the case `exempt`; a decision
 * revoked before publication stops the pending disclosure with its explanation.
 */
export async function disclosureStage(lc: Lifecycle): Promise<void> {
  const { state } = lc;
  const cycle = lc.currentCycle();
  const decision = cycle.decision;
  if (!decision) throw new Error('disclosure without a decision'); // invariant: decisionMade sets it
  // The patch is asked only for exempt plans, so other runs' histories stay as they were.
  const exemptAtOnce = decision.disclosure.mode === 'exempt' && !lc.ports.patched(EXEMPT_PLAN_DECIDED_PATCH);
  // The patch is asked only where the flag is set, so other runs' histories stay as they were.
  const randomInspection =
    decision.randomInspection === true && !lc.ports.patched(DECISION_KEEPS_SEVEN_DAYS_PATCH);
  const clockId = clockIds.disclosure(cycle.cycle);
  if (!exemptAtOnce && !cycle.publishedAt && !lc.clocks.find(clockId)) {
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
  if (exemptAtOnce && decision.disclosure.mode === 'exempt') {
    // Before EXEMPT_PLAN_DECIDED_PATCH: the reason was recorded with the disclosure service at once.
    state.closedReason = `不予公开：${decision.disclosure.reason}（${decision.disclosure.explanation}）`;
    return lc.setStage('exempt', state.closedReason);
  }
  await lc.ports.condition(
    () =>
      cycle.approvedAt !== undefined ||
      cycle.exempted !== undefined ||
      cycle.revoked !== undefined ||
      lc.shouldContinueAsNew(),
  );
  // Set only by runs past REVOKED_BEFORE_PUBLICATION_PATCH (the handler asks it).
  if (cycle.revoked) return revokedBeforePublication(lc, cycle, clockId);
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

/**
 * 撤销 before publication (#13 item 6; 003 (六), 004 §14): the publication clock stops, the disclosure
 * service ends the pending record unpublished with the explanation, and the case closes — or, for a
 * decision to be redone (责令重新作出), a new decision cycle starts at the proposal.
 */
async function revokedBeforePublication(
  lc: Lifecycle,
  cycle: TDecisionCycle,
  clockId: string,
): Promise<void> {
  const { state } = lc;
  const revoked = cycle.revoked;
  const disclosureId = cycle.disclosureId;
  if (!revoked || !disclosureId) throw new Error('revocation without a pending disclosure'); // draft awaited above
  lc.clocks.close(clockId);
  if (!revoked.stoppedAt) {
    const res = await lc.ports.services.stopRevokedDisclosure({
      disclosureId,
      idempotencyKey: lc.key(`disclosure-revocation:${cycle.cycle}`),
      request: {
        workflowId: lc.workflowId,
        cycle: cycle.cycle,
        reason: revoked.reason,
        document: revoked.document,
        explanation: revoked.explanation,
        recordedBy: revoked.recordedBy,
      },
    });
    revoked.stoppedAt = iso(res.stoppedAt);
  }
  const { documentNumber, authority } = revoked.document;
  const note = `公开前${withdrawalReasonLabel[revoked.reason]}（${authority} ${documentNumber}），不再公开：${revoked.explanation}`;
  if (revoked.reason === 'toBeRedone') {
    state.cycle += 1;
    state.cycles.push({ cycle: state.cycle });
    return lc.setStage('proposal', `${note}；重新作出（第 ${state.cycle} 次决定）`);
  }
  state.closedReason = note;
  lc.setStage('closed', note);
}
