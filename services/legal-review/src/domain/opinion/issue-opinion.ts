import { AppError, formatDateTimeLong, type TIdempotentRequest } from '@sanxiang/shared';
import { ZReviewOutcome, ZReviewPoint } from '@sanxiang/shared/src/domain';
import { z } from 'zod';
import { reviewSubject, writeAudit } from '../../data-access/audit-repository';
import { enqueueOutbox } from '../../data-access/outbox-repository';
import { ZCaseRecordFilingRequest, type TCaseRecordFilingRequest } from '../../data-access/recording-client';
import {
  createOpinion,
  findOpenMaterialRequest,
  findOpinionOfReview,
  listFindings,
  listReviewMaterialKinds,
  updateReview,
} from '../../data-access/review-repository';
import { inTransaction } from '../../data-access/transaction';
import type { TActor } from '../actor';
import type { TDomainDeps } from '../deps';
import { findingConclusionLabel, listMaterialKinds, reviewPointLabel } from '../labels';
import { missingMaterialKinds } from '../materials/material-completeness';
import { opinionFilingKey, renderOpinionDocument, toOpinionView } from './opinion-document';
import { fromDateColumn } from '@sanxiang/shared/src/calendar';
import { assertAssignee, assertNotRecused, loadReviewForUpdate } from '../review/review-guards';
import { assertNotHandler } from '../review/separation-of-duties';
import { ZOpinion, type TOpinionView } from '../review/review-views';
import { ZText } from '../schemas';
import { queueWorkflowSignal } from '../lifecycle/workflow-signals';

export const ZIssueOpinionBody = z.object({
  /** Exactly one of 同意 / 补充调查 / 变更 / 纠正 / 移送 (审核办法 §12). */
  outcome: ZReviewOutcome,
  /** The written reasons (书面意见). */
  reasons: ZText(4000),
});
export type TIssueOpinionBody = z.infer<typeof ZIssueOpinionBody>;
export { ZOpinion };

/** The outbox payload that files the opinion into the case file. */
export interface TFilingPayload {
  caseNumber: string;
  idempotencyKey: string;
  body: TCaseRecordFilingRequest;
}

/**
 * 出具审核意见 (审核办法 §12, §15). Refused with 409 and the reason when: the round already has its
 * opinion; the caller declared a conflict of interest; materials are awaited or a required kind is
 * missing; a review point is unanswered; or 同意 is chosen although a point found an issue.
 *
 * In one transaction: the immutable opinion (the archive copy, with its rendered text and hash),
 * the review closed, the audit event, and two outbox messages: the `reviewOpinionIssued` signal with
 * the intake's round, and the filing of the same document into the case file.
 */
