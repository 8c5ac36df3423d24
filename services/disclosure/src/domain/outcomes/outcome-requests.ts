import { z } from 'zod';
import { fromDateColumn } from '@sanxiang/shared/src/calendar';
import { AppError, refuseByRule, type TLegalRule } from '@sanxiang/shared';
import { ZExplanationSentence, ZIsoDate, ZWithdrawalReason } from '@sanxiang/shared/src/domain';
import { formatDate, formatDateShort } from '@sanxiang/shared/src/format';
import { disclosureSubject, writeAudit } from '../../data-access/audit-log';
import { lockDisclosure } from '../../data-access/disclosure-repository';
import {
  createOutcomeRequest,
  findOpenOutcomeRequest,
  findOutcomeRequest,
  updateOutcomeRequest,
} from '../../data-access/outcome-repository';
import type { Disclosure, OutcomeRequest } from '../../data-access/rows';
import type { TCommandContext } from '../../data-access/unit-of-work';
import { disclosureStatusLabel, labelOf } from '../labels';
import { carryOutWithdrawal } from '../publication/withdraw-disclosure';
import { startDutyClock } from '../duty-clocks';
import { assertNotOwnOutcome } from '../decisions/separation-of-duties';
import { carryOutNonPublication } from './non-publication';
import { carryOutCatalogueWithdrawal } from '../catalogue/withdraw-catalogue-entry';

/**
 * Withdrawals (撤下, #13 item 9: 003 (六), 004 §14, §16) and non-publications (不予公开, item 2: 003
 * (三), 004 §10, §16, 000 §18) are decided like a publication: a request with its grounds, the check
 * (审核) by a second person, the head's approval (负责人批准) — never the same person twice, nor an
 * officer of the case (职责分离). Only the approval changes what the public sees.
 */

const ZNote = z.string().trim().min(1).max(2000);

export const ZRevokingDocument = z.object({
  documentNumber: z.string().trim().min(2).max(100), // 文号
  date: ZIsoDate,
  authority: z.string().trim().min(2).max(200), // 作出撤销/确认违法/重新作出决定的机关
});

export const ZWithdrawalRequest = z.object({
  reason: ZWithdrawalReason,
  /** The document that revokes the decision, confirms it illegal or orders it redone. */
  revokingDocument: ZRevokingDocument,
  /** Published with the notice (作出必要的说明): a real sentence. */
  explanation: ZExplanationSentence(12, 4000),
});
export type TWithdrawalRequest = z.infer<typeof ZWithdrawalRequest>;

export const ZOutcomeCheck = z
  .object({ outcome: z.enum(['pass', 'return']), note: ZNote.optional() })
  .refine((v) => v.outcome === 'pass' || v.note !== undefined, {
    path: ['note'],
    message: '退回须写明理由',
  });
export type TOutcomeCheck = z.infer<typeof ZOutcomeCheck>;

export const ZOutcomeApproval = z
  .object({ outcome: z.enum(['approve', 'return']), note: ZNote.optional() })
  .refine((v) => v.outcome === 'approve' || v.note !== undefined, {
    path: ['note'],
    message: '退回须写明理由',
  });
export type TOutcomeApproval = z.infer<typeof ZOutcomeApproval>;

const kindRule: Record<OutcomeRequest['kind'], TLegalRule> = {
  withdrawal: 'withdrawalDecided',
  nonPublication: 'nonPublicationDecided',
};
const kindName: Record<OutcomeRequest['kind'], string> = { withdrawal: '撤下', nonPublication: '不予公开' };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toOutcomeRequestView = (r: OutcomeRequest) => ({
  id: r.id,
  kind: r.kind,
  stage: r.stage,
  reason: r.reason,
  explanation: r.explanation,
  revokingDocument: r.basisDocumentNumber
    ? {
        documentNumber: r.basisDocumentNumber,
        date: r.basisDate ? fromDateColumn(r.basisDate) : null,
        authority: r.basisAuthority,
      }
    : null,
  replacedById: r.replacedById,
  requestedBy: r.requestedBy,
  requestedByName: r.requestedByName,
  requestedAt: iso(r.requestedAt),
  checkedBy: r.checkedBy,
  checkedByName: r.checkedByName,
  checkedAt: iso(r.checkedAt),
  checkNote: r.checkNote,
  decidedBy: r.decidedBy,
  decidedByName: r.decidedByName,
  decidedAt: iso(r.decidedAt),
  decisionNote: r.decisionNote,
});
export type TOutcomeRequestView = ReturnType<typeof toOutcomeRequestView>;

export async function openOutcomeRequest(ctx: TCommandContext, disclosureId: string) {
  return findOpenOutcomeRequest(ctx.tx, disclosureId);
}

/** Refuses a second open request on the same record (one decision at a time). */
async function assertNoOpenRequest(ctx: TCommandContext, d: Disclosure) {
  const open = await openOutcomeRequest(ctx, d.id);
  if (open) {
    throw new AppError('conflict', `该记录已有待审核的${kindName[open.kind]}申请，请先完成审核`, {
      extra: { outcomeRequestId: open.id, kind: open.kind, stage: open.stage },
    });
  }
}

