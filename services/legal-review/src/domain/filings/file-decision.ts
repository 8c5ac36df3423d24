import { ZCaseNumber, ZDecisionKind, ZIsoDate } from '@sanxiang/shared/src/domain';
import { z } from 'zod';
import { filingSubject, writeAudit } from '../../data-access/audit-repository';
import { inTransaction } from '../../data-access/transaction';
import type { DecisionFiling } from '../../generated/prisma/client';
import type { TActor } from '../actor';
import type { TDomainDeps } from '../deps';
import { dateColumn, fromDateColumn } from '../review-deadline';
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

/**
 * 决定备案 (审核办法 §16): the handling unit files a decision it made with the office, for spot
 * checks. Idempotent by caseNumber + documentNumber.
 */
export async function fileDecision(
  deps: TDomainDeps,
  actor: TActor,
  body: TFileDecisionBody,
  idempotencyKey: string | undefined,
): Promise<{ filing: TDecisionFilingView; created: boolean }> {
  const { value } = await inTransaction(
    deps.db,
    async (tx) => {
      const existing = await tx.decisionFiling.findUnique({
        where: {
          caseNumber_documentNumber: { caseNumber: body.caseNumber, documentNumber: body.documentNumber },
        },
      });
      if (existing) return { filing: toDecisionFiling(existing), created: false };
      const now = deps.now();
      const filing = await tx.decisionFiling.create({
        data: {
          caseNumber: body.caseNumber,
          documentNumber: body.documentNumber,
          decisionKind: body.decisionKind,
          decisionDate: dateColumn(body.decisionDate),
          handlingUnit: body.handlingUnit,
          title: body.title,
          recordId: body.recordId ?? null,
          filedBy: actor.id,
          filedByName: actor.name,
          filedAt: now,
        },
      });
      await writeAudit(tx, actor, 'decision.filed', filingSubject(filing.id), { ...body }, now);
      return { filing: toDecisionFiling(filing), created: true };
    },
    { scope: 'POST /decision-filings', key: idempotencyKey, principalId: actor.id, request: body },
  );
  return value;
}
