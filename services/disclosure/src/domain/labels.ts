import type {
  TDecisionKind,
  TExemptionReason,
  TPartyKind,
  TWithdrawalReason,
} from '@sanxiang/shared/src/domain';

// User-facing (Simplified Chinese) names of domain values, in one place for pages, API and CSV.

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

/** Look up a label for a value stored as text; unknown values are shown as they are. */
export const labelOf = <K extends string>(
  labels: Record<K, string>,
  value: string | null | undefined,
): string => (value == null ? '' : ((labels as Record<string, string>)[value] ?? value));
