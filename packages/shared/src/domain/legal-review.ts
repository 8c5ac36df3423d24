import { z } from 'zod';

/** Legal-review opinions (审核意见, 004 审核办法 §12). Exactly one per review round. */
export const ZReviewOutcome = z.enum([
  'approve', // 同意
  'supplementInvestigation', // 补充调查
  'modify', // 变更 (wrong law or discretion)
  'correct', // 纠正 (unlawful procedure)
  'transfer', // 移送 (outside jurisdiction / possible crime)
]);
export type TReviewOutcome = z.infer<typeof ZReviewOutcome>;

export const reviewOutcomeLabel: Record<TReviewOutcome, string> = {
  approve: '同意',
  supplementInvestigation: '补充调查',
  modify: '变更',
  correct: '纠正',
  transfer: '移送',
};

/** What makes a case major (重大执法决定, 004 审核办法 §4). Any one suffices. */
export const ZMajorCriterion = z.enum([
  'majorPublicInterest', // 涉及重大国家利益或公共利益
  'majorSocialImpact', // 社会影响重大或可能引发社会风险
  'majorRightsAffected', // 直接关系当事人或第三人重大权益
  'afterHearing', // 经过听证程序作出
  'complexLegalRelations', // 案件情况疑难复杂、涉及多个法律关系
  'requiredByLaw', // 法律、法规、规章规定的其他情形
]);
export type TMajorCriterion = z.infer<typeof ZMajorCriterion>;

/** The six kinds of submission materials (送审材料, 审核办法 §7). */
export const ZSubmissionMaterialKind = z.enum([
  'investigationReport', // 调查终结报告
  'proposedDecision', // 拟作出决定及说明 (facts, law, qualifications, investigation and hearing)
  'draftDecisionDocument', // 行政执法决定书代拟稿
  'evidence', // 证据材料
  'hearingOrAssessment', // 听证笔录或评估报告 (where there was one)
  'otherMaterials', // 其他材料
]);
export type TSubmissionMaterialKind = z.infer<typeof ZSubmissionMaterialKind>;

/** The nine review points (审核内容, 审核办法 §10). */
export const ZReviewPoint = z.enum([
  'lawfulSubjectAndPowers', // 执法主体合法、权限
  'certifiedOfficers', // 执法人员具备资格，无单人执法
  'lawfulProcedure', // 程序合法
  'factsAndEvidence', // 事实清楚、证据确凿充分
  'lawAndDiscretion', // 适用法律正确、裁量适当
  'documentsComplete', // 执法文书完备规范
  'audioVisualRecorded', // 依法应当音视频记录的已记录
  'possibleCrime', // 涉嫌犯罪应移送司法机关
  'other', // 其他
]);
export type TReviewPoint = z.infer<typeof ZReviewPoint>;
