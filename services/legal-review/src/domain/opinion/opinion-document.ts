import { createHash } from 'node:crypto';
import { dateInShanghai } from '@sanxiang/shared/src/calendar';
import { reviewOutcomeLabel, type TDecisionKind, type TReviewOutcome } from '@sanxiang/shared/src/domain';
import { ZReviewPoint } from '@sanxiang/shared/src/domain';
import type { Opinion } from '../../data-access/rows';
import { decisionKindLabel, findingConclusionLabel, reviewPointLabel } from '../labels';
import type { TFilingView, TFindingView, TOpinionView } from '../review/review-views';

const chineseOrdinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

export interface TOpinionDocumentInput {
  caseNumber: string;
  round: number;
  cycle: number;
  decisionKind: string;
  submittedAt: Date;
  findings: TFindingView[];
  outcome: TReviewOutcome;
  reasons: string;
  reviewerName: string;
  issuedAt: Date;
}

/**
 * The written opinion (法制审核意见书, 审核办法 §12, §15) as plain text. Rendered once, at issue:
 * the archive keeps this text and the case file receives the same text and hash.
 */
export function renderOpinionDocument(input: TOpinionDocumentInput): { text: string; sha256: string } {
  const byPoint = new Map(input.findings.map((f) => [f.point, f]));
  const points = ZReviewPoint.options.map((point, i) => {
    const f = byPoint.get(point);
    const conclusion = f ? findingConclusionLabel[f.conclusion] : '未填写';
    return `（${chineseOrdinals[i]}）${reviewPointLabel[point]}：${conclusion}。${f?.findings ?? ''}`;
  });
  const kind = decisionKindLabel[input.decisionKind as TDecisionKind] ?? input.decisionKind;
  const text = [
    '重大行政执法决定法制审核意见书',
    '',
    `案号：${input.caseNumber}`,
    `审核轮次：第 ${input.round} 轮（第 ${input.cycle} 次决定）`,
    `拟作出决定种类：${kind}`,
    `送审日期：${dateInShanghai(input.submittedAt)}`,
    '',
    '一、审核内容',
    ...points,
    '',
    `二、审核意见：${reviewOutcomeLabel[input.outcome]}`,
    '',
    `三、理由：${input.reasons}`,
    '',
    `审核人员：${input.reviewerName}`,
    `出具日期：${dateInShanghai(input.issuedAt)}`,
    '',
    '本意见书一式两份，一份装入行政执法案卷，一份由法制审核机构留存归档。',
  ].join('\n');
  return { text, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}

export const opinionFilingKey = (opinionId: string) => `file-opinion:${opinionId}`;

export function toOpinionView(opinion: Opinion, filing: TFilingView | null): TOpinionView {
  return {
    id: opinion.id,
    reviewId: opinion.reviewId,
    caseNumber: opinion.caseNumber,
    round: opinion.round,
    outcome: opinion.outcome,
    outcomeLabel: reviewOutcomeLabel[opinion.outcome],
    reasons: opinion.reasons,
    findings: opinion.findings as TFindingView[],
    reviewer: { id: opinion.reviewerId, name: opinion.reviewerName },
    issuedAt: opinion.issuedAt.toISOString(),
    documentText: opinion.documentText,
    contentSha256: opinion.contentSha256,
    caseFileCopy: filing,
  };
}

export function toFilingView(
  message:
    { deliveredAt: Date | null; attempts: number; lastError: string | null; result: unknown } | undefined,
): TFilingView | null {
  if (!message) return null;
  const recordId = (message.result as { recordId?: string } | null)?.recordId ?? null;
  return {
    status: message.deliveredAt ? 'filed' : 'pending',
    recordId,
    filedAt: message.deliveredAt?.toISOString() ?? null,
    attempts: message.attempts,
    lastError: message.lastError,
  };
}
