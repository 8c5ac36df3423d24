import { z } from 'zod';

/** Kinds of on-site enforcement activity (执法活动). */
export const ZActivityKind = z.enum([
  'siteInspection', // 现场检查
  'interview', // 询问
  'sampling', // 抽样取证
  'evidencePreservation', // 证据先行登记保存
  'service', // 送达
  'hearing', // 听证
  'other',
]);
export type TActivityKind = z.infer<typeof ZActivityKind>;
