import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import { users, type TRecordingTestEnv } from './recording-test-env';

/** Bytes that look like an MP4 file (ftyp box) followed by random data. */
export function mp4Bytes(size: number): Buffer {
  const buf = randomBytes(size);
  Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]).copy(buf, 0);
  return buf;
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export interface TUploadSpec {
  caseNumber: string;
  activityId: string;
  content: Buffer;
  contentType?: string;
  mediaKind?: string;
  fileName?: string;
  declaredSha256?: string;
  extra?: Record<string, unknown>;
}

export async function createUpload(env: TRecordingTestEnv, spec: TUploadSpec) {
  return request(env.app)
    .post(`/cases/${encodeURIComponent(spec.caseNumber)}/evidence-uploads`)
    .set('authorization', await env.auth(users.officerA))
    .send({
      activityId: spec.activityId,
      mediaKind: spec.mediaKind ?? 'video',
      contentType: spec.contentType ?? 'video/mp4',
      fileName: spec.fileName ?? '执法记录仪-001.mp4',
      size: spec.content.length,
      sha256: spec.declaredSha256 ?? sha256(spec.content),
      // 记录规定 §16: the officer keeps no copy of A/V (required for audio and video).
      ...(['video', 'audio'].includes(spec.mediaKind ?? 'video') ? { noPersonalCopyKept: true } : {}),
      ...spec.extra,
    });
}

/** Declares and sends a file in one go; returns the content response. */
export async function uploadEvidence(env: TRecordingTestEnv, spec: TUploadSpec) {
  const created = await createUpload(env, spec);
  if (created.status !== 201)
    throw new Error(`create upload: ${created.status} ${JSON.stringify(created.body)}`);
  const sent = await request(env.app)
    .put(`/evidence-uploads/${created.body.uploadId}/content`)
    .set('authorization', await env.auth(users.officerA))
    .set('content-type', spec.contentType ?? 'video/mp4')
    .send(spec.content);
  return { uploadId: created.body.uploadId as string, res: sent };
}

/** All versions (and delete markers) the store holds under a prefix. */
export async function versionsUnder(env: TRecordingTestEnv, prefix: string) {
  const out = [];
  for await (const v of env.store.listVersions(prefix)) out.push(v);
  return out;
}

/** Collects a binary response body in supertest. */
export const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
  stream.on('error', (err: Error) => cb(err, Buffer.alloc(0)));
};
