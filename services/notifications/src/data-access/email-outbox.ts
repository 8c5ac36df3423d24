import { enqueueOutbox } from '@sanxiang/shared';
import type { TTx } from './transaction';

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
  tx: TTx,
  email: { id: string; notificationId: string },
  now: Date,
): Promise<void> {
  await enqueueOutbox(
    tx,
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
