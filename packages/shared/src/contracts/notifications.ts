import { z } from 'zod';
import { clockRuleKinds } from '../clocks/clock-kinds';
import { ZCaseNumber, ZIsoDate } from '../domain/identifiers';

/**
 * The notifications service's internal API (docs/notifications.md): the worker hands it who is to
 * be told of a clock step, and reports clocks starting and stopping for the tasks read model and
 * the supervision board (督办看板). Every call carries a machine token (role `system`).
 */
export const notificationPaths = {
  notifications: () => '/internal/notifications',
  clockEvents: () => '/internal/clock-events',
} as const;

/** Every clock kind of the one clock table (packages/shared/src/clocks). */
export const ZTaskClockKind = z.enum(clockRuleKinds);
export type TTaskClockKind = z.infer<typeof ZTaskClockKind>;

export const ZClockStepLevel = z.union([z.literal(0), z.literal(1), z.literal(2)]);

/** Why a person is told: they do the work, they head its unit, they head the agency. */
export const ZNotificationAudience = z.enum(['assignee', 'unitHead', 'agencyHead']);
export type TNotificationAudience = z.infer<typeof ZNotificationAudience>;

export const ZNotificationChannel = z.enum(['inbox', 'email']);
export type TNotificationChannel = z.infer<typeof ZNotificationChannel>;

const ZInstantString = z.iso.datetime({ offset: true });

/** The clock a task or notification is about (the same fields in notifications and clock events). */
export const ZClockSubject = z.object({
  /** Unique per clock run, e.g. `case-lifecycle:X:legalReview:1:<startAt>`. */
  clockKey: z.string().trim().min(1).max(300),
  kind: ZTaskClockKind,
  caseNumber: ZCaseNumber.nullable(),
  /** What the work is about, as staff read it (e.g. the case title). */
  title: z.string().trim().min(1).max(200),
  /** Path in the staff console where the work is done, e.g. `/cases/X`. */
  link: z.string().startsWith('/').max(500),
  dueAt: ZInstantString,
  dueDate: ZIsoDate,
  /** The unit responsible for the work (for the board's grouping). */
  unitId: z.string().trim().min(1).max(64).nullable(),
  unitName: z.string().trim().min(1).max(100).nullable(),
});
export type TClockSubject = z.infer<typeof ZClockSubject>;

export const ZNotificationRecipient = z.object({
  personId: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(64),
  email: z.email().nullable(),
  audience: ZNotificationAudience,
});
export type TNotificationRecipient = z.infer<typeof ZNotificationRecipient>;

export const ZNotifyRequest = z.object({
  clock: ZClockSubject,
  level: ZClockStepLevel,
  /** Chinese reason, as stored with the escalation in the case file. */
  reason: z.string().trim().min(1).max(500),
  /** The instant the step fired (workflow time). */
  at: ZInstantString,
  /** The people responsible for the work now, for 我的待办. */
  assigneeIds: z.array(z.string().min(1).max(64)).max(50),
  recipients: z.array(ZNotificationRecipient).min(1).max(50),
});
export type TNotifyRequest = z.infer<typeof ZNotifyRequest>;

/** One person told: created once per (clockKey, level, personId); a repeat returns the same row. */
export const ZNotificationReceipt = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  audience: ZNotificationAudience,
  channels: z.array(ZNotificationChannel),
  createdAt: z.string(),
});
export type TNotificationReceipt = z.infer<typeof ZNotificationReceipt>;

export const ZNotifyResponse = z.object({ notifications: z.array(ZNotificationReceipt) });
export type TNotifyResponse = z.infer<typeof ZNotifyResponse>;

export const ZClockEventType = z.enum(['started', 'paused', 'stopped']);

/** A clock started (or restarted), paused or stopped: keeps the tasks read model current. */
export const ZClockEvent = z.object({
  type: ZClockEventType,
  clock: ZClockSubject,
  at: ZInstantString,
  assigneeIds: z.array(z.string().min(1).max(64)).max(50),
});
export type TClockEvent = z.infer<typeof ZClockEvent>;
