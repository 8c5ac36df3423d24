import { AppError, refuseByRule } from '@sanxiang/shared';
import { sentenceLength } from '@sanxiang/shared/src/domain';
import { ZDecisionMade, ZDecisionMadeResult, lifecycleUpdates } from '@sanxiang/shared/src/contracts';
import type { z } from 'zod';
import { findRecordOfCase } from '../../data-access/record-repository';
import type { TCallContext } from '../call-context';
import { loadCaseFile, requireCaseOfficer, requireOpen } from '../access/case-access';
import type { TRecordingDeps } from '../recording-deps';
import { callLifecycle } from './submit-proposal';

/** 作出决定: recorded after collective discussion and the head's approval; starts disclosure. */
export const ZRecordDecisionRequest = ZDecisionMade.omit({ recordedBy: true });
export type TRecordDecisionRequest = z.infer<typeof ZRecordDecisionRequest>;

/** As the disclosure service's non-publication request (`ZExplanationSentence(12, …)`). */
export const exemptExplanationMin = 12;

export async function recordDecision(
  deps: TRecordingDeps,
  ctx: TCallContext,
  caseNumber: string,
  input: TRecordDecisionRequest,
) {
  const file = await loadCaseFile(deps.db, caseNumber, ctx.principal);
  requireCaseOfficer(ctx.principal, file, '登记执法决定');
  requireOpen(file);
  const bad = (path: string, message: string) =>
    new AppError('validation', message, { fields: [{ path, message }] });
  if (input.collectiveDiscussionRecordId) {
    const r = await findRecordOfCase(
      deps.db,
      file.id,
      input.collectiveDiscussionRecordId,
      'collectiveDiscussion',
    );
    if (!r) throw bad('body.collectiveDiscussionRecordId', '不是本案的集体讨论记录');
  }
  if (input.headApprovalRecordId) {
    const r = await findRecordOfCase(deps.db, file.id, input.headApprovalRecordId, 'headApproval');
    if (!r) throw bad('body.headApprovalRecordId', '不是本案的负责人审批意见');
    if ((r.content as { approved?: boolean }).approved !== true)
      throw bad('body.headApprovalRecordId', '负责人未批准');
  }
  // A minor party's decision is never published (不予公开, 003 §(三)).
  if (
    file.partyIsMinor &&
    !(input.disclosure.mode === 'exempt' && input.disclosure.reason === 'minorParty')
  ) {
    throw bad(
      'body.disclosure',
      '当事人为未成年人，决定信息不予公开（disclosure.mode 应为 exempt，reason 为 minorParty）',
    );
  }
  // An exempt plan becomes a non-publication request in the disclosure service, whose explanation
  // must be a sentence (003 (三)、004 §10): refused here, beside its field, not in the worker.
  if (
    input.disclosure.mode === 'exempt' &&
    sentenceLength(input.disclosure.explanation) < exemptExplanationMin
  )
    throw refuseByRule(
      'nonPublicationDecided',
      `不予公开的说明应为完整的一句话，写明事实和理由（至少 ${exemptExplanationMin} 个汉字、字母或数字）`,
      { status: 422, field: 'body.disclosure.explanation' },
    );
  const payload = { ...input, recordedBy: ctx.principal.id };
  return callLifecycle(deps, ctx, file, input, 'decision.recorded', (updateId) =>
    deps.gateway.update(caseNumber, lifecycleUpdates.decisionMade, payload, updateId, ZDecisionMadeResult),
  );
}
