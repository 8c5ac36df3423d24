import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JSON Canonicalization Scheme) text of a value: keys sorted by UTF-16 code units at every
 * level, ECMAScript number and string forms. jsonb does not keep key order, so whatever is hashed
 * and later re-read from PostgreSQL is hashed in this form. `undefined` members are left out.
 */
export function canonicalJson(value: unknown): string {
  return canonicalize(value ?? null) ?? 'null';
}

export const sha256Hex = (...parts: string[]): string => {
  const hash = createHash('sha256');
  parts.forEach((part, i) => {
    if (i > 0) hash.update('\n');
    hash.update(part);
  });
  return hash.digest('hex');
};
