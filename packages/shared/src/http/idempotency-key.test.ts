import type { Request } from 'express';
import { idempotencyKeyMaxLength, idempotencyKeyReused, readIdempotencyKey } from './idempotency-key';

const withKey = (key: string | undefined) => ({ get: () => key }) as unknown as Request;

describe('the one Idempotency-Key rule', () => {
  it('takes 1–255 visible ASCII characters and no key at all', () => {
    expect(readIdempotencyKey(withKey(undefined))).toBeUndefined();
    expect(readIdempotencyKey(withKey('a'))).toBe('a');
    const longest = 'k'.repeat(idempotencyKeyMaxLength);
    expect(readIdempotencyKey(withKey(longest))).toBe(longest);
  });

  it.each([
    ['empty', ''],
    ['a space', ' '],
    ['too long', 'k'.repeat(256)],
    ['non-ASCII', '案号'],
  ])('answers 400 naming the header for a key that is %s', (_what, key) => {
    expect(() => readIdempotencyKey(withKey(key))).toThrow(
      expect.objectContaining({
        status: 400,
        options: { fields: [expect.objectContaining({ path: 'headers.idempotency-key' })] },
      }),
    );
  });

  it('answers 422 for a key reused with another request', () => {
    expect(idempotencyKeyReused()).toMatchObject({ status: 422 });
  });
});
