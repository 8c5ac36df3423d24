import type { TDatabase, TReader, TTransaction } from '@sanxiang/shared';
import type { Prisma } from '../generated/prisma/client';
import { clientOf, prismaOf } from './prisma-client';

// Inbox items, their e-mails and e-mail preferences. Reads take a `TReader`; writes a transaction
// (or the database, for a single statement).

/** A person's inbox items with their e-mails, newest first, after the keyset cursor. */
export const listNotifications = (
  db: TReader,
  filter: {
    personId: string;
    status?: 'unread' | 'read' | 'done' | undefined;
    after?: { createdAt: Date; id: string } | undefined;
    take: number;
  },
) =>
  prismaOf(db).notification.findMany({
    where: {
      personId: filter.personId,
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.after
        ? {
            OR: [
              { createdAt: { lt: filter.after.createdAt } },
              { createdAt: filter.after.createdAt, id: { lt: filter.after.id } },
            ],
          }
        : {}),
    },
    include: { email: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: filter.take,
  });

export const countUnread = (db: TReader, personId: string) =>
  prismaOf(db).notification.count({ where: { personId, status: 'unread' } });

export const findNotification = (db: TReader, id: string) =>
  prismaOf(db).notification.findUnique({ where: { id }, include: { email: true } });

export const updateNotification = (db: TReader, id: string, data: Prisma.NotificationUncheckedUpdateInput) =>
  prismaOf(db).notification.update({ where: { id }, data, include: { email: true } });

/** Inserts the rows that do not exist yet (one per clockKey, level and person). */
export const createNotificationsOnce = (tx: TTransaction, data: Prisma.NotificationCreateManyInput[]) =>
  prismaOf(tx).notification.createMany({ data, skipDuplicates: true });

/** The items of one clock step for these people, with their e-mails. */
export const findNotificationsOfStep = (
  db: TReader,
  step: { clockKey: string; level: number; personIds: string[] },
) =>
  prismaOf(db).notification.findMany({
    where: { clockKey: step.clockKey, level: step.level, personId: { in: step.personIds } },
    include: { email: true },
  });

export const createEmailMessage = (tx: TTransaction, data: Prisma.EmailMessageUncheckedCreateInput) =>
  prismaOf(tx).emailMessage.create({ data });

export const findEmailPreference = (db: TReader, personId: string, level: number) =>
  prismaOf(db).emailPreference.findUnique({ where: { personId_level: { personId, level } } });

export const listEmailPreferences = (db: TReader, personId: string) =>
  prismaOf(db).emailPreference.findMany({ where: { personId } });

/** Sets the e-mail choice of the levels given, in one transaction. */
export async function saveEmailPreferences(
  db: TDatabase,
  personId: string,
  choices: { level: number; email: boolean }[],
): Promise<void> {
  const client = clientOf(db);
  await client.$transaction(
    choices.map(({ level, email }) =>
      client.emailPreference.upsert({
        where: { personId_level: { personId, level } },
        create: { personId, level, email },
        update: { email },
      }),
    ),
  );
}
