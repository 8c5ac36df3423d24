import type { TDisclosurePublishRequest, TDisclosurePublishResponse } from '@sanxiang/shared/src/contracts';
import { AppError } from '@sanxiang/shared';
import type { Disclosure } from '../../data-access/rows';
import { disclosureSubject, writeAudit } from '../../data-access/audit-log';
import { lockDisclosure, updateDisclosure } from '../../data-access/disclosure-repository';
import type { TCommandContext } from '../../data-access/unit-of-work';
import { showOnPlatform } from './publication';

/** 5 years; 2 where the party is a natural person (003 §(六)). */
export const publicationYears = (partyKind: string | null): number => (partyKind === 'naturalPerson' ? 2 : 5);

const addYears = (d: Date, years: number) => {
  const out = new Date(d);
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
};

export function assertSameCase(d: Disclosure, workflowId: string, cycle: number): void {
  if (d.kind !== 'decision' || d.workflowId !== workflowId || d.cycle !== cycle) {
    throw new AppError('conflict', '该公示记录不属于此案件流程或决定轮次', {
      extra: { workflowId: d.workflowId, cycle: d.cycle },
    });
  }
}

/**
 * The workflow publishes an approved decision (POST /internal/disclosures/{id}/publish). Never
 * before the head's approval; a repeat answers with the first publication time.
 */
export async function publishDisclosure(
  ctx: TCommandContext,
  id: string,
  req: TDisclosurePublishRequest,
): Promise<TDisclosurePublishResponse> {
  const { tx, actor, now } = ctx;
  const d = await lockDisclosure(tx, id);
  assertSameCase(d, req.workflowId, req.cycle);
  if (d.publishedAt) return { publishedAt: d.publishedAt.toISOString() };
  if (d.status !== 'approved' || d.approvedVersion === null) {
    throw new AppError('conflict', '未经内部审核和负责人批准，不得发布', {
      extra: { disclosureStatus: d.status },
    });
  }
  const expiresAt = addYears(now, publicationYears(d.partyKind));
  const updated = await updateDisclosure(tx, d.id, {
    status: 'published',
    publishedVersion: d.approvedVersion,
    publishedAt: now,
    expiresAt,
  });
  await showOnPlatform(ctx, updated, d.approvedVersion, { publishedAt: now, correctedAt: null });
  await writeAudit(tx, actor, 'disclosure.published', disclosureSubject(d.id), {
    version: d.approvedVersion,
    expiresAt: expiresAt.toISOString(),
    workflowId: req.workflowId,
    cycle: req.cycle,
  });
  return { publishedAt: now.toISOString() };
}
