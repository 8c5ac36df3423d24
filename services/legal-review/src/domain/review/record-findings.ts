import { ZReviewPoint } from '@sanxiang/shared/src/domain';
import { z } from 'zod';
import { reviewSubject, writeAudit } from '../../data-access/audit-repository';
import { listFindings, saveFinding } from '../../data-access/review-repository';
import { inTransaction } from '../../data-access/transaction';
import type { TActor } from '../actor';
import type { TDomainDeps } from '../deps';
import { assertAssignee, assertNotIssued, assertNotRecused, loadReviewForUpdate } from './review-guards';
import { toFinding, ZFindingConclusion, type TFindingView } from './review-views';
import { ZText } from '../schemas';

export const ZRecordFindingsBody = z.object({
  findings: z
    .array(z.object({ point: ZReviewPoint, conclusion: ZFindingConclusion, findings: ZText(4000) }))
    .min(1)
    .max(9)
    .refine((list) => new Set(list.map((f) => f.point)).size === list.length, '每个审核要点只能列一次'),
});
export type TRecordFindingsBody = z.infer<typeof ZRecordFindingsBody>;

/**
 * 审核内容 (审核办法 §10): the assigned reviewer answers review points with findings; answers can
 * be revised until the opinion is issued, when they are frozen into it. Each revision is audited
 * with the previous answer.
 */
export async function recordFindings(
  deps: TDomainDeps,
  actor: TActor,
  reviewId: string,
  body: TRecordFindingsBody,
): Promise<TFindingView[]> {
  const { value } = await inTransaction(deps.db, async (tx) => {
    const review = await loadReviewForUpdate(tx, reviewId);
    assertNotIssued(review, '修改审核要点');
    await assertNotRecused(tx, review, actor);
    assertAssignee(review, actor, '填写审核要点');
    const now = deps.now();
    const before = await listFindings(tx, reviewId);
    const previous = new Map(before.map((f) => [f.point, f]));
    for (const f of body.findings) {
      const data = {
        conclusion: f.conclusion,
        findings: f.findings,
        updatedBy: actor.id,
        updatedByName: actor.name,
        updatedAt: now,
      };
      await saveFinding(tx, { reviewId, point: f.point }, data);
    }
    await writeAudit(
      tx,
      actor,
      'review.findingsRecorded',
      reviewSubject(reviewId),
      {
        changes: body.findings.map((f) => ({
          point: f.point,
          conclusion: f.conclusion,
          findings: f.findings,
          previous: previous.has(f.point)
            ? { conclusion: previous.get(f.point)!.conclusion, findings: previous.get(f.point)!.findings }
            : null,
        })),
      },
      now,
    );
    const all = await listFindings(tx, reviewId);
    const order = ZReviewPoint.options;
    return all.sort((a, b) => order.indexOf(a.point) - order.indexOf(b.point)).map(toFinding);
  });
  return value;
}
