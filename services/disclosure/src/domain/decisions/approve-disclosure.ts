import { z } from 'zod';
import { lifecycleSignals, type TDisclosureApproved } from '@sanxiang/shared/src/contracts';
import { disclosureSubject, writeAudit } from '../../data-access/audit-log';
import {
  addReviewStep,
  getVersion,
  lockDisclosure,
  reviewStepsOf,
  updateDisclosure,
} from '../../data-access/disclosure-repository';
import type { TCommandContext } from '../../data-access/unit-of-work';
import { showOnPlatform } from '../publication/publication';
import { correctionSubject, endDutyClock } from '../duty-clocks';
import { assertStage, ZReviewBase } from './review-steps';
import { assertNotOwnWork } from './separation-of-duties';

export const ZApproveDisclosure = ZReviewBase.extend({
  outcome: z.enum(['approve', 'return']),
}).refine((v) => v.outcome === 'approve' || v.note !== undefined, {
  path: ['note'],
  message: '退回修改须写明理由',
});
export type TApproveDisclosure = z.infer<typeof ZApproveDisclosure>;

/**
 * The unit head's decision on the checked version (未经行政执法机构负责人批准不得发布, 004 §16).
 * - a decision's first publication: approved; the lifecycle workflow is signalled and publishes it
 *   through POST /internal/disclosures/{id}/publish, which stops its deadline clock;
 * - a correction of a published decision, a catalogue entry, a report: published at once (no
 *   workflow waits for them).
 */
export async function approveDisclosure(ctx: TCommandContext, id: string, input: TApproveDisclosure) {
  const { tx, actor, now } = ctx;
  const d = await lockDisclosure(tx, id);
  assertStage(d, 'awaitingApproval', input.version);
  const steps = await reviewStepsOf(tx, d.id, input.version);
  const version = await getVersion(tx, d.id, input.version);
  assertNotOwnWork('approve', d, version.createdBy, steps, actor);
  const approve = input.outcome === 'approve';
  await addReviewStep(
    tx,
    {
      disclosureId: d.id,
      version: input.version,
      action: approve ? 'approve' : 'approvalReturn',
      note: input.note,
      at: now,
    },
    actor,
  );
  const subject = disclosureSubject(d.id);
  if (!approve) {
    await writeAudit(tx, actor, 'disclosure.approvalReturned', subject, {
      version: input.version,
      note: input.note ?? null,
    });
    return updateDisclosure(tx, d.id, { reviewStage: 'editing' });
  }

  if (d.kind === 'decision' && d.status === 'draft') {
    const updated = await updateDisclosure(tx, d.id, {
      status: 'approved',
      reviewStage: null,
      approvedVersion: input.version,
      approvedBy: actor.id,
      approvedAt: now,
    });
    await writeAudit(tx, actor, 'disclosure.approved', subject, {
      version: input.version,
      note: input.note ?? null,
    });
    if (d.workflowId && d.cycle) {
      const payload: TDisclosureApproved = {
        cycle: d.cycle,
        disclosureId: d.id,
        approvedBy: actor.id,
        approvedAt: now.toISOString(),
      };
      await ctx.signal({ workflowId: d.workflowId, signal: lifecycleSignals.disclosureApproved, payload });
    }
    return updated;
  }

  const correction = d.status === 'published';
  const publishedAt = d.publishedAt ?? now;
  const updated = await updateDisclosure(tx, d.id, {
    status: 'published',
    reviewStage: null,
    publishedVersion: input.version,
    publishedAt,
    ...(correction ? {} : { approvedVersion: input.version, approvedBy: actor.id, approvedAt: now }),
  });
  await showOnPlatform(ctx, updated, input.version, { publishedAt, correctedAt: correction ? now : null });
  if (correction) {
    await endDutyClock(
      ctx,
      'correctionRepublication',
      correctionSubject(d.id, d.publishedVersion),
      '已重新发布',
    );
  } else if (d.kind === 'creditBlacklist' && d.period) {
    await endDutyClock(ctx, 'creditBlacklist', d.period, '已发布');
  } else if (d.kind === 'annualStatistics' && d.period) {
    // The head's approval is the internal report (001); publication follows at once (002 4(5)).
    await endDutyClock(ctx, 'annualStatisticsReport', d.period, '负责人已批准');
    await endDutyClock(ctx, 'annualStatisticsPublication', d.period, '已发布');
  }
  await writeAudit(tx, actor, correction ? 'disclosure.corrected' : 'disclosure.published', subject, {
    version: input.version,
    note: input.note ?? null,
  });
  return updated;
}
