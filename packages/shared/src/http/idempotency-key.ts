import type { Request } from 'express';
import { idempotencyKeyHeader } from '../contracts/internal-api';
import { AppError, fieldError } from '../errors';

/**
 * The one rule for the `Idempotency-Key` header in every service: 1–255 visible ASCII characters
 * (header values are ASCII; the worker percent-encodes its keys, which carry Chinese case numbers).
 * 255 is the widest of the limits the services had, so no key accepted before is refused now.
 */
export const idempotencyKeyMaxLength = 255;
const keyPattern = new RegExp(`^[\\x21-\\x7e]{1,${idempotencyKeyMaxLength}}$`, 'u');

/** The request's optional Idempotency-Key, or a 400 naming the header when it breaks the rule. */
export function readIdempotencyKey(req: Request): string | undefined {
  const raw = req.get(idempotencyKeyHeader);
  if (raw === undefined) return undefined;
  if (!keyPattern.test(raw)) {
    throw new AppError('validation', `Idempotency-Key 须为 1–${idempotencyKeyMaxLength} 个可见 ASCII 字符`, {
      fields: [fieldError('headers.idempotency-key', `应为 1–${idempotencyKeyMaxLength} 个可见 ASCII 字符`)],
    });
  }
  return raw;
}

/**
 * A key already used (by the same caller) for another request: 422 Unprocessable Content, as the
 * IETF draft "The Idempotency-Key HTTP Header Field" prescribes for a reused key with a different
 * payload (409 is kept for a request racing one still in flight and for state conflicts).
 */
export function idempotencyKeyReused(): AppError {
  return new AppError('unprocessable', 'Idempotency-Key 已用于内容不同的请求，请为新请求使用新的键', {
    fields: [fieldError('headers.idempotency-key', '已用于内容不同的请求')],
  });
}
