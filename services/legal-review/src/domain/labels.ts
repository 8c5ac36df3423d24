import type {
  TDecisionKind,
  TMajorCriterion,
  TReviewPoint,
  TSubmissionMaterialKind,
} from '@sanxiang/shared/src/domain';

/** Staff-facing Chinese labels, used in messages and in the written opinion. */

export const reviewPointLabel: Record<TReviewPoint, string> = {
  lawfulSubjectAndPowers: '执法主体是否合法，是否超越本机关职权范围或者滥用职权',
  certifiedOfficers: '执法人员是否具备执法资格，是否存在无证执法、一人执法现象',
  lawfulProcedure: '程序是否合法',
  factsAndEvidence: '案件主要事实是否清楚，证据是否确凿、充分',
  lawAndDiscretion: '适用法律是否准确、运用自由裁量权是否适当',
  documentsComplete: '行政执法文书是否完备、规范',
  audioVisualRecorded: '应当进行音像记录的有无完整、全面记载',
  possibleCrime: '违法行为是否涉嫌犯罪需要移送司法机关',
  other: '其他应当审核的内容',
};

export const findingConclusionLabel = {
  noIssue: '未发现问题',
  issueFound: '发现问题',
  notApplicable: '不适用',
} as const;

export const materialKindLabel: Record<TSubmissionMaterialKind, string> = {
  investigationReport: '调查终结报告',
  proposedDecision: '拟作出决定及情况说明',
  draftDecisionDocument: '行政执法决定书代拟稿',
  evidence: '相关证据材料',
  hearingOrAssessment: '听证笔录或评估报告',
  otherMaterials: '其他材料',
};

export const decisionKindLabel: Record<TDecisionKind, string> = {
  penalty: '行政处罚',
  licensing: '行政许可',
  coercion: '行政强制',
  inspection: '行政检查',
  confirmation: '行政确认',
  handling: '行政处理',
  other: '其他',
};

export const majorCriterionLabel: Record<TMajorCriterion, string> = {
  majorPublicInterest: '涉及重大国家利益或公共利益',
  majorSocialImpact: '可能造成重大社会影响或引发社会风险',
  majorRightsAffected: '直接关系当事人或他人重大权益',
  afterHearing: '经听证程序作出',
  complexLegalRelations: '案情疑难复杂，涉及多个法律关系',
  requiredByLaw: '法律、法规、规章规定应当审核',
};

export const listMaterialKinds = (kinds: readonly TSubmissionMaterialKind[]): string =>
  kinds.map((k) => materialKindLabel[k]).join('、');
