import { disclosureSubject, writeAudit } from '../../data-access/audit-log';
import { addReviewStep, lockDisclosure, updateDisclosure } from '../../data-access/disclosure-repository';
import type { TCommandContext } from '../../data-access/unit-of-work';
import { assertStage, ZReviewBase } from './review-steps';
import { assertNoPendingNonPublication } from '../outcomes/non-publication';

export const ZSubmitForReview = ZReviewBase;

/** Disclosure staff submit the working version for internal review (内部审核). */
export async function submitForReview(
  ctx: TCommandContext,
  id: string,
  input: { version: number; note?: string | undefined },
) {
  const { tx, actor, now } = ctx;
  const d = await lockDisclosure(tx, id);
  assertStage(d, 'editing', input.version);
  await assertNoPendingNonPublication(ctx, d);
  await addReviewStep(
    tx,
    { disclosureId: d.id, version: input.version, action: 'submit', note: input.note, at: now },
    actor,
  );
  const updated = await updateDisclosure(tx, d.id, { reviewStage: 'awaitingCheck' });
  await writeAudit(tx, actor, 'disclosure.submitted', disclosureSubject(d.id), {
    version: input.version,
    note: input.note ?? null,
  });
  return updated;
}
