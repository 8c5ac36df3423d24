import { lifecycleSignals, type TDisclosureWithdrawn } from '@sanxiang/shared/src/contracts';
import { fromDateColumn } from '@sanxiang/shared/src/calendar';
import { AppError } from '@sanxiang/shared';
import type { Disclosure, OutcomeRequest } from '../../data-access/rows';
import { disclosureSubject, writeAudit } from '../../data-access/audit-log';
import { updateDisclosure } from '../../data-access/disclosure-repository';
import { replaceByWithdrawalNotice } from '../../data-access/public-decision-repository';
import type { TCommandContext } from '../../data-access/unit-of-work';
import { correctionSubject, endDutyClock } from '../duty-clocks';

/**
 * 撤下, once the head approved the withdrawal request (outcomes/outcome-requests.ts; 003 (六),
 * 004 §14, §16): the public record is replaced by the withdrawal notice with its explanation; a
 * correction in progress is abandoned; the lifecycle workflow is told (重新作出 opens a new decision
 * cycle). The approving head is the one who withdrew it.
 */
export async function carryOutWithdrawal(
  ctx: TCommandContext,
  d: Disclosure,
  r: OutcomeRequest,
): Promise<Disclosure> {
  const { tx, actor, now } = ctx;
  if (d.status !== 'published') {
    throw new AppError('conflict', '该决定已不在公示中，不能撤下', { extra: { disclosureStatus: d.status } });
  }
  const updated = await updateDisclosure(tx, d.id, {
    status: 'withdrawn',
    reviewStage: null,
    withdrawnAt: now,
    withdrawnBy: actor.id,
    withdrawalReason: r.reason,
    withdrawalExplanation: r.explanation,
  });
  await replaceByWithdrawalNotice(tx, d.id, {
    withdrawnAt: now,
    reason: r.reason as TDisclosureWithdrawn['reason'],
    explanation: r.explanation,
  });
  await writeAudit(tx, actor, 'disclosure.withdrawn', disclosureSubject(d.id), {
    outcomeRequestId: r.id,
    reason: r.reason,
    explanation: r.explanation,
    revokingDocument: {
      documentNumber: r.basisDocumentNumber,
      date: r.basisDate ? fromDateColumn(r.basisDate) : null,
      authority: r.basisAuthority,
    },
    requestedBy: r.requestedBy,
    checkedBy: r.checkedBy,
    abandonedCorrection: d.reviewStage !== null ? d.workingVersion : null,
  });
  await endDutyClock(ctx, 'withdrawal', d.id, '已撤下');
  if (d.reviewStage !== null) {
    await endDutyClock(
      ctx,
      'correctionRepublication',
      correctionSubject(d.id, d.publishedVersion),
      '原决定已撤下，更正终止',
    );
  }
  if (d.workflowId && d.cycle) {
    const payload: TDisclosureWithdrawn = {
      cycle: d.cycle,
      disclosureId: d.id,
      reason: r.reason as TDisclosureWithdrawn['reason'],
      explanation: r.explanation,
      withdrawnBy: actor.id,
      at: now.toISOString(),
    };
    await ctx.signal({ workflowId: d.workflowId, signal: lifecycleSignals.disclosureWithdrawn, payload });
  }
  return updated;
}
