import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { loadConfig } from '../config';
import { parseCodecKeys } from './codec-keys';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING, KEY_ID_METADATA_KEY, payloadKeyId } from './payload-codec';

const keyA = { id: 'a-2026', key: randomBytes(32) };
const keyB = { id: 'b-2027', key: randomBytes(32) };
const secret = { party: '常州华建建设集团有限公司', representative: '顾国平', id: '320402197805123416' };
const plain = (): Payload => defaultPayloadConverter.toPayload(secret);
const meta = (p: Payload, k: string) => Buffer.from(p.metadata?.[k] ?? new Uint8Array()).toString('utf8');

describe('AesGcmPayloadCodec', () => {
  it('encrypts a payload so that neither its data nor its metadata shows the plain text', async () => {
    const [encoded] = await new AesGcmPayloadCodec([keyA]).encode([plain()]);
    expect(meta(encoded!, 'encoding')).toBe(ENCRYPTED_ENCODING);
    expect(meta(encoded!, KEY_ID_METADATA_KEY)).toBe('a-2026');
    expect(Object.keys(encoded!.metadata ?? {}).sort()).toEqual(['encoding', KEY_ID_METADATA_KEY].sort());
    const bytes = Buffer.from(encoded!.data!);
    for (const s of [...Object.values(secret), 'json/plain'])
      expect({ s, found: bytes.includes(Buffer.from(s)) }).toEqual({ s, found: false });
    // A fresh IV each time: the same value never encrypts to the same bytes.
    const [again] = await new AesGcmPayloadCodec([keyA]).encode([plain()]);
    expect(Buffer.from(again!.data!).equals(bytes)).toBe(false);
  });

  it('decodes what it encoded to the same payload', async () => {
    const codec = new AesGcmPayloadCodec([keyA]);
    const [decoded] = await codec.decode(await codec.encode([plain()]));
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual(secret);
    expect(meta(decoded!, 'encoding')).toBe('json/plain');
  });

  it('passes a plain payload (written before the codec) through unchanged', async () => {
    const old = plain();
    const [decoded] = await new AesGcmPayloadCodec([keyA]).decode([old]);
    expect(decoded).toBe(old);
    expect(payloadKeyId(old)).toBeUndefined();
  });

  it('rotates: with key B added first, new payloads use B and those written with A still decode', async () => {
    const [withA] = await new AesGcmPayloadCodec([keyA]).encode([plain()]);
    const rotated = new AesGcmPayloadCodec([keyB, keyA]);
    expect(rotated.currentKeyId).toBe('b-2027');
    const [withB] = await rotated.encode([plain()]);
    expect(payloadKeyId(withB!)).toBe('b-2027');
    const decoded = await rotated.decode([withA!, withB!]);
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([secret, secret]);
  });

  it('refuses a payload whose key is no longer listed, naming the key id', async () => {
    const [withA] = await new AesGcmPayloadCodec([keyA]).encode([plain()]);
    await expect(new AesGcmPayloadCodec([keyB]).decode([withA!])).rejects.toThrow(
      /key "a-2026".*does not list/,
    );
  });

  it('refuses altered ciphertext and a payload relabelled with another key id', async () => {
    const codec = new AesGcmPayloadCodec([keyA, { id: 'other', key: keyA.key }]);
    const [encoded] = await codec.encode([plain()]);
    const altered = Buffer.from(encoded!.data!);
    altered[20] = altered[20]! ^ 1;
    await expect(codec.decode([{ ...encoded!, data: altered }])).rejects.toThrow(/authenticate/);
    // Same key bytes under another id: the key id is authenticated data, so the move is detected.
    const relabelled = {
      ...encoded!,
      metadata: { ...encoded!.metadata, [KEY_ID_METADATA_KEY]: Buffer.from('other') },
    };
    await expect(codec.decode([relabelled])).rejects.toThrow(/authenticate/);
  });
});

describe('TEMPORAL_CODEC_KEYS', () => {
  const b64 = (n: number) => randomBytes(n).toString('base64');

  it('reads id:base64 pairs, the first being the current key', () => {
    const keys = parseCodecKeys(`new:${b64(32)}, old:${b64(32)}`);
    expect(keys.map((k) => [k.id, k.key.length])).toEqual([
      ['new', 32],
      ['old', 32],
    ]);
  });

  it.each([
    ['', /no key/],
    [`:${b64(32)}`, /entry 1: expected id:base64/],
    [`short:${b64(16)}`, /key short: must be 32 bytes/],
    [`a:${b64(32)},a:${b64(32)}`, /key a: listed twice/],
  ])('refuses %j', (value, message) => {
    expect(() => parseCodecKeys(value)).toThrow(message);
  });

  it('is required and checked by the configuration of every process that talks to Temporal', () => {
    const env = { TEMPORAL_ADDRESS: '127.0.0.1:7233', AUTH_JWT_SECRET: 'x'.repeat(32) };
    expect(() => loadConfig('cli', env)).toThrow(/TEMPORAL_CODEC_KEYS \(missing\)/);
    expect(() => loadConfig('cli', { ...env, TEMPORAL_CODEC_KEYS: `k:${b64(8)}` })).toThrow(
      /TEMPORAL_CODEC_KEYS \(invalid\): key k: must be 32 bytes/,
    );
    expect(loadConfig('cli', { ...env, TEMPORAL_CODEC_KEYS: `k:${b64(32)}` }).TEMPORAL_CODEC_KEYS).toMatch(
      /^k:/,
    );
  });
});
