import type { TRecordKind } from '../domain/records';
import type { TSubmissionMaterialKind } from '../domain/legal-review';

/**
 * What each submission material (送审材料, 审核办法 §7) must be in this case's file: which record
 * kinds, and whether an evidence file (any media kind, or documents only) may stand for it.
 *
 * - 调查终结报告 and 决定书代拟稿 are records of their own kind (a scan of the signed paper goes
 *   into the record's `evidenceIds`);
 * - 拟作出决定及情况说明 is the handler's opinion (承办人意见: facts, law, proposed decision);
 * - 证据材料: evidence files, the evidence list, and the records that are evidence by law
 *   (询问笔录 = 当事人陈述/证人证言, 现场检查笔录, 先行登记保存);
 * - 听证笔录或评估报告: the hearing record, or a document file (a risk assessment has no record kind);
 * - 其他材料: any record or evidence of the case, or 无 (`none: true`).
 */
export const materialRules: Record<
  TSubmissionMaterialKind,
  { records: readonly TRecordKind[] | 'any'; evidence: 'any' | 'documents' | 'no' }
> = {
  investigationReport: { records: ['investigationReport'], evidence: 'no' },
  proposedDecision: { records: ['handlerOpinion'], evidence: 'no' },
  draftDecisionDocument: { records: ['decisionDocument'], evidence: 'no' },
  evidence: {
    records: ['evidenceList', 'interview', 'siteInspection', 'evidencePreservation'],
    evidence: 'any',
  },
  hearingOrAssessment: { records: ['hearing'], evidence: 'documents' },
  otherMaterials: { records: 'any', evidence: 'any' },
};
