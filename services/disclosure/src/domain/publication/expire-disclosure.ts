import type { TDisclosureExpireRequest, TDisclosureExpireResponse } from '@sanxiang/shared/src/contracts';
import { AppError } from '@sanxiang/shared';
import { disclosureSubject, writeAudit } from '../../data-access/audit-log';
import { lockDisclosure, updateDisclosure } from '../../data-access/disclosure-repository';
import { removePublicDecision } from '../../data-access/public-decision-repository';
import type { TCommandContext } from '../../data-access/unit-of-work';
import { assertSameCase } from './publish-disclosure';
import { disclosureStatusLabel, labelOf } from '../labels';

/**
 * End of the publication period (公示期满撤下: 5 years, 2 for a natural person): the record leaves
 * the public platform; internally every version stays. A withdrawn record's notice expires with it.
 * A repeat answers with the first expiry time.
 */
export async function expireDisclosure(
  ctx: TCommandContext,
  id: string,
  req: TDisclosureExpireRequest,
): Promise<TDisclosureExpireResponse> {
  const { tx, actor, now } = ctx;
  const d = await lockDisclosure(tx, id);
  assertSameCase(d, req.workflowId, req.cycle);
  if (d.expiredAt) return { expiredAt: d.expiredAt.toISOString() };
  if (d.status !== 'published' && d.status !== 'withdrawn') {
    throw new AppError(
      'conflict',
      `当前状态（${labelOf(disclosureStatusLabel, d.status)}）的记录未公示，无需到期撤下`,
      {
        extra: { disclosureStatus: d.status },
      },
    );
  }
  await updateDisclosure(tx, d.id, { status: 'expired', expiredAt: now, reviewStage: null });
  await removePublicDecision(tx, d.id);
  await writeAudit(tx, actor, 'disclosure.expired', disclosureSubject(d.id), {
    expiresAt: req.expiresAt,
    previousStatus: d.status,
    abandonedCorrection: d.reviewStage !== null ? d.workingVersion : null,
  });
  return { expiredAt: now.toISOString() };
}
