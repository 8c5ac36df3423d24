import { z } from 'zod';
import { disclosureSubject, writeAudit } from '../../data-access/audit-log';
import {
  addReviewStep,
  getVersion,
  lockDisclosure,
  reviewStepsOf,
  updateDisclosure,
} from '../../data-access/disclosure-repository';
import type { TCommandContext } from '../../data-access/unit-of-work';
import { assertStage, ZReviewBase } from './review-steps';
import { assertNotOwnWork } from './separation-of-duties';

export const ZCheckDisclosure = ZReviewBase.extend({
  outcome: z.enum(['pass', 'return']),
}).refine((v) => v.outcome === 'pass' || v.note !== undefined, {
  path: ['note'],
  message: '退回修改须写明理由',
});
export type TCheckDisclosure = z.infer<typeof ZCheckDisclosure>;

/**
 * The reviewer's check (审核) of the submitted version: pass to the head, or return for revision.
 * Four eyes: the author of the version, its submitter and the case's officers may not check it.
 */
export async function checkDisclosure(ctx: TCommandContext, id: string, input: TCheckDisclosure) {
  const { tx, actor, now } = ctx;
  const d = await lockDisclosure(tx, id);
  assertStage(d, 'awaitingCheck', input.version);
  const version = await getVersion(tx, d.id, input.version);
  const steps = await reviewStepsOf(tx, d.id, input.version);
  assertNotOwnWork('check', d, version.createdBy, steps, actor);
  const pass = input.outcome === 'pass';
  await addReviewStep(
    tx,
    {
      disclosureId: d.id,
      version: input.version,
      action: pass ? 'checkPass' : 'checkReturn',
      note: input.note,
      at: now,
    },
    actor,
  );
  const updated = await updateDisclosure(tx, d.id, { reviewStage: pass ? 'awaitingApproval' : 'editing' });
  await writeAudit(
    tx,
    actor,
    pass ? 'disclosure.checked' : 'disclosure.checkReturned',
    disclosureSubject(d.id),
    {
      version: input.version,
      note: input.note ?? null,
    },
  );
  return updated;
}
