import { AppError } from '@sanxiang/shared';
import { dateInShanghai } from '@sanxiang/shared/src/calendar';
import type { TClockLevel } from '@sanxiang/shared/src/clocks';
import type { TNotificationAudience, TTaskClockKind } from '@sanxiang/shared/src/contracts';
import {
  countUnread,
  findNotification,
  listNotifications,
  updateNotification,
} from '../data-access/notification-repository';
import type { EmailMessage, Notification } from '../data-access/rows';
import { decodeCursor, encodeCursor } from './cursor';
import type { TDomainDeps } from './deps';
import type { TInboxItem } from './views';
import { daysText, kindLabel, levelLabel } from './wording';
import { workingDaysLeft } from './working-days';

type TRow = Notification & { email: EmailMessage | null };

function inboxItem(row: TRow, left: number): TInboxItem {
  return {
    id: row.id,
    clockKey: row.clockKey,
    level: row.level as TClockLevel,
    levelLabel: levelLabel[row.level as TClockLevel],
    kind: row.kind as TTaskClockKind,
    kindLabel: kindLabel(row.kind as TTaskClockKind),
    audience: row.audience as TNotificationAudience,
    caseNumber: row.caseNumber,
    title: row.title,
    reason: row.reason,
    link: row.link,
    dueAt: row.dueAt.toISOString(),
    dueDate: row.dueDate,
    workingDaysLeft: left,
    workingDaysText: daysText(left),
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
    doneAt: row.doneAt?.toISOString() ?? null,
    email: row.email
      ? {
          status: row.email.status,
          attempts: row.email.attempts,
          lastError: row.email.lastError,
          sentAt: row.email.sentAt?.toISOString() ?? null,
        }
      : null,
  };
}

export interface TInboxQuery {
  status?: 'unread' | 'read' | 'done' | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** A person's inbox, newest first (keyset pagination on createdAt, id). */
export async function listInbox(deps: TDomainDeps, personId: string, q: TInboxQuery) {
  const after = decodeCursor(q.cursor, 2);
  const calendar = await deps.calendar();
  const today = dateInShanghai(deps.now());
  const rows = await listNotifications(deps.db, {
    personId,
    status: q.status,
    after: after ? { createdAt: new Date(after[0]!), id: after[1]! } : undefined,
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const unread = await countUnread(deps.db, personId);
  return {
    items: page.map((row) => inboxItem(row, workingDaysLeft(calendar, today, row.dueDate))),
    unread,
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
  };
}

/** Marks an item read or done; only its own person may (others get 404, as if it did not exist). */
export async function markInbox(deps: TDomainDeps, personId: string, id: string, to: 'read' | 'done') {
  const row = await findNotification(deps.db, id);
  if (!row || row.personId !== personId) throw new AppError('notFound', `通知 ${id} 不存在`);
  const now = deps.now();
  // Done stays done; marking read again keeps the first reading time.
  const data =
    to === 'done'
      ? { status: 'done' as const, doneAt: row.doneAt ?? now, readAt: row.readAt ?? now }
      : row.status === 'unread'
        ? { status: 'read' as const, readAt: now }
        : {};
  const updated = await updateNotification(deps.db, id, data);
  const calendar = await deps.calendar();
  return inboxItem(updated, workingDaysLeft(calendar, dateInShanghai(now), updated.dueDate));
}
