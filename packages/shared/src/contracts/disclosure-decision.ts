import { z } from 'zod';
import { publicDecisionFieldLabel, ZDecisionKind, ZIsoDate, ZPartyKind } from '../domain';

const ZText = (max: number) => z.string().trim().min(1).max(max);

/**
 * What a published decision carries (000 §13, 004 §9): the party, enforcement method, content, the
 * decision and its document number, kind and legal basis of the penalty, how and by when it must be
 * performed, and the issuing authority.
 */
export const ZDecisionSource = z.object({
  caseName: z.string().trim().min(1).max(300).optional(), // 案件名称 (004 §9(1)); absent on drafts made before it was sent
  partyKind: ZPartyKind,
  partyName: ZText(200), // 行政相对人
  creditCode: z.string().trim().max(32).optional(), // 统一社会信用代码 (legal person / organisation only)
  legalRepresentative: z.string().trim().max(100).optional(), // 法定代表人 / 负责人
  documentNumber: ZText(100), // 决定书文号
  decisionKind: ZDecisionKind,
  decisionDate: ZIsoDate,
  enforcementMethod: ZText(200), // 执法方式
  content: ZText(4000), // 执法内容 / 违法事实
  decision: ZText(4000), // 执法决定
  penaltyKind: z.string().trim().max(200).optional(), // 处罚种类
  fineAmountYuan: z.number().nonnegative().max(1e12).optional(), // 罚款金额（元）
  legalBasis: ZText(2000), // 依据
  performance: ZText(1000), // 履行方式和期限
  issuingAuthority: ZText(200), // 执法机关
});
export type TDecisionSource = z.infer<typeof ZDecisionSource>;

/**
 * The fields staff may edit in a revision or correction. The document number, kind, date and party
 * kind identify the decision in the case file: a wrong one is corrected there, not here.
 */
export const ZDecisionEdit = ZDecisionSource.pick({
  caseName: true,
  partyName: true,
  legalRepresentative: true,
  fineAmountYuan: true,
  enforcementMethod: true,
  content: true,
  decision: true,
  penaltyKind: true,
  legalBasis: true,
  performance: true,
  issuingAuthority: true,
}).partial();
export type TDecisionEdit = z.infer<typeof ZDecisionEdit>;

/** Fields that redaction may touch (text the public reads). */
export const redactableFields = [
  'caseName',
  'partyName',
  'legalRepresentative',
  'enforcementMethod',
  'content',
  'decision',
  'penaltyKind',
  'legalBasis',
  'performance',
  'issuingAuthority',
] as const;
export const ZRedactableField = z.enum(redactableFields);
export type TRedactableField = z.infer<typeof ZRedactableField>;

export const fieldLabel: Record<TRedactableField, string> = publicDecisionFieldLabel;

/** The public (redacted) version of a decision: same shape as the source. */
export type TPublicDecisionContent = TDecisionSource;
export const ZPublicDecisionContent = ZDecisionSource;
