import type { EmailMessage } from '../generated/prisma/client';
import type { TDb } from './prisma-client';

/**
 * Lease up to `limit` pending e-mails that are due (FOR UPDATE SKIP LOCKED: several service
 * replicas never take the same one). The attempt is counted when it is taken.
 */
export const claimEmails = (db: TDb, now: Date, leaseMs: number, limit: number) =>
  db.$queryRaw<Pick<EmailMessage, 'id' | 'toAddress' | 'toName' | 'subject' | 'body' | 'attempts'>[]>`
    UPDATE "EmailMessage" SET "lockedUntil" = ${new Date(now.getTime() + leaseMs)}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT e."id" FROM "EmailMessage" e
      WHERE e."status" = 'pending' AND e."nextAttemptAt" <= ${now}
        AND (e."lockedUntil" IS NULL OR e."lockedUntil" < ${now})
      ORDER BY e."nextAttemptAt", e."id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "toAddress", "toName", "subject", "body", "attempts"`;

export const markEmailSent = (db: TDb, id: string, at: Date, smtpMessageId: string) =>
  db.emailMessage.update({
    where: { id },
    data: { status: 'sent', sentAt: at, smtpMessageId, lockedUntil: null, lastError: null },
  });

export const markEmailAttemptFailed = (db: TDb, id: string, error: string, next: Date | null) =>
  db.emailMessage.update({
    where: { id },
    data: {
      lastError: error.slice(0, 2000),
      lockedUntil: null,
      ...(next ? { nextAttemptAt: next } : { status: 'failed' }),
    },
  });
