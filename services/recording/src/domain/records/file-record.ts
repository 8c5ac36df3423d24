import { AppError, forbidden, refuseByRule, type TTransaction } from '@sanxiang/shared';
import {
  lifecycleSignals,
  revokingRemedyOutcomes,
  withdrawalReasonOfRemedy,
  type TDecisionRevoked,
} from '@sanxiang/shared/src/contracts';
import { appendAuditEvent } from '../../data-access/audit-trail';
import { enqueueLifecycleMessage } from '../../data-access/lifecycle-outbox';
import { findCaseIdOf } from '../../data-access/case-file-repository';
import { countEvidenceOfCase } from '../../data-access/evidence-repository';
import {
  createRecord,
  findActivityOfCase,
  findLastRecordSeq,
  findRecordByExternalRef,
  findRecordOfCase,
  listRecordContentsOfKind,
  updateActivity,
} from '../../data-access/record-repository';
import { inIdempotentTransaction } from '../../data-access/transaction';
import { actorOf, auditContext, type TCallContext } from '../call-context';
import {
  isCaseOfficer,
  isUnitHead,
  lockCaseFile,
  requireOpen,
  requireUnitHead,
  type TCaseFileWithOfficers,
} from '../access/case-access';
import { recordView } from '../case-file/case-file-views';
import { assertHeadApprovalIndependent } from './head-approval-independence';
import { referencedEvidenceIds, type TRecordInput } from './record-bodies';
import type { TRecordingDeps } from '../recording-deps';

/**
 * Files one record into the case file (append-only: a correction is a new record that references
 * the one it corrects). Staff file through `POST /cases/{caseNumber}/records`; the legal-review
 * service files its opinion through the internal endpoint (`via: 'internal'`).
 */
export async function fileRecord(
  deps: TRecordingDeps,
  ctx: TCallContext,
  caseNumber: string,
  record: TRecordInput,
  via: 'staff' | 'internal',
) {
  const answer = await inIdempotentTransaction(deps.db, ctx.idempotency, async (tx) => {
    const file = await lockCaseFile(tx, caseNumber, via === 'internal' ? 'system' : ctx.principal);
    authorise(ctx, file, record, via);
    // A second filing of the same review opinion (new key, same opinion) answers with the first.
    const externalRef = record.kind === 'legalReviewOpinion' ? record.content.opinionId : null;
    if (externalRef) {
      const existing = await findRecordByExternalRef(tx, file.id, record.kind, externalRef);
      if (existing) return { status: 200, body: recordView(existing) };
    }
    requireOpen(file);
    await checkReferences(tx, file, record);
    await checkRecordRules(tx, file, record);
    if (record.kind === 'headApproval') await assertHeadApprovalIndependent(tx, file, ctx.principal);
    const last = await findLastRecordSeq(tx, file.id);
    const correctsRecordId =
      record.kind === 'correction' ? record.content.correctsRecordId : (record.supersedesRecordId ?? null);
    const created = await createRecord(tx, {
      caseId: file.id,
      seq: (last?.seq ?? 0) + 1,
      kind: record.kind,
      content: record.content as object,
      activityId: record.activityId ?? null,
      correctsRecordId,
      externalRef,
      filedById: ctx.principal.id,
      filedByName: ctx.principal.name,
    });
    await appendAuditEvent(tx, {
      actor: actorOf(ctx),
      action: 'record.filed',
      subject: `record:${created.id}`,
      caseId: file.id,
      details: { kind: record.kind, seq: created.seq, correctsRecordId },
      context: auditContext(ctx),
    });
    // A party who does not cooperate makes A/V of the activity mandatory (记录规定 §14(二)).
    if (record.kind === 'refusalToCooperate' && record.activityId) {
      await updateActivity(tx, record.activityId, { audioVisualRequired: true });
    }
    if (record.kind === 'audioVisualInterruption' && record.content.permanent) {
      await appendAuditEvent(tx, {
        actor: actorOf(ctx),
        action: 'audioVisual.reportedToHead',
        subject: `record:${created.id}`,
        caseId: file.id,
        details: { activityId: record.activityId, head: record.content.reportedToHead },
        context: auditContext(ctx),
      });
    }
    // Serving the decision document is a fact the lifecycle records (送达, docs/service-contracts.md).
    if (record.kind === 'service' && record.content.document.kind === 'decision') {
      await enqueueLifecycleMessage(tx, file.id, {
        kind: 'signal',
        name: lifecycleSignals.decisionServed,
        payload: {
          cycle: file.cycle,
          servedAt: record.content.servedAt,
          method: record.content.method,
          recordId: created.id,
        },
      });
    }
    // 撤销 / 确认违法 / 责令重新作出 by a reconsideration body or a court: before publication the
    // lifecycle stops the pending disclosure with this explanation (#13 item 6, 003 (六), 004 §14).
    const outcome = record.kind === 'remedy' ? record.content.outcome : undefined;
    if (record.kind === 'remedy' && outcome && isRevokingOutcome(outcome)) {
      const c = record.content;
      const payload: TDecisionRevoked = {
        cycle: file.cycle,
        reason: withdrawalReasonOfRemedy[outcome],
        document: {
          documentNumber: c.outcomeDocumentNumber ?? '',
          date: c.decidedAt ?? '',
          authority: c.body,
        },
        explanation: c.outcomeSummary ?? '',
        recordId: created.id,
        recordedBy: ctx.principal.id,
        at: created.filedAt.toISOString(),
      };
      await enqueueLifecycleMessage(tx, file.id, {
        kind: 'signal',
        name: lifecycleSignals.decisionRevoked,
        payload,
      });
    }
    return { status: 201, body: recordView(created) };
  });
  const caseId = await findCaseIdOf(deps.db, caseNumber);
  if (caseId && !answer.replayed) await deps.outbox.deliver(caseId.id);
  return answer;
}

