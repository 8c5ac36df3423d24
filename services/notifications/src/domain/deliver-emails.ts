import type { Logger } from '@sanxiang/shared';
import type { Transporter } from 'nodemailer';
import { claimEmails, markEmailAttemptFailed, markEmailSent } from '../data-access/email-outbox';
import type { TDb } from '../data-access/prisma-client';

export interface TEmailDeliveryDeps {
  db: TDb;
  logger: Logger;
  now: () => Date;
  transport: Pick<Transporter, 'sendMail'>;
  from: string;
  maxAttempts: number;
  /** First retry delay; doubles with every attempt, capped at one hour. */
  baseDelayMs?: number;
}

const LEASE_MS = 60_000;
const MAX_DELAY_MS = 60 * 60_000;

export const retryDelayMs = (attempts: number, baseMs: number): number =>
  Math.min(MAX_DELAY_MS, baseMs * 2 ** Math.max(0, attempts - 1));

/**
 * One pass of the e-mail outbox: send what is due, record sent / retry later / failed. The
 * message id is derived from the e-mail row, so a message re-sent after a crash between the SMTP
 * answer and the database update carries the same Message-ID (receivers can tell it is the same).
 */
export async function deliverEmails(deps: TEmailDeliveryDeps, limit = 20): Promise<number> {
  const claimed = await claimEmails(deps.db, deps.now(), LEASE_MS, limit);
  for (const email of claimed) {
    const messageId = `<${email.id}@notifications.sanxiang>`;
    try {
      if (!email.toAddress) throw new Error('no e-mail address');
      const info = await deps.transport.sendMail({
        from: deps.from,
        to: { name: email.toName, address: email.toAddress },
        subject: email.subject,
        text: email.body,
        messageId,
      });
      await markEmailSent(deps.db, email.id, deps.now(), String(info.messageId ?? messageId));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const last = email.attempts >= deps.maxAttempts;
      const next = last
        ? null
        : new Date(deps.now().getTime() + retryDelayMs(email.attempts, deps.baseDelayMs ?? 30_000));
      await markEmailAttemptFailed(deps.db, email.id, message, next);
      deps.logger.warn(
        { emailId: email.id, attempts: email.attempts, err: message, failed: last },
        'e-mail not sent',
      );
    }
  }
  return claimed.length;
}
