// Creates the evidence bucket with Object Lock (and so versioning) if it is missing, and checks that
// an existing one has Object Lock: without it MinIO would let originals be overwritten or deleted.
import { Client } from 'minio';
import { ensureServiceUser, RECORDING_POLICY_NAME, recordingEvidencePolicy } from './minio-service-user';

async function main() {
  const endpoint = new URL(required('S3_ENDPOINT'));
  const bucket = required('S3_EVIDENCE_BUCKET');
  const client = new Client({
    endPoint: endpoint.hostname,
    port: Number(endpoint.port || (endpoint.protocol === 'https:' ? 443 : 80)),
    useSSL: endpoint.protocol === 'https:',
    accessKey: required('S3_ACCESS_KEY'),
    secretKey: required('S3_SECRET_KEY'),
    region: process.env.S3_REGION ?? 'us-east-1',
  });
  if (!(await client.bucketExists(bucket))) {
    await client.makeBucket(bucket, process.env.S3_REGION ?? 'us-east-1', { ObjectLocking: true });
    console.log(`    created bucket '${bucket}' with Object Lock`);
  }
  // minio's typings list a `void` overload first; the promise form is the one we call.
  const lock = await (client.getObjectLockConfig(bucket) as unknown as Promise<unknown>).catch(
    () => undefined,
  );
  if (!lock || (lock as { objectLockEnabled?: string }).objectLockEnabled !== 'Enabled') {
    throw new Error(`bucket '${bucket}' exists without Object Lock; evidence cannot be protected there`);
  }
  console.log(`    bucket '${bucket}' has Object Lock enabled`);

  // The recording service's own user: evidence in and out, nothing else (docs/recording.md).
  const recordingKey = process.env.S3_RECORDING_ACCESS_KEY;
  const recordingSecret = process.env.S3_RECORDING_SECRET_KEY;
  if (recordingKey && recordingSecret) {
    await ensureServiceUser(
      {
        endpoint: endpoint.origin,
        region: process.env.S3_REGION ?? 'us-east-1',
        accessKey: required('S3_ACCESS_KEY'),
        secretKey: required('S3_SECRET_KEY'),
      },
      {
        accessKey: recordingKey,
        secretKey: recordingSecret,
        policyName: RECORDING_POLICY_NAME,
        policy: recordingEvidencePolicy(bucket),
      },
    );
    console.log(`    user '${recordingKey}' may only write and read evidence in '${bucket}'`);
  }
}

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

main().catch((err: Error) => {
  console.error(`✗ ${err.message}`);
  process.exit(1);
});
