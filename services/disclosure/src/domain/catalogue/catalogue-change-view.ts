import { z } from 'zod';

/**
 * A registered change of law or functions as staff read it (`GET /catalogue/changes`, `…/{id}`):
 * the affected entries and whether each is updated, the 20-working-day due date, reminders and
 * escalations so far.
 */
export const ZCatalogueChangeView = z.object({
  id: z.uuid(),
  kind: z.enum(['lawChange', 'functionChange']),
  title: z.string(),
  description: z.string(),
  effectiveDate: z.string().describe('生效（废止、调整）之日，期限自此计算'),
  registeredBy: z.string(),
  registeredAt: z.string(),
  workflowId: z.string(),
  status: z.enum(['open', 'completed']),
  completedAt: z.string().nullable(),
  dueDate: z.string().nullable().describe('更新期限（北京时间的日期）；计时流程算出之前为空'),
  dueAt: z.string().nullable(),
  provisional: z.boolean(),
  overdue: z.boolean(),
  entries: z.array(
    z.object({
      disclosureId: z.uuid(),
      title: z.string(),
      section: z.string().nullable(),
      status: z.string(),
      reviewStage: z.string().nullable(),
      updatedVersion: z.number().int().nullable(),
      updatedAt: z.string().nullable(),
    }),
  ),
  escalations: z.array(
    z.object({
      level: z.number().int(),
      audience: z.string(),
      roles: z.array(z.string()),
      reason: z.string(),
      dueAt: z.string(),
      at: z.string(),
    }),
  ),
});
export type TCatalogueChangeView = z.infer<typeof ZCatalogueChangeView>;

export const ZCatalogueChangeList = z.object({ items: z.array(ZCatalogueChangeView) });
