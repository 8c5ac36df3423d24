import { z } from 'zod';

/** Where a case stands in the major-decision lifecycle (DOMAIN.md §4). */
export const ZCaseStage = z.enum([
  'investigation', // 调查取证
  'proposal', // 拟作出决定 (handler's proposed decision)
  'legalReview', // 法制审核 (major cases only)
  'decision', // 集体讨论 / 负责人审批 / 送达
  'disclosure', // 公示审核 (7-working-day clock)
  'published', // 已公示
  'withdrawn', // 已撤下 (撤销 / 确认违法 / 重新作出)
  'expired', // 公示期满撤下 (5 years, 2 for natural persons)
  'exempt', // 不予公开 (decision made, not published, reason recorded)
  'transferred', // 移送 (closed as transferred)
  'closed', // 结案 without a decision to publish
]);
export type TCaseStage = z.infer<typeof ZCaseStage>;
