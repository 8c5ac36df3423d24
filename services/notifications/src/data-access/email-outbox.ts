import { enqueueOutbox, type TReader, type TTransaction } from '@sanxiang/shared';
import { outboxRelay, prismaOf } from './prisma-client';

/** The kit's relay over this service's database (the e-mail sender). */
export const createEmailRelay = outboxRelay;

/** The kit outbox's kind for one e-mail; its payload names the e-mail row. */
export const EMAIL_OUTBOX_KIND = 'email';

export interface TEmailOutboxPayload {
  emailId: string;
}

/**
 * Queue one e-mail in the notification's transaction (the kit's outbox,
 * packages/shared/src/kit/outbox.ts). Each e-mail is its own ordering key: an address that keeps
 * failing holds back nobody else's mail, nor that person's later ones. `now` is the service's
 * clock (the relay's), so the message is due at once.
 */
export async function enqueueEmail(
  tx: TTransaction,
  email: { id: string; notificationId: string },
  now: Date,
): Promise<void> {
  await enqueueOutbox(
    prismaOf(tx),
    {
      kind: EMAIL_OUTBOX_KIND,
      orderingKey: `email:${email.id}`,
      dedupeKey: `email:${email.id}`,
      subject: `notification:${email.notificationId}`,
      payload: { emailId: email.id } satisfies TEmailOutboxPayload,
    },
    now,
  );
}

/** The e-mail row of an outbox message (it exists: the message was queued with it). */
export const findEmailMessage = (db: TReader, id: string) =>
  prismaOf(db).emailMessage.findUniqueOrThrow({ where: { id } });

/** A failed attempt, mirrored on the e-mail row for the inbox (`failed` from the last one on). */
export const recordEmailAttemptFailed = (
  db: TReader,
  id: string,
  attempt: { attempts: number; error: string; failed: boolean },
) =>
  prismaOf(db).emailMessage.update({
    where: { id },
    data: {
      attempts: attempt.attempts,
      lastError: attempt.error.slice(0, 2000),
      ...(attempt.failed ? { status: 'failed' } : {}),
    },
  });

/** Sent: in the transaction that marks its outbox message delivered. */
export const markEmailSent = (
  tx: TTransaction,
  id: string,
  sent: { at: Date; smtpMessageId: string | null; attempts: number },
) =>
  prismaOf(tx).emailMessage.update({
    where: { id },
    data: {
      status: 'sent',
      sentAt: sent.at,
      smtpMessageId: sent.smtpMessageId,
      attempts: sent.attempts,
      lastError: null,
    },
  });
