import { z } from 'zod';

/**
 * Who acts in the system. `system` is the machine identity the worker uses to call services;
 * no person is given it.
 */
export const ZRole = z.enum([
  'officer', // 执法人员 (case handler)
  'reviewer', // 法制审核人员 (legal-review office)
  'head', // 负责人 (agency / unit head)
  'discloser', // 公示工作人员 (disclosure staff)
  'admin', // system administrator
  'system', // service-to-service calls from the workflow worker
]);
export type TRole = z.infer<typeof ZRole>;