function authorise(
  ctx: TCallContext,
  file: TCaseFileWithOfficers,
  record: TRecordInput,
  via: 'staff' | 'internal',
) {
  const { principal } = ctx;
  if (record.kind === 'legalReviewOpinion') {
    if (via !== 'internal') throw forbidden('法制审核意见由法制审核系统归档，不能由人工登记');
    return;
  }
  if (via === 'internal') throw forbidden('内部接口只接受法制审核意见');
  if (record.kind === 'headApproval') {
    // 负责人审批: the head (or a deputy) of the unit handling the case, no head of another unit.
    requireUnitHead(principal, file, '登记负责人审批意见');
    return;
  }
  if (record.kind === 'collectiveDiscussion' && isUnitHead(principal, file)) return;
  if (!isCaseOfficer(principal, file)) throw forbidden('仅本案执法人员可以登记执法记录');
}

const ruleRefusal = (rule: string, message: string) =>
  new AppError('unprocessable', message, { extra: { rule } });

/**
 * Rules between records (422 naming the rule):
 * - 申请法院强制执行 only after a 催告书 served on the party (记录规定 §11, §18; 行政强制法 §54);
 * - A/V interruptions and reasons for no A/V belong to an activity (记录规定 §13–§14);
 * - a head's approval of a reason for no A/V names that reason.
 */
async function checkRecordRules(tx: TTransaction, file: TCaseFileWithOfficers, record: TRecordInput) {
  // The certificates shown are the case officers' own, as registered when the case was opened.
  if (record.kind === 'certificateShown') {
    const registered = new Map(file.officers.map((o) => [o.certificateNumber, o.name]));
    const strangers = record.content.officers.filter((o) => !registered.has(o.certificateNumber));
    if (strangers.length > 0)
      throw refuseByRule(
        'certificateShown',
        `${strangers.map((o) => `${o.name}（执法证号 ${o.certificateNumber}）`).join('、')}不是本案登记的执法人员或执法证号与立案登记的不符`,
        { status: 422, field: 'body.content.officers' },
      );
  }
  if (record.kind === 'courtEnforcement') {
    const notices = await listRecordContentsOfKind(tx, file.id, 'urgingNotice');
    const appliedAt = Date.parse(record.content.appliedAt);
    const servedBefore = notices.some(
      (n) => Date.parse((n.content as { servedAt: string }).servedAt) <= appliedAt,
    );
    if (!servedBefore)
      throw ruleRefusal(
        'urgingBeforeCourtEnforcement',
        '申请法院强制执行前须先催告当事人履行义务（记录规定第十一条、第十八条）：本案没有在申请之前送达的催告书记录',
      );
  }
  if (
    (record.kind === 'audioVisualInterruption' || record.kind === 'audioVisualExemption') &&
    !record.activityId
  )
    throw new AppError('validation', '音视频记录的中断说明或未记录理由须指明执法活动', {
      fields: [{ path: 'body.activityId', message: '请指明执法活动' }],
    });
  if (record.kind === 'headApproval' && record.content.subject === 'audioVisualExemption') {
    const reasonId = record.content.relatedRecordId;
    const reason = reasonId ? await findRecordOfCase(tx, file.id, reasonId, 'audioVisualExemption') : null;
    if (!reason)
      throw new AppError('validation', '批准未进行音视频记录，须指明本案的未记录理由', {
        fields: [{ path: 'body.content.relatedRecordId', message: '应为本案的未进行音视频记录的理由' }],
      });
  }
}

async function checkReferences(tx: TTransaction, file: TCaseFileWithOfficers, record: TRecordInput) {
  const bad = (path: string, message: string) =>
    new AppError('validation', message, { fields: [{ path, message }] });
  if (record.activityId) {
    const a = await findActivityOfCase(tx, file.id, record.activityId);
    if (!a) throw bad('body.activityId', '该执法活动不属于本案');
  }
  const corrected =
    record.kind === 'correction' ? record.content.correctsRecordId : record.supersedesRecordId;
  if (corrected) {
    const original = await findRecordOfCase(tx, file.id, corrected);
    const path = record.kind === 'correction' ? 'body.content.correctsRecordId' : 'body.supersedesRecordId';
    if (!original) throw bad(path, '被更正的记录不属于本案');
    if (record.kind !== 'correction' && original.kind !== record.kind)
      throw bad(path, '重新登记的记录须与原记录种类相同');
  }
  const evidenceIds = referencedEvidenceIds(record);
  if (evidenceIds.length > 0) {
    const found = await countEvidenceOfCase(tx, file.id, evidenceIds);
    if (found !== evidenceIds.length) throw bad('body.content.evidenceIds', '引用的证据文件不属于本案');
  }
}

const isRevokingOutcome = (outcome: string): outcome is keyof typeof withdrawalReasonOfRemedy =>
  revokingRemedyOutcomes.includes(outcome);
