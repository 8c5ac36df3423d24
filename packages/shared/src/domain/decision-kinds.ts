import { z } from 'zod';

/** Kinds of enforcement decision that are published after the fact (事后公开, DOMAIN.md §1). */
export const ZDecisionKind = z.enum([
  'penalty', // 行政处罚
  'licensing', // 行政许可
  'coercion', // 行政强制
  'inspection', // 行政检查
  'confirmation', // 行政确认
  'handling', // 行政处理 (e.g. 劳动保障监察责令改正)
  'other', // 其他
]);
export type TDecisionKind = z.infer<typeof ZDecisionKind>;

/** Why a decision is not published (不予公开, 003 §(三), 004 §10). */
export const ZExemptionReason = z.enum([
  'minorParty', // 当事人为未成年人
  'stateSecret', // 国家秘密
  'tradeSecret', // 商业秘密
  'personalPrivacy', // 个人隐私
  'securityOrStability', // 危及国家、公共、经济安全或社会稳定
  'obstructsEnforcement', // 妨害正常执法活动
  'superiorRuling', // 上级部门认为不适宜公开
  'otherLaw', // 法律、法规、规章另有规定
]);
export type TExemptionReason = z.infer<typeof ZExemptionReason>;

/** Why a published decision is taken down (撤下, 003 §(六), 004 §14). */
export const ZWithdrawalReason = z.enum([
  'revoked', // 被依法撤销
  'confirmedIllegal', // 确认违法
  'toBeRedone', // 要求重新作出
]);
export type TWithdrawalReason = z.infer<typeof ZWithdrawalReason>;

/** The party (行政相对人) kind decides the expiry period: 2 years for natural persons, else 5. */
export const ZPartyKind = z.enum([
  'naturalPerson', // 自然人
  'legalPerson', // 法人
  'otherOrganisation', // 其他组织
]);
export type TPartyKind = z.infer<typeof ZPartyKind>;
