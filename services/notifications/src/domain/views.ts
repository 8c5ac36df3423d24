import { z } from 'zod';
import { ZClockStepLevel, ZNotificationAudience, ZTaskClockKind } from '@sanxiang/shared/src/contracts';

export const ZEmailState = z.object({
  status: z.enum(['pending', 'sent', 'failed', 'skipped']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
});

export const ZInboxItem = z.object({
  id: z.string(),
  clockKey: z.string(),
  level: ZClockStepLevel,
  levelLabel: z.string(),
  kind: ZTaskClockKind,
  kindLabel: z.string(),
  audience: ZNotificationAudience,
  caseNumber: z.string().nullable(),
  /** Chinese title, e.g. `【超期督办】法制审核：…已于 2026年12月2日 到期`. */
  title: z.string(),
  reason: z.string(),
  /** Where the work is done in the staff console. */
  link: z.string(),
  dueAt: z.string(),
  dueDate: z.string(),
  /** Positive: working days left; 0: due today; negative: working days overdue. */
  workingDaysLeft: z.number().int(),
  /** `还剩 2 个工作日` / `今日到期` / `已超期 3 个工作日`. */
  workingDaysText: z.string(),
  status: z.enum(['unread', 'read', 'done']),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  email: ZEmailState.nullable(),
});
export type TInboxItem = z.infer<typeof ZInboxItem>;

export const ZInboxPage = z.object({
  items: z.array(ZInboxItem),
  unread: z.number().int(),
  nextCursor: z.string().nullable(),
});

export const ZTaskView = z.object({
  clockKey: z.string(),
  kind: ZTaskClockKind,
  kindLabel: z.string(),
  caseNumber: z.string().nullable(),
  title: z.string(),
  link: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  dueAt: z.string(),
  dueDate: z.string(),
  workingDaysLeft: z.number().int(),
  workingDaysText: z.string(),
  status: z.enum(['running', 'paused']),
  /** -1 nothing fired, 0 reminded, 1 overdue (escalated), 2 escalated again. */
  level: z.number().int(),
  /** 未提醒 / 已提醒 / 已督办 / 已二次督办. */
  levelLabel: z.string(),
  /** 进行中 / 即将到期 / 已超期 / 已暂停. */
  stateLabel: z.string(),
  overdue: z.boolean(),
  /** Why it is on this person's list: they do the work, or they were told as supervisor. */
  role: z.enum(['assignee', 'supervisor']).optional(),
});
export type TTaskView = z.infer<typeof ZTaskView>;

export const ZTaskPage = z.object({ items: z.array(ZTaskView), nextCursor: z.string().nullable() });

export const ZBoardGroup = z.object({
  kind: ZTaskClockKind,
  kindLabel: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  stateLabel: z.string(),
  level: z.number().int(),
  levelLabel: z.string(),
  count: z.number().int(),
});

export const ZBoardKindCount = z.object({
  kind: ZTaskClockKind,
  kindLabel: z.string(),
  running: z.number().int(),
  overdue: z.number().int(),
});

export const ZBoard = z.object({
  asOf: z.string(),
  /** What the caller may see: every unit (legal-review office, agency head) or their own unit. */
  scope: z.object({ all: z.boolean(), unitId: z.string().nullable() }),
  total: z.number().int(),
  overdue: z.number().int(),
  byKind: z.array(ZBoardKindCount),
  groups: z.array(ZBoardGroup),
  /** The rows themselves (most urgent first, at most `limit`), each linking to the case. */
  rows: z.array(ZTaskView),
});
