import type {
  TDisclosureRevocationRequest,
  TDisclosureRevocationResponse,
} from '@sanxiang/shared/src/contracts';
import { withdrawalReasonLabel } from '@sanxiang/shared/src/domain';
import { AppError } from '@sanxiang/shared';
import { disclosureSubject, writeAudit } from '../../data-access/audit-log';
import { lockDisclosure, updateDisclosure } from '../../data-access/disclosure-repository';
import { closeOpenOutcomeRequests } from '../../data-access/outcome-repository';
import type { TCommandContext } from '../../data-access/unit-of-work';
import { disclosureStatusLabel, labelOf } from '../labels';
import { assertSameCase } from './publish-disclosure';

/**
 * A decision revoked (撤销), confirmed illegal or ordered redone before it was published (#13 item
 * 6; 003 (六), 004 §14), as the case file recorded it (POST /internal/disclosures/{id}/revocation,
 * from the lifecycle): the pending record ends unpublished (`withdrawn` without a publication; it
 * never reaches the public platform), with the explanation and the revoking document; an open
 * non-publication request is closed (nothing is left to decide). Every version stays. A repeat
 * answers with the first time.
 */
export async function stopRevokedDisclosure(
  ctx: TCommandContext,
  id: string,
  req: TDisclosureRevocationRequest,
): Promise<TDisclosureRevocationResponse> {
  const { tx, actor, now } = ctx;
  const d = await lockDisclosure(tx, id);
  assertSameCase(d, req.workflowId, req.cycle);
  if (d.status === 'withdrawn' && d.publishedAt === null && d.withdrawnAt)
    return { stoppedAt: d.withdrawnAt.toISOString() };
  if (d.status !== 'draft' && d.status !== 'approved') {
    throw new AppError(
      'conflict',
      `当前状态（${labelOf(disclosureStatusLabel, d.status)}）的决定不是待公开，不能按公开前撤销处理；已公开的决定须提出撤下申请`,
      { extra: { disclosureStatus: d.status } },
    );
  }
  const { documentNumber, date, authority } = req.document;
  const explanation = `${withdrawalReasonLabel[req.reason]}（${authority}${documentNumber}，${date}），公开前终止公示：${req.explanation}`;
  await updateDisclosure(tx, d.id, {
    status: 'withdrawn',
    reviewStage: null,
    withdrawnAt: now,
    withdrawnBy: req.recordedBy,
    withdrawalReason: req.reason,
    withdrawalExplanation: explanation,
  });
  const closed = await closeOpenOutcomeRequests(tx, d.id, {
    stage: 'returned',
    decidedBy: actor.id,
    decidedByName: actor.name,
    decidedAt: now,
    decisionNote: '原决定已在公开前被撤销，无需再作决定',
  });
  await writeAudit(tx, actor, 'disclosure.revokedBeforePublication', disclosureSubject(d.id), {
    reason: req.reason,
    explanation: req.explanation,
    revokingDocument: req.document,
    recordedBy: req.recordedBy,
    previousStatus: d.status,
    previousReviewStage: d.reviewStage,
    closedOutcomeRequests: closed,
  });
  return { stoppedAt: now.toISOString() };
}