export async function issueOpinion(
  deps: TDomainDeps,
  actor: TActor,
  reviewId: string,
  body: TIssueOpinionBody,
  idempotency: TIdempotentRequest | undefined,
): Promise<TOpinionView> {
  const { value } = await inTransaction(
    deps.db,
    async (tx) => {
      const review = await loadReviewForUpdate(tx, reviewId);
      const existing = await findOpinionOfReview(tx, reviewId);
      if (existing) {
        throw new AppError(
          'conflict',
          `第 ${review.round} 轮审核已于 ${formatDateTimeLong(existing.issuedAt)} 出具审核意见，意见出具后不可更改；如需重新审核，应由承办机构补正后重新送审`,
          { extra: { reason: 'opinionExists', opinionId: existing.id } },
        );
      }
      await assertNotRecused(tx, review, actor);
      assertAssignee(review, actor, '出具审核意见');
      assertNotHandler(review, actor);
      // Sequential: one connection carries the transaction.
      const materials = await listReviewMaterialKinds(tx, reviewId);
      const openRequest = await findOpenMaterialRequest(tx, reviewId);
      const findings = await listFindings(tx, reviewId);
      if (review.status === 'awaitingMaterials' || openRequest) {
        throw new AppError(
          'conflict',
          `送审材料尚不完整：要求补充的材料（${listMaterialKinds(openRequest?.missing ?? [])}）尚未提交` +
            (openRequest ? `，提交期限 ${fromDateColumn(openRequest.dueDate)}` : '') +
            '，材料齐全后方可出具审核意见',
          { extra: { reason: 'materialsIncomplete' } },
        );
      }
      const missing = missingMaterialKinds(review.hearingOrAssessmentHeld, materials);
      if (missing.length > 0) {
        throw new AppError(
          'conflict',
          `送审材料不全，缺少：${listMaterialKinds(missing)}。请先要求承办机构补充材料`,
          { extra: { reason: 'materialsIncomplete', missing } },
        );
      }
      const answered = new Set(findings.map((f) => f.point));
      const unanswered = ZReviewPoint.options.filter((p) => !answered.has(p));
      if (unanswered.length > 0) {
        throw new AppError(
          'conflict',
          `以下审核要点尚未填写审核情况：${unanswered.map((p) => reviewPointLabel[p]).join('；')}`,
          { extra: { reason: 'findingsIncomplete', unanswered } },
        );
      }
      const issues = findings.filter((f) => f.conclusion === 'issueFound');
      if (body.outcome === 'approve' && issues.length > 0) {
        throw new AppError(
          'conflict',
          `以下审核要点发现问题，不能出具同意意见：${issues.map((f) => reviewPointLabel[f.point]).join('；')}`,
          { extra: { reason: 'approveWithIssues', points: issues.map((f) => f.point) } },
        );
      }

      const now = deps.now();
      const frozen = ZReviewPoint.options.map((p) => {
        const f = findings.find((x) => x.point === p)!;
        return { point: f.point, conclusion: f.conclusion, findings: f.findings };
      });
      const document = renderOpinionDocument({
        caseNumber: review.caseNumber,
        round: review.round,
        cycle: review.cycle,
        decisionKind: review.decisionKind,
        submittedAt: review.submittedAt,
        findings: frozen,
        outcome: body.outcome,
        reasons: body.reasons,
        reviewerName: actor.name,
        issuedAt: now,
      });
      const opinion = await createOpinion(tx, {
        reviewId,
        caseNumber: review.caseNumber,
        round: review.round,
        outcome: body.outcome,
        reasons: body.reasons,
        findings: frozen,
        reviewerId: actor.id,
        reviewerName: actor.name,
        issuedAt: now,
        documentText: document.text,
        contentSha256: document.sha256,
      });
      await updateReview(tx, reviewId, {
        status: 'issued',
        outcome: body.outcome,
        issuedAt: now,
        attentionAt: null,
        materialsDueAt: null,
      });
      await queueWorkflowSignal(
        tx,
        review.caseNumber,
        review.id,
        `opinion-issued:${reviewId}`,
        {
          name: 'reviewOpinionIssued',
          payload: {
            round: review.round,
            outcome: body.outcome,
            reasons: body.reasons,
            issuedAt: now.toISOString(),
            reviewerId: actor.id,
            opinionId: opinion.id,
          },
        },
        now,
      );
      const filing: TFilingPayload = {
        caseNumber: review.caseNumber,
        idempotencyKey: `legal-review:${opinionFilingKey(opinion.id)}`,
        body: ZCaseRecordFilingRequest.parse({
          kind: 'legalReviewOpinion',
          content: {
            reviewId,
            opinionId: opinion.id,
            round: review.round,
            outcome: body.outcome,
            reasons: body.reasons,
            reviewPoints: frozen.map((f) => ({
              point: f.point,
              finding: `${findingConclusionLabel[f.conclusion]}。${f.findings}`.slice(0, 4000),
            })),
            reviewerId: actor.id,
            reviewerName: actor.name,
            issuedAt: now.toISOString(),
          },
        }),
      };
      await enqueueOutbox(
        tx,
        {
          kind: 'recordingRecord',
          orderingKey: opinionFilingKey(opinion.id),
          dedupeKey: opinionFilingKey(opinion.id),
          subject: reviewSubject(reviewId),
          payload: filing as unknown as Record<string, unknown>,
        },
        now,
      );
      await writeAudit(
        tx,
        actor,
        'review.opinionIssued',
        reviewSubject(reviewId),
        {
          opinionId: opinion.id,
          round: review.round,
          outcome: body.outcome,
          reasons: body.reasons,
          contentSha256: document.sha256,
        },
        now,
      );
      return toOpinionView(opinion, {
        status: 'pending',
        recordId: null,
        filedAt: null,
        attempts: 0,
        lastError: null,
      });
    },
    idempotency,
  );
  deps.afterCommit();
  return value;
}
