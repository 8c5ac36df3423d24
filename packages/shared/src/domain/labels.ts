import type { TDecisionKind, TExemptionReason, TPartyKind, TWithdrawalReason } from './decision-kinds';
import type { TMajorCriterion, TReviewPoint, TSubmissionMaterialKind } from './legal-review';
import type { TCaseStage } from './case-stages';
import type { TEvidenceMediaKind, TRecordKind } from './records';
import type { TRole } from './roles';

/** Staff- and public-facing Chinese names of the shared vocabulary: one wording for every service. */

export const decisionKindLabel: Record<TDecisionKind, string> = {
  penalty: '行政处罚',
  licensing: '行政许可',
  coercion: '行政强制',
  inspection: '行政检查',
  confirmation: '行政确认',
  handling: '行政处理',
  other: '其他',
};

export const exemptionReasonLabel: Record<TExemptionReason, string> = {
  minorParty: '行政相对人是未成年人',
  stateSecret: '涉及国家秘密',
  tradeSecret: '涉及商业秘密',
  personalPrivacy: '涉及个人隐私',
  securityOrStability: '公开后可能危及国家安全、公共安全、经济安全和社会稳定',
  obstructsEnforcement: '可能妨害正常执法活动',
  superiorRuling: '上级部门认为不适宜公开',
  otherLaw: '法律、法规、规章另有规定',
};

export const withdrawalReasonLabel: Record<TWithdrawalReason, string> = {
  revoked: '原行政执法决定被依法撤销',
  confirmedIllegal: '原行政执法决定被确认违法',
  toBeRedone: '原行政执法决定被要求重新作出',
};

export const partyKindLabel: Record<TPartyKind, string> = {
  naturalPerson: '自然人',
  legalPerson: '法人',
  otherOrganisation: '其他组织',
};

export const majorCriterionLabel: Record<TMajorCriterion, string> = {
  majorPublicInterest: '涉及重大国家利益或公共利益',
  majorSocialImpact: '可能造成重大社会影响或引发社会风险',
  majorRightsAffected: '直接关系当事人或他人重大权益',
  afterHearing: '经听证程序作出',
  complexLegalRelations: '案情疑难复杂，涉及多个法律关系',
  requiredByLaw: '法律、法规、规章规定应当审核',
};

export const materialKindLabel: Record<TSubmissionMaterialKind, string> = {
  investigationReport: '调查终结报告',
  proposedDecision: '拟作出决定及情况说明',
  draftDecisionDocument: '行政执法决定书代拟稿',
  evidence: '相关证据材料',
  hearingOrAssessment: '听证笔录或评估报告',
  otherMaterials: '其他材料',
};

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

export const recordKindLabel: Record<TRecordKind, string> = {
  certificateShown: '出示执法证件记录',
  interview: '询问笔录',
  siteInspection: '现场检查笔录',
  evidenceList: '证据材料清单',
  hearing: '听证笔录及听证报告',
  rightsNotification: '权利告知及陈述申辩记录',
  evidencePreservation: '证据先行登记保存记录',
  refusalToCooperate: '拒绝配合调查记录',
  handlerOpinion: '承办人意见',
  investigationReport: '调查终结报告',
  decisionDocument: '行政执法决定书',
  collectiveDiscussion: '集体讨论记录',
  headApproval: '负责人审批意见',
  legalReviewOpinion: '法制审核意见',
  service: '送达记录',
  performance: '执行决定履行情况记录',
  urgingNotice: '催告书',
  courtEnforcement: '申请法院强制执行材料',
  remedy: '行政复议或行政诉讼记录',
  audioVisualInterruption: '音视频记录中断说明',
  audioVisualExemption: '未进行音视频记录的理由',
  correction: '更正记录',
};

export const evidenceMediaKindLabel: Record<TEvidenceMediaKind, string> = {
  audio: '录音',
  video: '录像',
  photo: '照片',
  document: '文书',
};

export const roleLabel: Record<TRole, string> = {
  officer: '承办人员',
  reviewer: '法制审核人员',
  head: '负责人',
  discloser: '公示工作人员',
  admin: '系统管理员',
  system: '系统服务',
};

export const caseStageLabel: Record<TCaseStage, string> = {
  investigation: '调查取证',
  proposal: '拟作出决定',
  legalReview: '法制审核',
  decision: '决定',
  disclosure: '公示审核',
  published: '已公示',
  withdrawn: '已撤下',
  expired: '公示期满撤下',
  exempt: '不予公开',
  transferred: '已移送',
  closed: '已结案',
};

/**
 * The fields of a published decision (000 §13, 004 §9) as the public and staff read them: the
 * disclosure service's redaction report and the console's draft editor name them the same way.
 */
export const publicDecisionFieldLabel = {
  caseName: '案件名称',
  partyName: '行政相对人',
  creditCode: '统一社会信用代码',
  legalRepresentative: '法定代表人',
  documentNumber: '决定书文号',
  decisionKind: '决定类别',
  decisionDate: '决定日期',
  enforcementMethod: '执法方式',
  content: '执法内容',
  decision: '执法决定',
  penaltyKind: '处罚种类',
  fineAmountYuan: '罚款金额（元）',
  legalBasis: '执法依据',
  performance: '履行方式和期限',
  issuingAuthority: '执法机关',
} as const;

/** The kinds of redaction rule (disclosure service, `ZRedactionRule`). */
export const redactionRuleKindLabel = {
  idNumber: '身份证件号码',
  phoneNumber: '电话号码',
  address: '地址',
  naturalPersonName: '自然人姓名',
  literal: '指定词语',
  withholdField: '整项不予公开',
} as const;
