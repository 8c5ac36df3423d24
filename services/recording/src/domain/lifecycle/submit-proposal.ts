import { randomUUID } from 'node:crypto';
import { AppError } from '@sanxiang/shared';
import {
  ZSubmitProposal,
  ZMajorAssessment,
  ZSubmitProposalResult,
  checkProposal,
  lifecycleUpdates,
} from '@sanxiang/shared/src/contracts';
import { z } from 'zod';
import { appendAuditEvent } from '../../data-access/audit-trail';
import { countRecordsOfKind, listActivitiesRequiringAudioVisual } from '../../data-access/record-repository';
import { inIdempotentTransaction } from '../../data-access/transaction';
import { actorOf, auditContext, type TCallContext } from '../call-context';
import {
  loadCaseFile,
  requireCaseOfficer,
  requireOpen,
  type TCaseFileWithOfficers,
} from '../access/case-access';
import type { TRecordingDeps } from '../recording-deps';
import { requireMaterialsOfKind } from './proposal-materials';
import { majorCatalogueMatches } from '../policy/enforcement-policy';
import {
  activitiesLackingAudioVisual,
  audioVisualDiscontinuous,
  audioVisualGaps,
  audioVisualMissing,
} from '../audio-visual/audio-visual-rule';

/**
 * Every activity that required A/V has it, or a head-approved reason (记录规定 §14), and its A/V
 * covers it from start to end, each gap explained (记录规定 §13).
 */
async function requireAudioVisualOnRecord(deps: TRecordingDeps, file: TCaseFileWithOfficers) {
  const required = await listActivitiesRequiringAudioVisual(deps.db, file.id);
  const lacking = await activitiesLackingAudioVisual(deps.db, file.id, required);
  if (lacking.length > 0) throw audioVisualMissing('提交拟作出的决定', lacking);
  const gaps = await audioVisualGaps(deps.db, file.id, required);
  if (gaps.length > 0) throw audioVisualDiscontinuous('提交拟作出的决定', gaps);
}

/** 拟作出决定: the handler submits the proposed decision; the lifecycle validates and routes it. */
export const ZSubmitProposalRequest = ZSubmitProposal.omit({
  submittedBy: true,
  submittedAt: true,
  majorBecause: true,
}).extend({
  /** Each of the six criteria answered, with a reason (审核办法 §4). */
  majorAssessment: ZMajorAssessment,
  /** For the 重大执法决定事项目录: the penalty kind and the fine proposed, when there are. */
  penaltyKind: z.string().trim().min(1).max(200).optional(),
  fineAmountYuan: z.number().nonnegative().max(1e12).optional(),
});
export type TSubmitProposalRequest = z.infer<typeof ZSubmitProposalRequest>;

export async function submitProposal(
  deps: TRecordingDeps,
  ctx: TCallContext,
  caseNumber: string,
  input: TSubmitProposalRequest,
) {
  const file = await loadCaseFile(deps.db, caseNumber, ctx.principal);
  requireCaseOfficer(ctx.principal, file, '提交拟作出的决定');
  requireOpen(file);
  const { penaltyKind, fineAmountYuan, ...proposal } = input;
  // What makes the case major besides the handler's answers (审核办法 §4(四), the agency's catalogue).
  const hearings = await countRecordsOfKind(deps.db, file.id, 'hearing');
  const catalogueEntries = majorCatalogueMatches(deps.policy.majorDecisionCatalogue, {
    decisionKind: input.decisionKind,
    penaltyKind,
    fineAmountYuan,
  }).map((e) => ({ id: e.id, title: e.title }));
  const payload = {
    ...proposal,
    majorBecause: { hearingHeld: hearings > 0, catalogueEntries },
    submittedBy: ctx.principal.id,
    submittedAt: new Date().toISOString(),
  };
  // The same checks the workflow's validator makes, answered without a round trip.
  const problems = checkProposal(payload);
  if (problems.length > 0) {
    throw new AppError('unprocessable', problems.map((p) => p.message).join('；'), { extra: { problems } });
  }
  await requireMaterialsOfKind(deps.db, file, input.materials);
  await requireAudioVisualOnRecord(deps, file);
  return callLifecycle(deps, ctx, file, input, 'proposal.submitted', (updateId) =>
    deps.gateway.update(
      caseNumber,
      lifecycleUpdates.submitProposal,
      payload,
      updateId,
      ZSubmitProposalResult,
    ),
  );
}

/**
 * Runs a lifecycle update once per Idempotency-Key: Temporal deduplicates the update id, and the
 * answer is stored with its audit entry, so a retry after any failure gets the same answer.
 */
export async function callLifecycle<T>(
  deps: TRecordingDeps,
  ctx: TCallContext,
  file: TCaseFileWithOfficers,
  input: unknown,
  action: string,
  update: (updateId: string) => Promise<T>,
) {
  const updateId = `${action}:${file.id}:${ctx.idempotency ? `${ctx.principal.id}:${ctx.idempotency.key}` : randomUUID()}`;
  const idem = ctx.idempotency;
  let result: T | undefined;
  return inIdempotentTransaction(deps.db, idem, async (tx) => {
    result ??= await update(updateId);
    await appendAuditEvent(tx, {
      actor: actorOf(ctx),
      action,
      subject: `case:${file.id}`,
      caseId: file.id,
      details: { input: input as object, result: result as object, updateId },
      context: auditContext(ctx),
    });
    return { status: 200, body: result };
  });
}
