import { lifecycleWorkflowId } from '@sanxiang/shared/src/domain';
import type { TDisclosureDraftRequest, TDisclosureDraftResponse } from '@sanxiang/shared/src/contracts';
import { AppError, fieldError } from '@sanxiang/shared';
import { disclosureSubject, writeAudit } from '../../data-access/audit-log';
import {
  addVersion,
  createDisclosure,
  findDecisionByCaseCycle,
} from '../../data-access/disclosure-repository';
import { createOutcomeRequest, findOpenOutcomeRequest } from '../../data-access/outcome-repository';
import { lockKey } from '../../data-access/locks';
import type { TCommandContext } from '../../data-access/unit-of-work';
import type { TDecisionSource } from './decision-content';
import { applyRedaction, defaultRedactionRules } from '../redaction/redaction';
import { planToRedactions } from '../redaction/redaction-plan';

/**
 * A decision arrives from the case-lifecycle workflow (POST /internal/disclosures): a draft for
 * internal review; when the decision says 不予公开, the draft comes with a pending non-publication
 * request (ground and explanation from the plan) that is checked and approved like a publication
 * (#13 item 2) — nothing is recorded exempt before the head's approval.
 * Idempotent by (caseNumber, cycle): a repeat returns the existing record (200).
 */
export async function createDecisionDraft(
  ctx: TCommandContext,
  req: TDisclosureDraftRequest,
): Promise<{ status: number; body: TDisclosureDraftResponse }> {
  if (req.workflowId !== lifecycleWorkflowId(req.caseNumber)) {
    throw new AppError('validation', '流程编号与案号不符', {
      fields: [fieldError('body.workflowId', `应为 ${lifecycleWorkflowId(req.caseNumber)}`)],
    });
  }
  const plan = planToRedactions(req.disclosure); // 400 before anything is written
  const { tx, actor, now } = ctx;
  await lockKey(tx, `decision:${req.caseNumber}:${req.cycle}`);
  const existing = await findDecisionByCaseCycle(tx, req.caseNumber, req.cycle);
  if (existing) {
    const pending = await findOpenOutcomeRequest(tx, existing.id, 'nonPublication');
    return {
      status: 200,
      body: {
        disclosureId: existing.id,
        status: existing.status === 'exempt' ? 'exempt' : pending ? 'nonPublicationPending' : 'draft',
        ...(pending ? { nonPublicationRequestId: pending.id } : {}),
      },
    };
  }

  const source: TDecisionSource = {
    ...(req.caseName ? { caseName: req.caseName } : {}),
    partyKind: req.party.kind,
    partyName: req.party.name,
    // A natural person's record never carries a code (the activity sends none; this holds it here too).
    ...(req.party.kind !== 'naturalPerson' && req.party.creditCode
      ? { creditCode: req.party.creditCode }
      : {}),
    ...(req.party.kind !== 'naturalPerson' && req.party.legalRepresentative
      ? { legalRepresentative: req.party.legalRepresentative }
      : {}),
    documentNumber: req.documentNumber,
    decisionKind: req.decisionKind,
    decisionDate: req.decisionDate,
    ...req.publication,
  };
  const rules = defaultRedactionRules(req.party.kind, plan);
  const rendered = applyRedaction(source, rules);
  const exempt = req.disclosure.mode === 'exempt' ? req.disclosure : undefined;

  const disclosure = await createDisclosure(tx, {
    kind: 'decision',
    status: 'draft',
    reviewStage: 'editing',
    workingVersion: 1,
    title: `${req.documentNumber}（${req.party.name}）`,
    caseNumber: req.caseNumber,
    cycle: req.cycle,
    workflowId: req.workflowId,
    partyKind: req.party.kind,
    decisionKind: req.decisionKind,
    documentNumber: req.documentNumber,
    decisionDate: new Date(`${req.decisionDate}T00:00:00Z`),
    randomInspection: req.randomInspection,
    dueAt: req.dueAt ? new Date(req.dueAt) : null,
    handlerIds: req.handlerIds ?? [],
    unitId: req.unitId ?? null,
  });
  await addVersion(
    tx,
    {
      disclosureId: disclosure.id,
      version: 1,
      purpose: 'initial',
      note: exempt ? '由案件流程生成（决定书载明不予公开，待审核批准）' : '由案件流程生成',
      source,
      redactionRules: rules,
      publicContent: rendered.publicContent,
      redactionReport: rendered.report,
    },
    actor,
  );
  await writeAudit(tx, actor, 'disclosure.drafted', disclosureSubject(disclosure.id), {
    caseNumber: req.caseNumber,
    cycle: req.cycle,
    documentNumber: req.documentNumber,
    mode: req.disclosure.mode,
  });
  if (!exempt) return { status: 201, body: { disclosureId: disclosure.id, status: 'draft' } };
  // 不予公开 in the decision's plan is a request like any other (#13 item 2): checked by another
  // person, approved by the head (outcomes/outcome-requests.ts); only the approval records it exempt.
  const request = await createOutcomeRequest(tx, {
    disclosureId: disclosure.id,
    kind: 'nonPublication',
    reason: exempt.reason,
    explanation: exempt.explanation,
    requestedBy: actor.id,
    requestedByName: actor.name,
    requestedAt: now,
  });
  await writeAudit(tx, actor, 'disclosure.nonPublicationRequested', disclosureSubject(disclosure.id), {
    outcomeRequestId: request.id,
    reason: exempt.reason,
    explanation: exempt.explanation,
    from: 'decisionPlan',
  });
  return {
    status: 201,
    body: {
      disclosureId: disclosure.id,
      status: 'nonPublicationPending',
      nonPublicationRequestId: request.id,
    },
  };
}
