import { AppError, fieldError, type TIdempotentRequest } from '@sanxiang/shared';
import { ZCaseNumber, ZDecisionKind, ZIsoDate } from '@sanxiang/shared/src/domain';
import { z } from 'zod';
import { filingSubject, writeAudit } from '../../data-access/audit-repository';
import type { DecisionFiling } from '../../data-access/rows';
import { createFiling, findFiling } from '../../data-access/spot-check-repository';
import { inTransaction } from '../../data-access/transaction';
import type { TActor } from '../actor';
import type { TDomainDeps } from '../deps';
import { fromDateColumn, toDateColumn } from '@sanxiang/shared/src/calendar';
import { ZId, ZText } from '../schemas';

export const ZFileDecisionBody = z.object({
  caseNumber: ZCaseNumber,
  documentNumber: ZText(100), // 决定书文号
  decisionKind: ZDecisionKind,
  decisionDate: ZIsoDate,
  handlingUnit: ZText(100), // 执法承办机构
  title: ZText(200),
  recordId: ZId.optional(), // the decision's record in the recording service
});
export type TFileDecisionBody = z.infer<typeof ZFileDecisionBody>;

export const ZDecisionFiling = z.object({
  id: z.string(),
  caseNumber: z.string(),
  documentNumber: z.string(),
  decisionKind: z.string(),
  decisionDate: z.string(),
  handlingUnit: z.string(),
  title: z.string(),
  recordId: z.string().nullable(),
  filedBy: z.object({ id: z.string(), name: z.string() }),
  filedAt: z.string(),
});
export type TDecisionFilingView = z.infer<typeof ZDecisionFiling>;

export const toDecisionFiling = (f: DecisionFiling): TDecisionFilingView => ({
  id: f.id,
  caseNumber: f.caseNumber,
  documentNumber: f.documentNumber,
  decisionKind: f.decisionKind,
  decisionDate: fromDateColumn(f.decisionDate),
  handlingUnit: f.handlingUnit,
  title: f.title,
  recordId: f.recordId,
  filedBy: { id: f.filedBy, name: f.filedByName },
  filedAt: f.filedAt.toISOString(),
});

/** The fields of the natural key's row that a repeat must match (else 409). */
const sameFiling = (f: DecisionFiling, body: TFileDecisionBody) =>
  f.decisionKind === body.decisionKind &&
  fromDateColumn(f.decisionDate) === body.decisionDate &&
  f.handlingUnit === body.handlingUnit &&
  f.title === body.title &&
  (f.recordId ?? undefined) === body.recordId;

/**
 * A filing speaks for its case: the case must exist in the recording service, the caller must be
 * the system (the worker) or one of the case's officers, and the handling unit must be the case's.
 */
async function assertFiledByTheCase(deps: TDomainDeps, actor: TActor, body: TFileDecisionBody) {
  if (!deps.recording) throw new AppError('unavailable', '案卷系统未接入，暂不能备案，请稍后重试');
  const summary = await deps.recording.caseSummary(body.caseNumber);
  const isSystem = actor.roles.includes('system');
  const onCase = summary?.officers.some((o) => o.userId === actor.id) ?? false;
  // An officer who is not on the case learns nothing about it, not even whether it exists.
  if (!summary || (!isSystem && !onCase)) throw new AppError('notFound', `案件 ${body.caseNumber} 不存在`);
  if (summary.handlingUnit !== body.handlingUnit)
    throw new AppError('unprocessable', `承办机构与案卷不一致（案卷为 ${summary.handlingUnit}）`, {
      fields: [fieldError('body.handlingUnit', '应为案卷的承办机构')],
    });
}

/**
 * 决定备案 (审核办法 §16): the handling unit files a decision it made with the office, for spot
 * checks, by the case's officers or the system. Idempotent by caseNumber + documentNumber: a repeat
 * with the same content answers the filing, a different content under the same key 409.
 */
export async function fileDecision(
  deps: TDomainDeps,
  actor: TActor,
  body: TFileDecisionBody,
  idempotency: TIdempotentRequest | undefined,
): Promise<{ filing: TDecisionFilingView; created: boolean }> {
  await assertFiledByTheCase(deps, actor, body);
  const { value } = await inTransaction(
    deps.db,
    async (tx) => {
      const existing = await findFiling(tx, body.caseNumber, body.documentNumber);
      if (existing) {
        if (!sameFiling(existing, body))
          throw new AppError(
            'conflict',
            `案件 ${body.caseNumber} 的决定书 ${body.documentNumber} 已以不同内容备案`,
            {
              extra: { filingId: existing.id },
            },
          );
        return { filing: toDecisionFiling(existing), created: false };
      }
      const now = deps.now();
      const filing = await createFiling(tx, {
        caseNumber: body.caseNumber,
        documentNumber: body.documentNumber,
        decisionKind: body.decisionKind,
        decisionDate: toDateColumn(body.decisionDate),
        handlingUnit: body.handlingUnit,
        title: body.title,
        recordId: body.recordId ?? null,
        filedBy: actor.id,
        filedByName: actor.name,
        filedAt: now,
      });
      await writeAudit(tx, actor, 'decision.filed', filingSubject(filing.id), { ...body }, now);
      return { filing: toDecisionFiling(filing), created: true };
    },
    idempotency,
  );
  return value;
}
