/** Keys of the Temporal payload codec (TEMPORAL_CODEC_KEYS); no crypto here, the config schema uses it. */
const KEY_BYTES = 32;

export interface TCodecKey {
  id: string;
  key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Parses TEMPORAL_CODEC_KEYS. Throws with a message naming the entry at fault (the config schema
 * uses the same check, so a process never starts with a bad list).
 */
export function parseCodecKeys(value: string): TCodecKey[] {
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error('no key: expected id:base64[,id:base64…]');
  const keys: TCodecKey[] = [];
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    if (!KEY_ID.test(id))
      throw new Error(`entry ${index + 1}: expected id:base64 with an id of letters, digits, . _ -`);
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    if (key.length !== KEY_BYTES)
      throw new Error(`key ${id}: must be ${KEY_BYTES} bytes in base64 (openssl rand -base64 32)`);
    if (keys.some((k) => k.id === id)) throw new Error(`key ${id}: listed twice`);
    keys.push({ id, key });
  }
  return keys;
}
