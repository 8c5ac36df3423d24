import { disclosureStatusLabel, labelOf } from '../labels';
import { z } from 'zod';
import { lifecycleSignals, type TDisclosureWithdrawn } from '@sanxiang/shared/src/contracts';
import { ZWithdrawalReason } from '@sanxiang/shared/src/domain';
import { AppError } from '@sanxiang/shared';
import { disclosureSubject, writeAudit } from '../../data-access/audit-log';
import { lockDisclosure, updateDisclosure } from '../../data-access/disclosure-repository';
import { replaceByWithdrawalNotice } from '../../data-access/public-decision-repository';
import type { TCommandContext } from '../../data-access/unit-of-work';

export const ZWithdrawDisclosure = z.object({
  reason: ZWithdrawalReason,
  /** Published with the notice (作出必要的说明). */
  explanation: z.string().trim().min(5).max(4000),
});
export type TWithdrawDisclosure = z.infer<typeof ZWithdrawDisclosure>;

/**
 * 撤下: the original decision was revoked, confirmed illegal or must be redone (003 §(六), 004 §14).
 * The public record is replaced by the withdrawal notice with its explanation; a correction in
 * progress is abandoned; the lifecycle workflow is told (重新作出 opens a new decision cycle).
 * Repeating the same withdrawal answers with the record as it is.
 */
export async function withdrawDisclosure(ctx: TCommandContext, id: string, input: TWithdrawDisclosure) {
  const { tx, actor, now } = ctx;
  const d = await lockDisclosure(tx, id);
  if (d.kind !== 'decision') throw new AppError('conflict', '只有行政执法决定可以撤下');
  if (
    d.status === 'withdrawn' &&
    d.withdrawalReason === input.reason &&
    d.withdrawalExplanation === input.explanation
  ) {
    return d;
  }
  if (d.status !== 'published') {
    throw new AppError(
      'conflict',
      `只有已公示的决定可以撤下（当前：${labelOf(disclosureStatusLabel, d.status)}）`,
      {
        extra: { disclosureStatus: d.status },
      },
    );
  }
  const updated = await updateDisclosure(tx, d.id, {
    status: 'withdrawn',
    reviewStage: null,
    withdrawnAt: now,
    withdrawnBy: actor.id,
    withdrawalReason: input.reason,
    withdrawalExplanation: input.explanation,
  });
  await replaceByWithdrawalNotice(tx, d.id, {
    withdrawnAt: now,
    reason: input.reason,
    explanation: input.explanation,
  });
  await writeAudit(tx, actor, 'disclosure.withdrawn', disclosureSubject(d.id), {
    reason: input.reason,
    explanation: input.explanation,
    abandonedCorrection: d.reviewStage !== null ? d.workingVersion : null,
  });
  if (d.workflowId && d.cycle) {
    const payload: TDisclosureWithdrawn = {
      cycle: d.cycle,
      disclosureId: d.id,
      reason: input.reason,
      explanation: input.explanation,
      withdrawnBy: actor.id,
      at: now.toISOString(),
    };
    await ctx.signal({ workflowId: d.workflowId, signal: lifecycleSignals.disclosureWithdrawn, payload });
  }
  return updated;
}
