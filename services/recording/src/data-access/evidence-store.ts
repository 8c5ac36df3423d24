import type { Readable } from 'node:stream';
import { Client } from 'minio';
import { AppError } from '@sanxiang/shared';

/**
 * The evidence object store behind the S3 API (MinIO locally; any S3 store with Object Lock).
 * Objects are written without retention, checked, registered, then locked by version: COMPLIANCE
 * retention on that version makes the store itself refuse to delete or overwrite it (S3 versions are
 * immutable; a PUT to the same key only adds a new version, a DELETE only a delete marker).
 */

export interface TS3Settings {
  S3_ENDPOINT: string;
  S3_REGION: string;
  S3_ACCESS_KEY: string;
  S3_SECRET_KEY: string;
  S3_EVIDENCE_BUCKET: string;
}

export interface TStoredVersion {
  key: string;
  versionId: string;
  size: number;
  lastModified: Date;
  isDeleteMarker: boolean;
  isLatest: boolean;
}

export interface TRetention {
  mode: 'COMPLIANCE' | 'GOVERNANCE';
  retainUntil: Date;
}

export interface TEvidenceStore {
  readonly bucket: string;
  /** Readiness: the bucket exists and has Object Lock enabled. */
  checkReady(): Promise<void>;
  beginMultipart(key: string, contentType: string): Promise<string>;
  uploadPart(key: string, uploadId: string, partNumber: number, data: Buffer): Promise<string>;
  completeMultipart(key: string, uploadId: string, etags: { part: number; etag: string }[]): Promise<string>;
  abortMultipart(key: string, uploadId: string): Promise<void>;
  /** Permanently removes one version (refused by the store once it is under retention). */
  removeVersion(key: string, versionId: string): Promise<void>;
  applyRetention(key: string, versionId: string, retention: TRetention): Promise<void>;
  getRetention(key: string, versionId: string): Promise<TRetention | undefined>;
  /** Size of a version; undefined when the version does not exist. */
  statVersion(key: string, versionId: string): Promise<{ size: number } | undefined>;
  readVersion(key: string, versionId: string): Promise<Readable>;
  listVersions(prefix: string): AsyncIterable<TStoredVersion>;
  listIncompleteUploads(prefix: string): Promise<{ key: string; uploadId: string; initiated: Date }[]>;
}

/** Network failures to reach the store: answered 503, never half-registered. */
const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
]);

export function isStoreUnavailable(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string }; message?: string };
  if (e?.code && unreachableCodes.has(e.code)) return true;
  if (e?.cause?.code && unreachableCodes.has(e.cause.code)) return true;
  return /socket hang up|Request failed after \d+ retries/i.test(e?.message ?? '');
}

export const storeUnavailable = (cause: unknown) =>
  new AppError('unavailable', '证据存储服务（对象存储）暂不可用，本次操作未保存任何内容，请稍后重试', {
    cause,
  });

/** Runs a store call, turning "cannot reach the store" into a 503 AppError. */
async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isStoreUnavailable(err)) throw storeUnavailable(err);
    throw err;
  }
}

export function createS3Client(settings: TS3Settings): Client {
  const url = new URL(settings.S3_ENDPOINT);
  return new Client({
    endPoint: url.hostname,
    port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    useSSL: url.protocol === 'https:',
    accessKey: settings.S3_ACCESS_KEY,
    secretKey: settings.S3_SECRET_KEY,
    region: settings.S3_REGION,
    // We retry at the level of whole operations (the client re-sends the upload or reconciliation
    // repairs), never half of one; and an outage must be reported quickly, not after backoff.
    retryOptions: { disableRetry: true },
  });
}

export function createEvidenceStore(client: Client, bucket: string): TEvidenceStore {
  return {
    bucket,
    async checkReady() {
      if (!(await call(() => client.bucketExists(bucket))))
        throw new Error(`bucket '${bucket}' does not exist`);
      const lock = (
        await call(
          () => client.getObjectLockConfig(bucket) as unknown as Promise<{ objectLockEnabled?: string }>,
        )
      ).objectLockEnabled;
      if (lock !== 'Enabled')
        throw new Error(`bucket '${bucket}' has no Object Lock: evidence could be altered`);
    },
    beginMultipart: (key, contentType) =>
      call(() => client.initiateNewMultipartUpload(bucket, key, { 'Content-Type': contentType })),
    async uploadPart(key, uploadId, partNumber, data) {
      const res = await call(() =>
        client.uploadPart(
          {
            bucketName: bucket,
            objectName: key,
            uploadID: uploadId,
            partNumber,
            headers: { 'Content-Length': data.length },
          },
          data,
        ),
      );
      return res.etag;
    },
    async completeMultipart(key, uploadId, etags) {
      const res = await call(() => client.completeMultipartUpload(bucket, key, uploadId, etags));
      if (!res.versionId)
        throw new Error(`bucket '${bucket}' returned no version id: is versioning enabled?`);
      return res.versionId;
    },
    abortMultipart: (key, uploadId) => call(() => client.abortMultipartUpload(bucket, key, uploadId)),
    removeVersion: (key, versionId) => call(() => client.removeObject(bucket, key, { versionId })),
    applyRetention: (key, versionId, retention) =>
      call(() =>
        client.putObjectRetention(bucket, key, {
          versionId,
          mode: retention.mode,
          retainUntilDate: retention.retainUntil.toISOString(),
        }),
      ),
    async getRetention(key, versionId) {
      try {
        const r = await call(() => client.getObjectRetention(bucket, key, { versionId }));
        if (!r?.mode || !r.retainUntilDate) return undefined;
        return { mode: r.mode, retainUntil: new Date(r.retainUntilDate) };
      } catch (err) {
        if ((err as { code?: string }).code === 'NoSuchObjectLockConfiguration') return undefined;
        throw err;
      }
    },
    async statVersion(key, versionId) {
      try {
        const s = await call(() => client.statObject(bucket, key, { versionId }));
        return { size: s.size };
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'NotFound' || code === 'NoSuchKey' || code === 'NoSuchVersion') return undefined;
        throw err;
      }
    },
    readVersion: (key, versionId) => call(() => client.getObject(bucket, key, { versionId })),
    async *listVersions(prefix) {
      const stream = client.listObjects(bucket, prefix, true, { IncludeVersion: true });
      for await (const item of stream as AsyncIterable<{
        name?: string;
        versionId?: string | null;
        size?: number;
        lastModified?: Date;
        isDeleteMarker?: boolean;
        isLatest?: boolean;
      }>) {
        if (!item.name) continue;
        yield {
          key: item.name,
          versionId: item.versionId ?? 'null',
          size: item.size ?? 0,
          lastModified: item.lastModified ?? new Date(0),
          isDeleteMarker: item.isDeleteMarker === true,
          isLatest: item.isLatest === true,
        };
      }
    },
    async listIncompleteUploads(prefix) {
      const out: { key: string; uploadId: string; initiated: Date }[] = [];
      const stream = client.listIncompleteUploads(bucket, prefix, true);
      for await (const u of stream as AsyncIterable<{ key: string; uploadId: string; initiated: Date }>) {
        out.push({ key: u.key, uploadId: u.uploadId, initiated: u.initiated });
      }
      return out;
    },
  };
}
