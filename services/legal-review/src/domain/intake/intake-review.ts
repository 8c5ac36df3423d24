import type { TIdempotentRequest } from '@sanxiang/shared';
import {
  ZReviewIntakeRequest,
  type TReviewIntakeRequest,
  type TReviewIntakeResponse,
} from '@sanxiang/shared/src/contracts';
import { lifecycleWorkflowId } from '@sanxiang/shared/src/domain';
import { reviewSubject, writeAudit } from '../../data-access/audit-repository';
import { createReview, findPreviousRound, findRoundOfCase } from '../../data-access/review-repository';
import { inTransaction } from '../../data-access/transaction';
import type { TActor } from '../actor';
import type { TDomainDeps } from '../deps';
import { missingMaterialKinds } from '../materials/material-completeness';
import { computeReviewDeadline } from '../review-deadline';
import { toDateColumn } from '@sanxiang/shared/src/calendar';

/** The contract's body, plus the one cross-field rule the contract states in prose. */
export const ZIntakeReviewBody = ZReviewIntakeRequest.refine(
  (b) => b.workflowId === lifecycleWorkflowId(b.caseNumber),
  { path: ['workflowId'], message: '与案号不符（应为该案号的办案流程编号）' },
);

export interface TIntakeResult extends TReviewIntakeResponse {
  created: boolean;
}

/**
 * 受理送审 (审核办法 §6–§8): a workflow activity hands one review round in. Idempotent twice over:
 * by Idempotency-Key (the activity's retries) and by the natural key caseNumber+round (a new key
 * for the same round returns the existing review). The receipt instant starts the 10-working-day
 * count; the due date is computed here with the workflow's calendar and stored.
 */
export async function intakeReview(
  deps: TDomainDeps,
  actor: TActor,
  body: TReviewIntakeRequest,
  idempotency: TIdempotentRequest | undefined,
): Promise<{ value: TIntakeResult; replayed: boolean }> {
  const calendar = await deps.calendar();
  return inTransaction(
    deps.db,
    async (tx) => {
      const existing = await findRoundOfCase(tx, body.caseNumber, body.round);
      if (existing) {
        return { reviewId: existing.id, receivedAt: existing.receivedAt.toISOString(), created: false };
      }
      const previous = await findPreviousRound(tx, body.caseNumber, body.round);
      if (previous && previous.status !== 'issued') {
        // The workflow opens a round only after the previous opinion; say so loudly, but accept:
        // refusing would only make the activity retry forever.
        deps.logger.warn(
          { caseNumber: body.caseNumber, round: body.round, previousRound: previous.round },
          'intake of a new round while the previous round has no opinion',
        );
      }
      const receivedAt = deps.now();
      const deadline = computeReviewDeadline(calendar, receivedAt);
      const handlerIds = [...new Set([body.submittedBy, ...body.officers.map((o) => o.userId)])];
      const review = await createReview(tx, {
        caseNumber: body.caseNumber,
        round: body.round,
        cycle: body.cycle,
        workflowId: body.workflowId,
        previousReviewId: previous?.id ?? null,
        status: 'pending',
        submittedBy: body.submittedBy,
        submittedAt: new Date(body.submittedAt),
        officers: body.officers,
        handlerIds,
        decisionKind: body.decisionKind,
        summary: body.summary,
        majorCriteria: body.majorCriteria,
        hearingOrAssessmentHeld: body.hearingOrAssessmentHeld,
        receivedAt,
        clockStartAt: receivedAt,
        dueDate: toDateColumn(deadline.dueDate),
        dueAt: deadline.dueAt,
        remindAt: deadline.remindAt,
        dueProvisional: deadline.provisional,
        attentionAt: deadline.remindAt,
        materials: {
          create: body.materials.map((m) => ({
            kind: m.kind,
            documentId: m.documentId ?? null,
            title: m.title,
            addedAt: receivedAt,
            addedBy: body.submittedBy,
          })),
        },
      });
      await writeAudit(
        tx,
        actor,
        'review.received',
        reviewSubject(review.id),
        {
          caseNumber: body.caseNumber,
          round: body.round,
          cycle: body.cycle,
          workflowId: body.workflowId,
          previousReviewId: previous?.id ?? null,
          dueDate: deadline.dueDate,
          dueProvisional: deadline.provisional,
          materials: body.materials.length,
          missingMaterials: missingMaterialKinds(body.hearingOrAssessmentHeld, body.materials),
        },
        receivedAt,
      );
      return { reviewId: review.id, receivedAt: receivedAt.toISOString(), created: true };
    },
    idempotency,
  );
}
