import { z } from 'zod';

/** Kinds of full-process records in the case file (执法全过程记录, 记录规定 §9–§18). */
export const ZRecordKind = z.enum([
  'certificateShown', // 出示执法证件
  'interview', // 询问笔录
  'siteInspection', // 现场检查笔录
  'evidenceList', // 证据材料清单
  'hearing', // 听证笔录及报告
  'rightsNotification', // 权利告知及当事人陈述申辩
  'evidencePreservation', // 先行登记保存
  'refusalToCooperate', // 拒绝配合
  'handlerOpinion', // 承办人意见
  'investigationReport', // 调查终结报告
  'decisionDocument', // 行政执法决定书 (代拟稿 or issued)
  'collectiveDiscussion', // 集体讨论记录
  'headApproval', // 负责人审批
  'legalReviewOpinion', // 法制审核意见 (filed by the legal-review service)
  'service', // 送达 (direct / post / left at address / public notice)
  'performance', // 当事人履行情况
  'urgingNotice', // 催告书 (before applying to court, 记录规定 §11)
  'courtEnforcement', // 申请法院强制执行文书
  'remedy', // 当事人申请行政复议或提起行政诉讼及其结果 (记录规定 §11(三), §15)
  'audioVisualInterruption', // 音视频记录中断说明 / 无法继续记录的报告 (记录规定 §13)
  'audioVisualExemption', // 未进行音视频记录的理由 (须负责人批准, 记录规定 §14)
  'correction', // 更正 (a new record referencing the one it corrects)
]);
export type TRecordKind = z.infer<typeof ZRecordKind>;

/** The four forms of service (送达, 记录规定 §11–§12). */
export const ZServiceMethod = z.enum([
  'direct', // 直接送达 (signature on the receipt)
  'post', // 邮寄送达 (postal receipt)
  'leftAtAddress', // 留置送达 (reason, date, witness, A/V)
  'publicNotice', // 公告送达 (notice and channel)
]);
export type TServiceMethod = z.infer<typeof ZServiceMethod>;

export const ZEvidenceMediaKind = z.enum(['audio', 'video', 'photo', 'document']);
export type TEvidenceMediaKind = z.infer<typeof ZEvidenceMediaKind>;
