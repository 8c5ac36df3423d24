import { z } from 'zod';
import { AppError } from '@sanxiang/shared';
import { getPublicDecision as readPublicDecision } from '../../data-access/public-decision-repository';
import type { TPublicReadPool } from '../../data-access/public-read-pool';
import { decisionKindLabel, labelOf, partyKindLabel, withdrawalReasonLabel } from '../labels';

/**
 * One decision as the public sees it: the published, redacted version — or, once withdrawn, only
 * the withdrawal notice (which decision, why, when), never the old content.
 */
export async function getPublicDecision(pool: TPublicReadPool, id: string) {
  const r = await readPublicDecision(pool, id);
  if (!r) throw new AppError('notFound', '未找到该公示信息（可能尚未公示或已公示期满撤下）');
  const common = {
    id: r.disclosureId,
    documentNumber: r.documentNumber,
    decisionKind: r.decisionKind,
    decisionKindLabel: labelOf(decisionKindLabel, r.decisionKind),
    issuingAuthority: r.issuingAuthority,
    decisionDate: r.decisionDate,
    publishedAt: r.publishedAt.toISOString(),
  };
  if (r.state === 'withdrawn') {
    return {
      ...common,
      state: 'withdrawn' as const,
      withdrawal: {
        at: r.withdrawnAt?.toISOString() ?? null,
        reason: r.withdrawalReason,
        reasonLabel: labelOf(withdrawalReasonLabel, r.withdrawalReason),
        explanation: r.withdrawalExplanation,
      },
    };
  }
  return {
    ...common,
    state: 'published' as const,
    correctedAt: r.correctedAt?.toISOString() ?? null,
    /** 案件名称 (004 §9(1)); null for decisions drafted before it was carried. */
    caseName: r.caseName,
    partyKind: r.partyKind,
    partyKindLabel: labelOf(partyKindLabel, r.partyKind),
    partyName: r.partyName,
    creditCode: r.creditCode,
    legalRepresentative: r.legalRepresentative,
    enforcementMethod: r.enforcementMethod,
    content: r.content,
    decision: r.decision,
    penaltyKind: r.penaltyKind,
    fineAmountYuan: r.fineAmountYuan === null ? null : Number(r.fineAmountYuan),
    legalBasis: r.legalBasis,
    performance: r.performance,
    /** 公示期限: on the platform until this instant (then taken down, 003 §(六)). */
    expiresAt: r.expiresAt?.toISOString() ?? null,
  };
}
export type TPublicDecisionView = Awaited<ReturnType<typeof getPublicDecision>>;

export const ZPublicDecisionView = z.looseObject({
  id: z.uuid(),
  state: z.enum(['published', 'withdrawn']),
  documentNumber: z.string(),
  decisionKind: z.string(),
  issuingAuthority: z.string(),
  decisionDate: z.string(),
});
