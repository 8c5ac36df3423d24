import type { TIdempotentRequest } from '@sanxiang/shared';
import { ZInstant } from '@sanxiang/shared/src/contracts';
import { z } from 'zod';
import { reviewSubject, writeAudit } from '../../data-access/audit-repository';
import { createExpertConsultation } from '../../data-access/review-repository';
import { inTransaction } from '../../data-access/transaction';
import type { TActor } from '../actor';
import type { TDomainDeps } from '../deps';
import { assertNotIssued, assertNotRecused, loadReviewForUpdate } from './review-guards';
import { toConsultation, ZConsultation } from './review-views';
import { ZName, ZText } from '../schemas';

export const ZRecordConsultationBody = z.object({
  expertName: ZName,
  expertTitle: z.string().trim().max(100).optional(),
  organisation: z.string().trim().max(200).optional(),
  consultedAt: ZInstant,
  question: z.string().trim().max(2000).optional(),
  /** The expert's view (咨询论证意见). */
  notes: ZText(8000),
});
export type TRecordConsultationBody = z.infer<typeof ZRecordConsultationBody>;
export { ZConsultation };

/** 专家咨询论证 (审核办法 §10): on complex cases the office records what experts advised. */
export async function recordExpertConsultation(
  deps: TDomainDeps,
  actor: TActor,
  reviewId: string,
  body: TRecordConsultationBody,
  idempotency: TIdempotentRequest | undefined,
): Promise<z.infer<typeof ZConsultation>> {
  const { value } = await inTransaction(
    deps.db,
    async (tx) => {
      const review = await loadReviewForUpdate(tx, reviewId);
      assertNotIssued(review, '记录专家咨询');
      await assertNotRecused(tx, review, actor);
      const now = deps.now();
      const consultation = await createExpertConsultation(tx, {
        reviewId,
        expertName: body.expertName,
        expertTitle: body.expertTitle ?? null,
        organisation: body.organisation ?? null,
        consultedAt: new Date(body.consultedAt),
        question: body.question ?? null,
        notes: body.notes,
        recordedBy: actor.id,
        recordedByName: actor.name,
        recordedAt: now,
      });
      await writeAudit(
        tx,
        actor,
        'review.expertConsulted',
        reviewSubject(reviewId),
        { consultationId: consultation.id, expertName: body.expertName, consultedAt: body.consultedAt },
        now,
      );
      return toConsultation(consultation);
    },
    idempotency,
  );
  return value;
}
