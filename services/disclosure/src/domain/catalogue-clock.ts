import { z } from 'zod';
import { AppError } from '@sanxiang/shared';
import { ZInstant } from '@sanxiang/shared/src/contracts';
import { ZIsoDate, ZRole } from '@sanxiang/shared/src/domain';
import { writeAudit } from '../data-access/audit-log';
import {
  createCatalogueEscalation,
  findCatalogueChange,
  findCatalogueEscalation,
  updateCatalogueChange,
} from '../data-access/catalogue-change-repository';
import type { TCommandContext } from '../data-access/unit-of-work';

export const ZCatalogueClockRecord = z.object({
  dueDate: ZIsoDate,
  dueAt: ZInstant,
  remindAt: ZInstant,
  escalateAt: ZInstant,
  secondEscalateAt: ZInstant,
  provisional: z.boolean(),
});
export type TCatalogueClockRecord = z.infer<typeof ZCatalogueClockRecord>;

export const ZCatalogueEscalationRecord = z.object({
  level: z.number().int().min(0).max(2),
  notified: z.object({ audience: z.enum(['assignee', 'unitHead', 'agencyHead']), roles: z.array(ZRole) }),
  reason: z.string().trim().min(1).max(2000),
  dueAt: ZInstant,
  at: ZInstant,
});
export type TCatalogueEscalationRecord = z.infer<typeof ZCatalogueEscalationRecord>;

async function findChange(ctx: TCommandContext, id: string) {
  const change = await findCatalogueChange(ctx.tx, id);
  if (!change) throw new AppError('notFound', '目录变更登记不存在');
  return change;
}

/** The workflow computed (or recomputed, after new calendar data) the change's deadline. */
export async function recordCatalogueClock(ctx: TCommandContext, id: string, clock: TCatalogueClockRecord) {
  const change = await findChange(ctx, id);
  const dueAt = new Date(clock.dueAt);
  if (change.dueAt?.getTime() !== dueAt.getTime() || change.provisional !== clock.provisional) {
    await updateCatalogueChange(ctx.tx, id, {
      dueDate: new Date(`${clock.dueDate}T00:00:00Z`),
      dueAt,
      provisional: clock.provisional,
    });
    await writeAudit(ctx.tx, ctx.actor, 'catalogueChange.clockSet', `catalogueChange:${id}`, clock);
  }
  return { ok: true as const };
}

/** A reminder (0) or escalation (1: unit head, 2: agency head) came due: kept durably, once. */
export async function recordCatalogueEscalation(
  ctx: TCommandContext,
  id: string,
  e: TCatalogueEscalationRecord,
) {
  await findChange(ctx, id);
  const at = new Date(e.at);
  const existing = await findCatalogueEscalation(ctx.tx, id, e.level, at);
  if (existing) return { status: 200, body: { escalationId: String(existing.id) } };
  const row = await createCatalogueEscalation(ctx.tx, {
    changeId: id,
    level: e.level,
    audience: e.notified.audience,
    roles: e.notified.roles,
    reason: e.reason,
    dueAt: new Date(e.dueAt),
    at,
  });
  await writeAudit(ctx.tx, ctx.actor, 'catalogueChange.escalated', `catalogueChange:${id}`, {
    level: e.level,
    reason: e.reason,
  });
  return { status: 201, body: { escalationId: String(row.id) } };
}
