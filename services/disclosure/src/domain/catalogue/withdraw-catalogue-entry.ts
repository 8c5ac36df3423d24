import { z } from 'zod';
import { AppError, refuseByRule } from '@sanxiang/shared';
import { ZExplanationSentence } from '@sanxiang/shared/src/domain';
import type { Disclosure, OutcomeRequest } from '../../data-access/rows';
import { disclosureSubject, writeAudit } from '../../data-access/audit-log';
import { findDisclosure, lockDisclosure, updateDisclosure } from '../../data-access/disclosure-repository';
import { createOutcomeRequest, findOpenOutcomeRequest } from '../../data-access/outcome-repository';
import { endPublicCatalogueEntry, removePublicItem } from '../../data-access/public-item-repository';
import type { TCommandContext } from '../../data-access/unit-of-work';
import { disclosureStatusLabel, labelOf } from '../labels';
import { markCatalogueEntryUpdated } from '../publication/publication';
import { ZCatalogueWithdrawalReason } from './catalogue-content';

/**
 * 撤下事前公开目录条目 (000 §4, 003 (一): 根据法律、法规、规章立改废和部门机构职能调整等情况动态调整):
 * an entry whose basis was repealed, whose functions moved, or that another entry replaces is taken
 * down like a published decision — a request with its ground and a sentence of explanation, the
 * check (审核) by another person, the head's approval (负责人批准), through the same outcome requests
 * (`…/outcome-requests/{requestId}/check|approval`). The public platform keeps the withdrawn entry's
 * history and shows a notice with the explanation and, if any, the entry that replaces it.
 */
export const ZCatalogueWithdrawalRequest = z
  .object({
    reason: ZCatalogueWithdrawalReason,
    /** Published with the notice: a real sentence. */
    explanation: ZExplanationSentence(12, 4000),
    /** The published catalogue entry that takes this one's place (required when `replaced`). */
    replacedBy: z.uuid({ error: '编号格式不正确' }).optional(),
  })
  .refine((v) => v.reason !== 'replaced' || v.replacedBy !== undefined, {
    path: ['replacedBy'],
    message: '由新条目取代的，须写明取代它的目录条目',
  });
export type TCatalogueWithdrawalRequest = z.infer<typeof ZCatalogueWithdrawalRequest>;

export async function requestCatalogueWithdrawal(
  ctx: TCommandContext,
  id: string,
  input: TCatalogueWithdrawalRequest,
) {
  const { tx, actor, now } = ctx;
  const d = await lockDisclosure(tx, id);
  if (d.kind !== 'catalogueEntry') throw new AppError('notFound', '未找到该目录条目');
  if (d.status !== 'published') {
    throw new AppError(
      'conflict',
      `只有已发布的目录条目可以撤下（当前：${labelOf(disclosureStatusLabel, d.status)}）`,
      { extra: { disclosureStatus: d.status } },
    );
  }
  const open = await findOpenOutcomeRequest(tx, d.id);
  if (open) {
    throw new AppError('conflict', '该目录条目已有待审核的撤下申请，请先完成审核', {
      extra: { outcomeRequestId: open.id, kind: open.kind, stage: open.stage },
    });
  }
  if (input.replacedBy !== undefined) {
    const by = input.replacedBy === d.id ? null : await findDisclosure(tx, input.replacedBy);
    if (!by || by.kind !== 'catalogueEntry' || by.status !== 'published') {
      throw refuseByRule(
        'catalogueKeptCurrent',
        '取代它的须是另一条已发布的事前公开目录条目（先发布新条目，再撤下旧条目）',
        { status: 422, field: 'body.replacedBy' },
      );
    }
  }
  const request = await createOutcomeRequest(tx, {
    disclosureId: d.id,
    kind: 'withdrawal',
    reason: input.reason,
    explanation: input.explanation,
    replacedById: input.replacedBy ?? null,
    requestedBy: actor.id,
    requestedByName: actor.name,
    requestedAt: now,
  });
  await writeAudit(tx, actor, 'catalogueEntry.withdrawalRequested', disclosureSubject(d.id), {
    outcomeRequestId: request.id,
    reason: input.reason,
    explanation: input.explanation,
    replacedBy: input.replacedBy ?? null,
  });
  return { disclosure: d, request };
}

/**
 * The head approved: the entry leaves the current catalogue; its history stays public with the
 * withdrawal notice. A registered change of law that listed the entry counts it as dealt with.
 */
export async function carryOutCatalogueWithdrawal(
  ctx: TCommandContext,
  d: Disclosure,
  r: OutcomeRequest,
): Promise<Disclosure> {
  const { tx, actor, now } = ctx;
  if (d.status !== 'published') {
    throw new AppError('conflict', '该目录条目已不在公示中，不能撤下', {
      extra: { disclosureStatus: d.status },
    });
  }
  const updated = await updateDisclosure(tx, d.id, {
    status: 'withdrawn',
    reviewStage: null,
    withdrawnAt: now,
    withdrawnBy: actor.id,
    withdrawalReason: r.reason,
    withdrawalExplanation: r.explanation,
  });
  await removePublicItem(tx, d.id);
  await endPublicCatalogueEntry(tx, d.id, {
    at: now,
    reason: r.reason,
    explanation: r.explanation,
    replacedById: r.replacedById,
  });
  await writeAudit(tx, actor, 'catalogueEntry.withdrawn', disclosureSubject(d.id), {
    outcomeRequestId: r.id,
    reason: r.reason,
    explanation: r.explanation,
    replacedBy: r.replacedById,
    requestedBy: r.requestedBy,
    checkedBy: r.checkedBy,
    abandonedRevision: d.reviewStage !== null ? d.workingVersion : null,
  });
  if (d.publishedVersion !== null) await markCatalogueEntryUpdated(ctx, updated, d.publishedVersion);
  return updated;
}
