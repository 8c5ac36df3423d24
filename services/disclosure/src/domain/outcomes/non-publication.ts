import { z } from 'zod';
import { fromDateColumn } from '@sanxiang/shared/src/calendar';
import { AppError } from '@sanxiang/shared';
import { lifecycleSignals, type TDisclosureExempted } from '@sanxiang/shared/src/contracts';
import { ZExemptionReason, ZExplanationSentence, type TExemptionReason } from '@sanxiang/shared/src/domain';
import type { TReader } from '@sanxiang/shared';
import { disclosureSubject, writeAudit } from '../../data-access/audit-log';
import {
  listExemptDecisions,
  lockDisclosure,
  updateDisclosure,
  type TDisclosureScope,
} from '../../data-access/disclosure-repository';
import { createOutcomeRequest } from '../../data-access/outcome-repository';
import type { Disclosure, OutcomeRequest } from '../../data-access/rows';
import type { TCommandContext } from '../../data-access/unit-of-work';
import { disclosureStatusLabel, exemptionReasonLabel, labelOf } from '../labels';
import { openOutcomeRequest } from './outcome-requests';

/**
 * 不予公开, decided like a publication (#13 item 2: 003 (三), 004 §10, §16, 000 §18): disclosure
 * staff request it for a decision not yet published, with a ground from the closed list
 * (`ZExemptionReason`) and an explanation; it is checked and approved by the head like a
 * publication (outcome-requests.ts); only the approval records the decision as exempt.
 */
export const ZNonPublicationRequest = z.object({
  reason: ZExemptionReason,
  explanation: ZExplanationSentence(12, 2000),
});
export type TNonPublicationRequest = z.infer<typeof ZNonPublicationRequest>;

export async function requestNonPublication(ctx: TCommandContext, id: string, input: TNonPublicationRequest) {
  const { tx, actor, now } = ctx;
  const d = await lockDisclosure(tx, id);
  if (d.kind !== 'decision') throw new AppError('conflict', '只有行政执法决定可以申请不予公开');
  if (d.status !== 'draft') {
    throw new AppError(
      'conflict',
      `只有尚未批准公开的决定可以申请不予公开（当前：${labelOf(disclosureStatusLabel, d.status)}）`,
      { extra: { disclosureStatus: d.status } },
    );
  }
  if (d.reviewStage === 'awaitingCheck' || d.reviewStage === 'awaitingApproval') {
    throw new AppError('conflict', '该决定的公开版本正在审核中，请先退回后再申请不予公开', {
      extra: { reviewStage: d.reviewStage },
    });
  }
  const open = await openOutcomeRequest(ctx, d.id);
  if (open) {
    throw new AppError('conflict', '该记录已有待审核的不予公开申请，请先完成审核', {
      extra: { outcomeRequestId: open.id, kind: open.kind, stage: open.stage },
    });
  }
  const request = await createOutcomeRequest(tx, {
    disclosureId: d.id,
    kind: 'nonPublication',
    reason: input.reason,
    explanation: input.explanation,
    requestedBy: actor.id,
    requestedByName: actor.name,
    requestedAt: now,
  });
  await writeAudit(tx, actor, 'disclosure.nonPublicationRequested', disclosureSubject(d.id), {
    outcomeRequestId: request.id,
    reason: input.reason,
    explanation: input.explanation,
  });
  return { disclosure: d, request };
}

/** Refuses submitting a version for publication while a non-publication request is open. */
export async function assertNoPendingNonPublication(ctx: TCommandContext, d: Disclosure) {
  const open = await openOutcomeRequest(ctx, d.id);
  if (open?.kind === 'nonPublication') {
    throw new AppError('conflict', '该决定有待审核的不予公开申请，审核完成前不能提交公开', {
      extra: { outcomeRequestId: open.id },
    });
  }
}

