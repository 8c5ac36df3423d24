import type { Logger, TDatabase, TOutboxMessage, TOutboxRelay } from '@sanxiang/shared';
import type { Transporter } from 'nodemailer';
import {
  createEmailRelay,
  EMAIL_OUTBOX_KIND,
  findEmailMessage,
  markEmailSent,
  recordEmailAttemptFailed,
  type TEmailOutboxPayload,
} from '../data-access/email-outbox';

export interface TEmailDeliveryDeps {
  db: TDatabase;
  logger: Logger;
  now: () => Date;
  transport: Pick<Transporter, 'sendMail'>;
  from: string;
  /** Failed attempts after which the e-mail shows as `failed` (the outbox keeps retrying it). */
  maxAttempts: number;
  /** How long one attempt holds its message (the kit's default is a minute). */
  leaseMs?: number;
}

interface TSent {
  emailId: string;
  smtpMessageId: string | null;
  /** Already sent or skipped when the message was delivered (nothing went out this time). */
  already?: boolean;
}

/**
 * The e-mails' sender: the kit's outbox relay (packages/shared/src/kit/outbox.ts) with one handler,
 * `email`. It leases messages with `FOR UPDATE SKIP LOCKED` (two service replicas never send one
 * together), retries a failure with the kit's one backoff (5 s doubling to 5 minutes) without
 * limit, and keeps its state in `OutboxMessage` (`outboxBacklog`: the failing ones are the dead
 * letters). The e-mail row mirrors it for the inbox: attempts and the last error after each
 * attempt, `failed` from the `maxAttempts`-th failure on, `sent` in the transaction that marks the
 * message delivered. The Message-ID is derived from the e-mail row, so a message re-sent after a
 * crash between the SMTP answer and that transaction carries the same Message-ID.
 */
export function createEmailSender(deps: TEmailDeliveryDeps): TOutboxRelay {
  const send = async (message: TOutboxMessage): Promise<TSent> => {
    const { emailId } = message.payload as TEmailOutboxPayload;
    const email = await findEmailMessage(deps.db, emailId);
    if (email.status === 'sent' || email.status === 'skipped')
      return { emailId, smtpMessageId: email.smtpMessageId, already: true };
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
      return { emailId, smtpMessageId: String(info.messageId ?? messageId) };
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const failed = message.attempts >= deps.maxAttempts;
      await recordEmailAttemptFailed(deps.db, emailId, { attempts: message.attempts, error, failed });
      throw err;
    }
  };

  return createEmailRelay({
    db: deps.db,
    logger: deps.logger,
    now: deps.now,
    ...(deps.leaseMs !== undefined ? { leaseMs: deps.leaseMs } : {}),
    handlers: { [EMAIL_OUTBOX_KIND]: send },
    onDelivered: async (tx, message, result, at) => {
      if (message.kind !== EMAIL_OUTBOX_KIND) return;
      const sent = result as TSent;
      if (sent.already) return;
      await markEmailSent(tx, sent.emailId, {
        at,
        smtpMessageId: sent.smtpMessageId,
        attempts: message.attempts,
      });
    },
  });
}
