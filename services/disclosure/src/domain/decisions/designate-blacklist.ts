import { z } from 'zod';
import { AppError } from '@sanxiang/shared';
import { disclosureSubject, writeAudit } from '../../data-access/audit-log';
import { lockDisclosure, updateDisclosure } from '../../data-access/disclosure-repository';
import type { TCommandContext } from '../../data-access/unit-of-work';

export const ZDesignateBlacklist = z.object({
  /** Why the party is listed (重大劳动保障违法行为 / 严重失信), published in the quarterly list. */
  basis: z.string().trim().min(5).max(2000),
});

/**
 * 列入失信惩戒名单: disclosure staff mark a published penalty decision; the quarterly Schedule puts
 * the marked decisions of the quarter into its draft list (004 §13), which is reviewed as usual.
 */
export async function designateBlacklist(
  ctx: TCommandContext,
  id: string,
  input: z.infer<typeof ZDesignateBlacklist>,
) {
  const d = await lockDisclosure(ctx.tx, id);
  if (d.kind !== 'decision' || d.status !== 'published' || d.decisionKind !== 'penalty') {
    throw new AppError('conflict', '只有已公示的行政处罚决定可以列入失信惩戒名单');
  }
  if (d.blacklistedAt) return d;
  const updated = await updateDisclosure(ctx.tx, id, { blacklistedAt: ctx.now, blacklistBasis: input.basis });
  await writeAudit(ctx.tx, ctx.actor, 'disclosure.blacklisted', disclosureSubject(id), {
    basis: input.basis,
  });
  return updated;
}