/** 撤下申请: disclosure staff ask for a published decision to be taken down. */
export async function requestWithdrawal(
  ctx: TCommandContext,
  id: string,
  input: TWithdrawalRequest,
  options: { withdrawalWorkingDays: number },
) {
  const { tx, actor, now } = ctx;
  const d = await lockDisclosure(tx, id);
  if (d.kind !== 'decision') throw new AppError('conflict', '只有行政执法决定可以撤下');
  if (d.status !== 'published') {
    throw new AppError(
      'conflict',
      `只有已公示的决定可以撤下（当前：${labelOf(disclosureStatusLabel, d.status)}）`,
      { extra: { disclosureStatus: d.status } },
    );
  }
  await assertNoOpenRequest(ctx, d);
  const doc = input.revokingDocument;
  const decisionDate = d.decisionDate ? fromDateColumn(d.decisionDate) : null;
  if (decisionDate && doc.date < decisionDate) {
    throw refuseByRule(
      'withdrawalDecided',
      `撤销或确认文书的日期（${formatDate(doc.date)}）早于原决定日期（${formatDate(decisionDate)}）`,
      { status: 422, field: 'body.revokingDocument.date' },
    );
  }
  if (doc.date > formatDateShort(now)) {
    throw refuseByRule('withdrawalDecided', `撤销或确认文书的日期（${formatDate(doc.date)}）晚于今天`, {
      status: 422,
      field: 'body.revokingDocument.date',
    });
  }
  const request = await createOutcomeRequest(tx, {
    disclosureId: d.id,
    kind: 'withdrawal',
    reason: input.reason,
    explanation: input.explanation,
    basisDocumentNumber: doc.documentNumber,
    basisDate: new Date(`${doc.date}T00:00:00Z`),
    basisAuthority: doc.authority,
    requestedBy: actor.id,
    requestedByName: actor.name,
    requestedAt: now,
  });
  // Taken down promptly (004 §14 及时): counted from the revoking document, WITHDRAWAL_WORKING_DAYS
  // (default 3); a returned request leaves the duty, and its clock, running.
  await startDutyClock(ctx, {
    kind: 'withdrawal',
    subjectId: d.id,
    title: `撤下 ${d.documentNumber ?? d.title}（${doc.documentNumber}）`,
    link: `/disclosures/${d.id}`,
    caseNumber: d.caseNumber ?? null,
    start: doc.date,
    workingDays: options.withdrawalWorkingDays,
  });
  await writeAudit(tx, actor, 'disclosure.withdrawalRequested', disclosureSubject(d.id), {
    outcomeRequestId: request.id,
    reason: input.reason,
    explanation: input.explanation,
    revokingDocument: doc,
  });
  return { disclosure: d, request };
}

async function lockRequest(ctx: TCommandContext, disclosureId: string, requestId: string) {
  const d = await lockDisclosure(ctx.tx, disclosureId);
  const r = await findOutcomeRequest(ctx.tx, disclosureId, requestId);
  if (!r) throw new AppError('notFound', '申请不存在');
  return { d, r };
}

const stageLabel: Record<OutcomeRequest['stage'], string> = {
  awaitingCheck: '待审核',
  awaitingApproval: '待负责人批准',
  approved: '已批准',
  returned: '已退回',
};

function assertRequestStage(r: OutcomeRequest, stage: OutcomeRequest['stage']) {
  if (r.stage !== stage) {
    throw new AppError(
      'conflict',
      `该${kindName[r.kind]}申请当前为“${stageLabel[r.stage]}”，不能执行此操作`,
      {
        extra: { stage: r.stage },
      },
    );
  }
}

/** 审核 of a withdrawal or non-publication: pass to the head, or return it (closed, with a note). */
export async function checkOutcome(
  ctx: TCommandContext,
  id: string,
  requestId: string,
  input: TOutcomeCheck,
) {
  const { tx, actor, now } = ctx;
  const { d, r } = await lockRequest(ctx, id, requestId);
  assertRequestStage(r, 'awaitingCheck');
  assertNotOwnOutcome('check', d, r, actor, kindRule[r.kind]);
  const pass = input.outcome === 'pass';
  const request = await updateOutcomeRequest(tx, r.id, {
    stage: pass ? 'awaitingApproval' : 'returned',
    checkedBy: actor.id,
    checkedByName: actor.name,
    checkedAt: now,
    checkNote: input.note ?? null,
  });
  await writeAudit(
    tx,
    actor,
    pass ? `disclosure.${r.kind}Checked` : `disclosure.${r.kind}Returned`,
    disclosureSubject(d.id),
    { outcomeRequestId: r.id, note: input.note ?? null },
  );
  return { disclosure: d, request };
}

/** 负责人批准: only now is the decision taken down, or recorded as not published. */
export async function approveOutcome(
  ctx: TCommandContext,
  id: string,
  requestId: string,
  input: TOutcomeApproval,
) {
  const { tx, actor, now } = ctx;
  const { d, r } = await lockRequest(ctx, id, requestId);
  assertRequestStage(r, 'awaitingApproval');
  assertNotOwnOutcome('approve', d, r, actor, kindRule[r.kind]);
  const approve = input.outcome === 'approve';
  const request = await updateOutcomeRequest(tx, r.id, {
    stage: approve ? 'approved' : 'returned',
    decidedBy: actor.id,
    decidedByName: actor.name,
    decidedAt: now,
    decisionNote: input.note ?? null,
  });
  if (!approve) {
    await writeAudit(tx, actor, `disclosure.${r.kind}ApprovalReturned`, disclosureSubject(d.id), {
      outcomeRequestId: r.id,
      note: input.note ?? null,
    });
    return { disclosure: d, request };
  }
  if (r.kind === 'withdrawal' && d.kind === 'catalogueEntry') {
    return { disclosure: await carryOutCatalogueWithdrawal(ctx, d, request), request };
  }
  if (r.kind === 'withdrawal') {
    return { disclosure: await carryOutWithdrawal(ctx, d, request), request };
  }
  return { disclosure: await carryOutNonPublication(ctx, d, request), request };
}
