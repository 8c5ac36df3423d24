import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { parseCodecKeys, type TCodecKey } from './codec-keys';

/**
 * Every Temporal payload (workflow and activity arguments and results, signals, updates, queries,
 * memos, heartbeats, failure details) encrypted with AES-256-GCM before it leaves the process, so
 * Temporal's database and its Web UI hold ciphertext only (issue #16, docs/decisions.md).
 *
 * An encrypted payload: metadata `encoding: binary/encrypted` and `encryption-key-id: <id>`, data
 * `iv (12 bytes) ‖ ciphertext ‖ tag (16 bytes)` of the original payload serialised as protobuf. The
 * key id is the additional authenticated data, so a payload cannot be moved to another key's id.
 *
 * Keys come from TEMPORAL_CODEC_KEYS (`id:base64,id:base64…`, 32 bytes each): the first encrypts,
 * every listed key decrypts. Rotation: put the new key first and keep the old ones for as long as
 * histories written with them are kept. A payload without the encrypted encoding (histories written
 * before the codec, e.g. the saved replay histories) passes through unchanged.
 */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA_KEY = 'encryption-key-id';

const IV_BYTES = 12;
const TAG_BYTES = 16;

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | null | undefined) => (b ? Buffer.from(b).toString('utf8') : undefined);

/** The key id an encrypted payload names, or undefined for a plain one. */
export function payloadKeyId(payload: Payload): string | undefined {
  if (text(payload.metadata?.encoding) !== ENCRYPTED_ENCODING) return undefined;
  return text(payload.metadata?.[KEY_ID_METADATA_KEY]) ?? '';
}

export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly current: TCodecKey;
  private readonly byId: Map<string, Buffer>;

  constructor(keys: readonly TCodecKey[]) {
    const [current] = keys;
    if (!current) throw new Error('AesGcmPayloadCodec needs at least one key');
    this.current = current;
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  /** The id new payloads are encrypted with. */
  get currentKeyId(): string {
    return this.current.id;
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    await Promise.resolve();
    return payloads.map((p) => this.encrypt(p));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    await Promise.resolve();
    return payloads.map((p) => this.decrypt(p));
  }

  private encrypt(payload: Payload): Payload {
    // Already ours (a payload handed back unchanged, e.g. re-encoding a decoded-then-encoded one).
    if (payloadKeyId(payload) !== undefined) return payload;
    const { id, key } = this.current;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(id, 'utf8'));
    const plain = temporal.api.common.v1.Payload.encode(payload).finish();
    const data = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return {
      metadata: { encoding: utf8(ENCRYPTED_ENCODING), [KEY_ID_METADATA_KEY]: utf8(id) },
      data: new Uint8Array(data),
    };
  }

  private decrypt(payload: Payload): Payload {
    const id = payloadKeyId(payload);
    if (id === undefined) return payload; // written before the codec: plain, passes through
    const key = this.byId.get(id);
    if (!key)
      throw new Error(
        `payload encrypted with key "${id}", which TEMPORAL_CODEC_KEYS does not list (keep retired keys listed)`,
      );
    const data = Buffer.from(payload.data ?? new Uint8Array());
    if (data.length < IV_BYTES + TAG_BYTES) throw new Error(`encrypted payload too short (key "${id}")`);
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(id, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([
        decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new Error(
        `encrypted payload (key "${id}") does not authenticate: altered, or not written with this key`,
      );
    }
    const decoded = temporal.api.common.v1.Payload.decode(plain);
    return { metadata: decoded.metadata, data: decoded.data };
  }
}

export interface TCodecSettings {
  TEMPORAL_CODEC_KEYS: string;
}

/** The codec from configuration. */
export const payloadCodecFrom = (settings: TCodecSettings): AesGcmPayloadCodec =>
  new AesGcmPayloadCodec(parseCodecKeys(settings.TEMPORAL_CODEC_KEYS));

/**
 * Path of the failure converter module (failure-converter.ts: messages and stack traces encoded, so
 * the codec encrypts them). Every `bundleWorkflowCode` passes it as `failureConverterPath`, so that
 * failures raised inside workflows are encoded too; `temporalDataConverter` carries it for workers
 * (activity failures) and clients.
 */
export const temporalFailureConverterPath: string = require.resolve('./failure-converter');

/**
 * The data converter every Temporal client and worker of the system uses (`dataConverter` of
 * `new Client`, `Worker.create`, `Worker.runReplayHistories`).
 */
export const temporalDataConverter = (settings: TCodecSettings) => ({
  payloadCodecs: [payloadCodecFrom(settings)],
  failureConverterPath: temporalFailureConverterPath,
});
