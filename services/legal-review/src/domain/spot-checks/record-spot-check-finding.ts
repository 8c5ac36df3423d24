import { AppError } from '@sanxiang/shared';
import { z } from 'zod';
import { spotCheckSubject, writeAudit } from '../../data-access/audit-repository';
import {
  findSpotCheckItem,
  lockSpotCheckItem,
  updateSpotCheckItem,
} from '../../data-access/spot-check-repository';
import { inTransaction } from '../../data-access/transaction';
import type { TActor } from '../actor';
import type { TDomainDeps } from '../deps';
import { toSpotCheckItem, ZSpotCheckItem, type TSpotCheckItemView } from './spot-check-views';
import { ZText } from '../schemas';

export const ZSpotCheckItemParams = z.object({ spotCheckId: z.uuid(), itemId: z.uuid() });
export const ZRecordSpotCheckFindingBody = z.object({
  conclusion: z.enum(['compliant', 'issuesFound']),
  findings: ZText(4000),
});
export type TRecordSpotCheckFindingBody = z.infer<typeof ZRecordSpotCheckFindingBody>;
export { ZSpotCheckItem };

/** 抽查结论: the finding on one sampled decision. A correction is audited with the previous one. */
export async function recordSpotCheckFinding(
  deps: TDomainDeps,
  actor: TActor,
  params: z.infer<typeof ZSpotCheckItemParams>,
  body: TRecordSpotCheckFindingBody,
): Promise<TSpotCheckItemView> {
  const { value } = await inTransaction(deps.db, async (tx) => {
    await lockSpotCheckItem(tx, params.itemId);
    const item = await findSpotCheckItem(tx, params.spotCheckId, params.itemId);
    if (!item) throw new AppError('notFound', '抽查样本不存在');
    const now = deps.now();
    const updated = await updateSpotCheckItem(tx, item.id, {
      conclusion: body.conclusion,
      findings: body.findings,
      checkedBy: actor.id,
      checkedByName: actor.name,
      checkedAt: now,
    });
    await writeAudit(
      tx,
      actor,
      'spotCheck.findingRecorded',
      spotCheckSubject(params.spotCheckId),
      {
        itemId: item.id,
        filingId: item.filingId,
        conclusion: body.conclusion,
        findings: body.findings,
        previous: item.conclusion ? { conclusion: item.conclusion, findings: item.findings } : null,
      },
      now,
    );
    return toSpotCheckItem(updated);
  });
  return value;
}