/** The head approved: the decision is recorded exempt and the lifecycle workflow is told. */
export async function carryOutNonPublication(
  ctx: TCommandContext,
  d: Disclosure,
  r: OutcomeRequest,
): Promise<Disclosure> {
  const { tx, actor, now } = ctx;
  if (d.status !== 'draft') {
    throw new AppError('conflict', '该决定已不是待公开状态，不能登记为不予公开', {
      extra: { disclosureStatus: d.status },
    });
  }
  const updated = await updateDisclosure(tx, d.id, {
    status: 'exempt',
    reviewStage: null,
    exemptionReason: r.reason,
    exemptionExplanation: r.explanation,
    exemptedBy: actor.id,
    exemptedAt: now,
  });
  await writeAudit(tx, actor, 'disclosure.exempted', disclosureSubject(d.id), {
    outcomeRequestId: r.id,
    reason: r.reason,
    explanation: r.explanation,
    requestedBy: r.requestedBy,
    checkedBy: r.checkedBy,
  });
  if (d.workflowId && d.cycle) {
    const payload: TDisclosureExempted = {
      cycle: d.cycle,
      disclosureId: d.id,
      reason: r.reason as TExemptionReason,
      explanation: r.explanation,
      exemptedBy: actor.id,
      at: now.toISOString(),
    };
    await ctx.signal({ workflowId: d.workflowId, signal: lifecycleSignals.disclosureExempted, payload });
  }
  return updated;
}

export const ZExemptionsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** Documented shape of `GET /exemptions` (OpenAPI). */
export const ZExemptionsList = z.object({
  total: z.number().int(),
  byReason: z.record(z.string(), z.number().int()),
  items: z.array(
    z.object({
      id: z.uuid(),
      caseNumber: z.string().nullable(),
      cycle: z.number().int().nullable(),
      documentNumber: z.string().nullable(),
      decisionKind: z.string().nullable(),
      decisionDate: z.string().nullable(),
      reason: z.string().nullable(),
      reasonLabel: z.string(),
      explanation: z.string().nullable(),
      recordedBy: z.string().nullable(),
      at: z.string().nullable(),
      decided: z
        .object({
          requestedBy: z.string(),
          requestedByName: z.string(),
          checkedBy: z.string().nullable(),
          checkedByName: z.string().nullable(),
          approvedBy: z.string().nullable(),
          approvedByName: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
});

/**
 * Every decision not published, with its ground and who decided (#13 item 2, 003 (三)): for the
 * head, so that selective non-publication is visible; counted by ground as in the annual statistics.
 */
export async function listExemptions(
  db: TReader,
  query: z.infer<typeof ZExemptionsQuery>,
  /** The records the caller reaches (disclosure by unit, disclosure-access.ts). */
  scope: TDisclosureScope = { all: true },
) {
  const rows = await listExemptDecisions(
    db,
    scope,
    query.year
      ? {
          gte: new Date(`${query.year}-01-01T00:00:00Z`),
          lt: new Date(`${query.year + 1}-01-01T00:00:00Z`),
        }
      : undefined,
  );
  const byReason: Record<string, number> = {};
  for (const d of rows) byReason[d.exemptionReason ?? ''] = (byReason[d.exemptionReason ?? ''] ?? 0) + 1;
  return {
    total: rows.length,
    byReason,
    items: rows.map((d) => {
      const r = d.outcomeRequests[0];
      return {
        id: d.id,
        caseNumber: d.caseNumber,
        cycle: d.cycle,
        documentNumber: d.documentNumber,
        decisionKind: d.decisionKind,
        decisionDate: d.decisionDate ? fromDateColumn(d.decisionDate) : null,
        reason: d.exemptionReason,
        reasonLabel: labelOf(exemptionReasonLabel, d.exemptionReason ?? ''),
        explanation: d.exemptionExplanation,
        recordedBy: d.exemptedBy,
        at: d.exemptedAt?.toISOString() ?? null,
        /** Absent for an exemption the decision's plan recorded (before the request flow). */
        decided: r
          ? {
              requestedBy: r.requestedBy,
              requestedByName: r.requestedByName,
              checkedBy: r.checkedBy,
              checkedByName: r.checkedByName,
              approvedBy: r.decidedBy,
              approvedByName: r.decidedByName,
            }
          : null,
      };
    }),
  };
}
