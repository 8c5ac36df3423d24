import { randomUUID } from 'node:crypto';
import { dateInShanghai } from '@sanxiang/shared/src/calendar';
import type { TClockLevel } from '@sanxiang/shared/src/clocks';
import type {
  TNotificationChannel,
  TNotificationRecipient,
  TNotifyRequest,
  TNotifyResponse,
} from '@sanxiang/shared/src/contracts';
import { enqueueEmail } from '../data-access/email-outbox';
import {
  createEmailMessage,
  createNotificationsOnce,
  findEmailPreference,
  findNotificationsOfStep,
} from '../data-access/notification-repository';
import { inTransaction, type TTransaction } from '../data-access/transaction';
import type { TDomainDeps } from './deps';
import { applyToTask } from './task-model';
import { emailBody, noticeTitle } from './wording';
import { workingDaysLeft } from './working-days';

/** Escalations to a head are never silenced by a preference (issue 11). */
export const emailRequired = (audience: TNotificationRecipient['audience'], level: TClockLevel): boolean =>
  audience !== 'assignee' && level >= 1;

async function emailWanted(
  tx: TTransaction,
  r: TNotificationRecipient,
  level: TClockLevel,
): Promise<boolean> {
  if (!r.email) return false;
  if (emailRequired(r.audience, level)) return true;
  const preference = await findEmailPreference(tx, r.personId, level);
  return preference?.email ?? true;
}

/**
 * Tells each recipient of one clock step, exactly once per (clockKey, level, personId): rows are
 * inserted with ON CONFLICT DO NOTHING, so a retried activity, a replayed workflow or a second
 * worker gets back the rows of the first call and queues no second e-mail. The inbox item, its
 * e-mail (the row and its message in the kit's outbox) and the task read model commit in one
 * transaction; the sender is kicked after the commit.
 */
export async function recordNotifications(
  deps: TDomainDeps,
  input: TNotifyRequest,
): Promise<TNotifyResponse> {
  const { clock, level } = input;
  const calendar = await deps.calendar();
  const now = deps.now();
  const left = workingDaysLeft(calendar, dateInShanghai(now), clock.dueDate);
  const title = noticeTitle(clock, level);
  const recipients = [...new Map(input.recipients.map((r) => [r.personId, r])).values()];

  const rows = await inTransaction(deps.db, async (tx) => {
    const fresh = recipients.map((r) => ({ id: randomUUID(), recipient: r }));
    await createNotificationsOnce(
      tx,
      fresh.map(({ id, recipient }) => ({
        id,
        clockKey: clock.clockKey,
        level,
        personId: recipient.personId,
        personName: recipient.name,
        audience: recipient.audience,
        kind: clock.kind,
        caseNumber: clock.caseNumber,
        title,
        reason: input.reason,
        link: clock.link,
        dueAt: new Date(clock.dueAt),
        dueDate: clock.dueDate,
        firedAt: new Date(input.at),
        createdAt: now,
      })),
    );
    const stored = await findNotificationsOfStep(tx, {
      clockKey: clock.clockKey,
      level,
      personIds: recipients.map((r) => r.personId),
    });
    const created = new Set<string>(fresh.map((f) => f.id));
    for (const row of stored) {
      if (!created.has(row.id)) continue;
      const recipient = recipients.find((r) => r.personId === row.personId)!;
      const wanted = await emailWanted(tx, recipient, level);
      row.email = await createEmailMessage(tx, {
        id: randomUUID(),
        notificationId: row.id,
        toAddress: recipient.email,
        toName: recipient.name,
        subject: title,
        body: emailBody(clock, level, {
          personName: recipient.name,
          reason: input.reason,
          dueAt: clock.dueAt,
          workingDaysLeft: left,
          url: `${deps.consoleUrl}${clock.link}`,
        }),
        status: wanted ? 'pending' : 'skipped',
        createdAt: now,
      });
      if (wanted) await enqueueEmail(tx, row.email, now);
    }
    await applyToTask(tx, {
      clock,
      at: new Date(input.at),
      status: 'running',
      level,
      assigneeIds: input.assigneeIds,
      supervisorIds: recipients.filter((r) => r.audience !== 'assignee').map((r) => r.personId),
    });
    // In the order the recipients were given (the assignees first, then the heads).
    const order = recipients.map((r) => r.personId);
    return stored.sort((a, b) => order.indexOf(a.personId) - order.indexOf(b.personId));
  });

  deps.emailQueued?.();

  return {
    notifications: rows.map((row) => {
      const channels: TNotificationChannel[] = ['inbox'];
      if (row.email && row.email.status !== 'skipped') channels.push('email');
      return {
        id: row.id,
        personId: row.personId,
        name: row.personName,
        audience: row.audience as TNotificationRecipient['audience'],
        channels,
        createdAt: row.createdAt.toISOString(),
      };
    }),
  };
}
