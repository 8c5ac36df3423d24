import { z } from 'zod';
import { AppError } from '@sanxiang/shared';
import { dateInShanghai, fromDateColumn } from '@sanxiang/shared/src/calendar';
import { disclosureSubject, writeAudit } from '../../data-access/audit-log';
import { findCorrectionRequest, updateCorrectionRequest } from '../../data-access/correction-repository';
import { findDisclosure, latestCorrectionVersion } from '../../data-access/disclosure-repository';
import { lockKey } from '../../data-access/locks';
import type { TCommandContext } from '../../data-access/unit-of-work';
import { endDutyClock } from '../duty-clocks';
import { correctionOutcomeLabel } from './correction-request';

export const ZAnswerCorrectionRequest = z.object({
  outcome: z.enum(['corrected', 'partlyCorrected', 'rejected']),
  /** Shown to the requester (with the tracking number). */
  answer: z.string().trim().min(5).max(4000),
});
export type TAnswerCorrectionRequest = z.infer<typeof ZAnswerCorrectionRequest>;

/**
 * Staff answer a public correction request. "Corrected" must be true: a correction version written
 * for this request has been reviewed, approved and republished. Repeating the same answer is a no-op.
 */
export async function answerCorrectionRequest(
  ctx: TCommandContext,
  id: string,
  input: TAnswerCorrectionRequest,
) {
  const { tx, actor, now } = ctx;
  await lockKey(tx, `correctionRequest:${id}`);
  const request = await findCorrectionRequest(tx, id);
  if (!request) throw new AppError('notFound', '更正申请不存在');
  if (request.status === 'answered') {
    if (request.outcome === input.outcome && request.answer === input.answer) return request;
    throw new AppError('conflict', '该更正申请已答复');
  }
  let correctionVersion: number | null = null;
  if (input.outcome !== 'rejected') {
    const disclosure = await findDisclosure(tx, request.disclosureId);
    if (!disclosure) throw new AppError('notFound', '公示记录不存在');
    const version = await latestCorrectionVersion(tx, request.disclosureId, id);
    if (!version || disclosure.publishedVersion === null || version.version > disclosure.publishedVersion) {
      throw new AppError('conflict', '请先针对该申请完成更正，并经审核、批准后重新发布，再答复“已更正”');
    }
    correctionVersion = version.version;
  }
  const answered = await updateCorrectionRequest(tx, id, {
    status: 'answered',
    outcome: input.outcome,
    answer: input.answer,
    answeredBy: actor.id,
    answeredAt: now,
    correctionVersion,
  });
  await endDutyClock(ctx, 'correctionRequest', id, `已答复：${correctionOutcomeLabel[input.outcome]}`);
  await writeAudit(tx, actor, 'correctionRequest.answered', `correctionRequest:${id}`, {
    outcome: input.outcome,
    correctionVersion,
    // The due date is a Beijing calendar day (a date column); an answer at 07:00 Beijing is already that day.
    onTime: dateInShanghai(now) <= fromDateColumn(request.dueDate),
  });
  await writeAudit(
    tx,
    actor,
    'disclosure.correctionRequestAnswered',
    disclosureSubject(request.disclosureId),
    {
      correctionRequestId: id,
      outcome: input.outcome,
    },
  );
  return answered;
}
