import { randomBytes } from 'node:crypto';
import { testStack } from '@sanxiang/testing';
import { createEvidenceStore, createS3Client } from '../services/recording/src/data-access/evidence-store';
import {
  ensureServiceUser,
  RECORDING_POLICY_NAME,
  recordingEvidencePolicy,
} from '../scripts/stack/minio-service-user';

/**
 * The recording service's MinIO user (issue 16), created through the real MinIO admin API as
 * `scripts/stack/ensure-bucket.ts` does: recording's own evidence store works with it (readiness,
 * multipart upload, retention, reads, version listing), while bucket, policy, lifecycle and Object
 * Lock changes, other buckets and removing a retained original are refused.
 */
describe('least-privilege MinIO user for recording', () => {
  const stack = testStack();
  const user = { accessKey: `recording-test-${process.pid}`, secretKey: randomBytes(18).toString('hex') };
  const settings = {
    S3_ENDPOINT: stack.s3.endpoint,
    S3_REGION: stack.s3.region,
    S3_ACCESS_KEY: user.accessKey,
    S3_SECRET_KEY: user.secretKey,
    S3_EVIDENCE_BUCKET: stack.s3.bucket,
  };

  beforeAll(async () => {
    const admin = {
      endpoint: stack.s3.endpoint,
      region: stack.s3.region,
      accessKey: stack.s3.accessKey,
      secretKey: stack.s3.secretKey,
    };
    const created = {
      ...user,
      policyName: RECORDING_POLICY_NAME,
      policy: recordingEvidencePolicy(stack.s3.bucket),
    };
    await ensureServiceUser(admin, created);
    await ensureServiceUser(admin, created); // idempotent
  }, 60_000);

  it('writes, protects and reads evidence with recording’s own store', async () => {
    const client = createS3Client(settings);
    const store = createEvidenceStore(client, stack.s3.bucket);
    await store.checkReady();
    const key = `least-privilege/${randomBytes(6).toString('hex')}.bin`;
    const body = randomBytes(1024);
    const uploadId = await store.beginMultipart(key, 'application/octet-stream');
    const etag = await store.uploadPart(key, uploadId, 1, body);
    const versionId = await store.completeMultipart(key, uploadId, [{ part: 1, etag }]);
    await store.applyRetention(key, versionId, {
      mode: 'COMPLIANCE',
      retainUntil: new Date(Date.now() + 60_000),
    });
    expect((await store.getRetention(key, versionId))?.mode).toBe('COMPLIANCE');
    expect((await store.statVersion(key, versionId))?.size).toBe(1024);
    const chunks: Buffer[] = [];
    for await (const c of await store.readVersion(key, versionId)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(body)).toBe(true);
    const listed: string[] = [];
    for await (const v of store.listVersions('least-privilege/')) listed.push(v.key);
    expect(listed).toContain(key);

    // A retained original cannot be removed, by this user or anyone.
    await expect(store.removeVersion(key, versionId)).rejects.toThrow();
  });

  it('may not change the bucket, its policy, lifecycle or Object Lock, nor use another bucket', async () => {
    const client = createS3Client(settings);
    const bucket = stack.s3.bucket;
    const denied = async (what: string, op: () => Promise<unknown>) => {
      const err = await op().then(
        () => undefined,
        (e: { code?: string }) => e,
      );
      expect({ what, code: err?.code }).toEqual({ what, code: 'AccessDenied' });
    };
    await denied('bucket policy', () =>
      client.setBucketPolicy(bucket, JSON.stringify(recordingEvidencePolicy(bucket))),
    );
    await denied('lifecycle', () =>
      client.setBucketLifecycle(bucket, {
        Rule: [{ ID: 'expire', Status: 'Enabled', Expiration: { Days: 1 }, Filter: { Prefix: '' } }],
      }),
    );
    await denied(
      'object lock',
      () =>
        // minio's typings list a `void` overload first; the promise form is the one we call.
        client.setObjectLockConfig(bucket, {
          mode: 'GOVERNANCE',
          unit: 'Days',
          validity: 1,
        }) as unknown as Promise<unknown>,
    );
    await denied('versioning', () => client.setBucketVersioning(bucket, { Status: 'Suspended' }));
    await denied('new bucket', () => client.makeBucket(`other-${process.pid}`, stack.s3.region));
    await denied('bucket removal', () => client.removeBucket(bucket));
    // Listing buckets shows only the one it may use.
    expect((await client.listBuckets()).map((b) => b.name)).toEqual([bucket]);
  });
});
