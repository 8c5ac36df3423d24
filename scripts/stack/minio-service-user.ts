// A least-privilege MinIO user for the recording service (issue 16): it may write and read evidence in
// the evidence bucket and nothing else — no bucket, policy, lifecycle or Object Lock changes, no
// other bucket, no bypassing retention. Created with the root credentials through MinIO's admin API
// (what `mc admin user add` / `mc admin policy create|attach` do), idempotently.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { argon2id } from 'hash-wasm';
// minio's own SigV4 signer (the admin API is signed like S3).
import { signV4 } from 'minio/dist/main/signing.js';

export const RECORDING_POLICY_NAME = 'sanxiang-recording-evidence';

/** What recording does with evidence (services/recording/src/data-access/evidence-store.ts). */
export function recordingEvidencePolicy(bucket: string) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: [
          's3:ListBucket', // bucketExists (HEAD bucket), listObjects
          's3:ListBucketVersions', // the reconciliation lists versions
          's3:ListBucketMultipartUploads', // incomplete uploads
          's3:GetBucketObjectLockConfiguration', // readiness: the bucket must have Object Lock
        ],
        Resource: [`arn:aws:s3:::${bucket}`],
      },
      {
        Effect: 'Allow',
        Action: [
          's3:PutObject',
          's3:GetObject',
          's3:GetObjectVersion',
          's3:PutObjectRetention', // COMPLIANCE retention on each original
          's3:GetObjectRetention',
          's3:AbortMultipartUpload',
          's3:ListMultipartUploadParts',
          // Removing a version that never got retention (an orphan of a failed upload; MinIO wants
          // both actions for a versioned DELETE). A retained version cannot be removed by anyone,
          // and BypassGovernanceRetention is not granted.
          's3:DeleteObject',
          's3:DeleteObjectVersion',
        ],
        Resource: [`arn:aws:s3:::${bucket}/*`],
      },
    ],
  };
}

/**
 * madmin's EncryptData, which the admin API wants for secrets: salt (32) ‖ 0x00 (Argon2id +
 * AES-256-GCM) ‖ nonce (8) ‖ one sio-go fragment. Key = Argon2id(root secret, salt, t=1, 64 MiB,
 * p=4); sio-go's associated data = 0x80 (final fragment) ‖ GCM tag of nothing under nonce‖0, and
 * the fragment's nonce = nonce ‖ 1 (little-endian sequence number).
 */
export async function encryptAdminData(password: string, data: Buffer): Promise<Buffer> {
  const salt = randomBytes(32);
  const key = Buffer.from(
    await argon2id({
      password,
      salt,
      parallelism: 4,
      iterations: 1,
      memorySize: 64 * 1024,
      hashLength: 32,
      outputType: 'binary',
    }),
  );
  const nonce = randomBytes(8);
  const header = createCipheriv('aes-256-gcm', key, Buffer.concat([nonce, Buffer.alloc(4)]));
  header.final();
  const seq = Buffer.alloc(4);
  seq.writeUInt32LE(1);
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.concat([nonce, seq]));
  cipher.setAAD(Buffer.concat([Buffer.from([0x80]), header.getAuthTag()]));
  const sealed = Buffer.concat([cipher.update(data), cipher.final(), cipher.getAuthTag()]);
  return Buffer.concat([salt, Buffer.from([0x00]), nonce, sealed]);
}

export interface TMinioAdmin {
  endpoint: string;
  region: string;
  accessKey: string;
  secretKey: string;
}

async function adminCall(admin: TMinioAdmin, method: 'GET' | 'PUT', pathAndQuery: string, body?: Buffer) {
  const url = new URL(pathAndQuery, admin.endpoint);
  const now = new Date();
  const sha = createHash('sha256')
    .update(body ?? Buffer.alloc(0))
    .digest('hex');
  const headers: Record<string, string> = {
    host: url.host,
    'x-amz-date': now.toISOString().replace(/[:-]|\.\d{3}/g, ''),
    'x-amz-content-sha256': sha,
  };
  const authorization = signV4(
    { protocol: url.protocol, method, path: `${url.pathname}${url.search}`, headers },
    admin.accessKey,
    admin.secretKey,
    admin.region,
    now,
    sha,
    's3',
  );
  const res = await fetch(url, {
    method,
    headers: { ...headers, authorization },
    ...(body ? { body } : {}),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (!res.ok)
    throw new Error(`MinIO admin ${method} ${url.pathname} answered ${res.status}: ${text.slice(0, 300)}`);
  return text;
}

/**
 * Creates (or updates) `user` with `secret`, the policy `policyName`, and attaches it to the user
 * alone. Re-running sets the same secret and policy again.
 */
export async function ensureServiceUser(
  admin: TMinioAdmin,
  user: { accessKey: string; secretKey: string; policyName: string; policy: object },
): Promise<void> {
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  await adminCall(
    admin,
    'PUT',
    `/minio/admin/v3/add-canned-policy?${q({ name: user.policyName })}`,
    Buffer.from(JSON.stringify(user.policy)),
  );
  await adminCall(
    admin,
    'PUT',
    `/minio/admin/v3/add-user?${q({ accessKey: user.accessKey })}`,
    await encryptAdminData(
      admin.secretKey,
      Buffer.from(JSON.stringify({ secretKey: user.secretKey, status: 'enabled' })),
    ),
  );
  await adminCall(
    admin,
    'PUT',
    `/minio/admin/v3/set-user-or-group-policy?${q({
      policyName: user.policyName,
      userOrGroup: user.accessKey,
      isGroup: 'false',
    })}`,
  );
}
