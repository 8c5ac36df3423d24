import type { TReader, TTransaction } from '@sanxiang/shared';
import type { Prisma } from '../generated/prisma/client';
import { prismaOf } from './prisma-client';

// Evidence, its locks and its upload sessions. Reads take a `TReader` (the database or a
// transaction); writes the caller's transaction or, where the statement stands alone, the database.

/** The evidence with its lock (null when there is none). */
export const findEvidence = (db: TReader, id: string) =>
  prismaOf(db).evidence.findUnique({ where: { id }, include: { lock: true } });

/** The evidence with its lock (the row must exist). */
export const getEvidence = (db: TReader, id: string) =>
  prismaOf(db).evidence.findUniqueOrThrow({ where: { id }, include: { lock: true } });

/** The evidence of a case with their locks, in upload order. */
export const listEvidenceOfCase = (db: TReader, caseId: string) =>
  prismaOf(db).evidence.findMany({
    where: { caseId },
    orderBy: { uploadedAt: 'asc' },
    include: { lock: true },
  });

/** How many of `ids` are evidence of the case. */
export const countEvidenceOfCase = (db: TReader, caseId: string, ids: string[]) =>
  prismaOf(db).evidence.count({ where: { id: { in: ids }, caseId } });

/** The case's earliest evidence with this SHA-256, if any. */
export const findEvidenceWithHash = (db: TReader, caseId: string, sha256: string) =>
  prismaOf(db).evidence.findFirst({
    where: { caseId, sha256 },
    orderBy: { uploadedAt: 'asc' },
    select: { id: true, fileName: true, uploadedAt: true },
  });

/** Which of `activityIds` have audio or video evidence. */
export const listAudioVisualEvidence = (db: TReader, caseId: string, activityIds: string[]) =>
  prismaOf(db).evidence.findMany({
    where: { caseId, activityId: { in: activityIds }, mediaKind: { in: ['audio', 'video'] } },
    select: { activityId: true },
  });

/** The case's evidence among `ids`. */
export const listEvidenceAmong = (db: TReader, caseId: string, ids: string[]) =>
  prismaOf(db).evidence.findMany({
    where: { caseId, id: { in: ids } },
    select: { id: true, mediaKind: true },
  });

/** Evidence under a store prefix in id order, 500 after `afterId`, with their locks. */
export const listEvidenceBatch = (db: TReader, prefix: string, afterId: string | undefined) =>
  prismaOf(db).evidence.findMany({
    where: { objectKey: { startsWith: prefix }, ...(afterId ? { id: { gt: afterId } } : {}) },
    orderBy: { id: 'asc' },
    take: 500,
    include: { lock: true },
  });

/** The evidence that names this object version, if any. */
export const findEvidenceOfVersion = (db: TReader, objectKey: string, versionId: string) =>
  prismaOf(db).evidence.findUnique({ where: { objectKey_versionId: { objectKey, versionId } } });

export const createEvidence = (tx: TTransaction, data: Prisma.EvidenceUncheckedCreateInput) =>
  prismaOf(tx).evidence.create({ data });

export const findEvidenceLock = (db: TReader, evidenceId: string) =>
  prismaOf(db).evidenceLock.findUnique({ where: { evidenceId } });

export const createEvidenceLock = (tx: TTransaction, data: Prisma.EvidenceLockUncheckedCreateInput) =>
  prismaOf(tx).evidenceLock.create({ data });

// Upload sessions.

/** The upload session with its parts (null when there is none). */
export const findUpload = (db: TReader, id: string) =>
  prismaOf(db).evidenceUpload.findUnique({ where: { id }, include: { parts: true } });

/** The case's open, unexpired upload sessions with their parts, oldest first. */
export const listOpenUploadsOfCase = (db: TReader, caseId: string, now: Date) =>
  prismaOf(db).evidenceUpload.findMany({
    where: { caseId, status: 'open', expiresAt: { gt: now } },
    include: { parts: true },
    orderBy: { createdAt: 'asc' },
  });

/** The upload session with its parts (the row must exist). */
export const getUpload = (db: TReader, id: string) =>
  prismaOf(db).evidenceUpload.findUniqueOrThrow({ where: { id }, include: { parts: true } });

export const createUpload = (tx: TTransaction, data: Prisma.EvidenceUploadUncheckedCreateInput) =>
  prismaOf(tx).evidenceUpload.create({ data });

export const updateUpload = (tx: TTransaction, id: string, data: Prisma.EvidenceUploadUncheckedUpdateInput) =>
  prismaOf(tx).evidenceUpload.update({ where: { id }, data });

/** Sets the upload's status and answers it with its parts. */
export const setUploadStatus = (tx: TTransaction, id: string, status: string) =>
  prismaOf(tx).evidenceUpload.update({ where: { id }, data: { status }, include: { parts: true } });

/** Moves an open session to `completed`; false when it was no longer open. */
export async function claimOpenUpload(tx: TTransaction, id: string): Promise<boolean> {
  const claimed = await prismaOf(tx).evidenceUpload.updateMany({
    where: { id, status: 'open' },
    data: { status: 'completed' },
  });
  return claimed.count === 1;
}

/** Records the store's multipart upload id if the session has none yet; false when another won. */
export async function claimMultipartUploadId(db: TReader, id: string, s3UploadId: string): Promise<boolean> {
  const claimed = await prismaOf(db).evidenceUpload.updateMany({
    where: { id, s3UploadId: null },
    data: { s3UploadId },
  });
  return claimed.count === 1;
}

/** The store's multipart upload id of the session (the row must exist). */
export const getMultipartUploadId = (db: TReader, id: string) =>
  prismaOf(db).evidenceUpload.findUniqueOrThrow({ where: { id }, select: { s3UploadId: true } });

/** Stores one received part (again: its new size, hash, ETag and arrival). */
export const upsertUploadPart = (
  tx: TTransaction,
  part: { uploadId: string; partNumber: number; size: number; sha256: string; etag: string },
) =>
  prismaOf(tx).evidenceUploadPart.upsert({
    where: { uploadId_partNumber: { uploadId: part.uploadId, partNumber: part.partNumber } },
    create: part,
    update: { size: part.size, sha256: part.sha256, etag: part.etag, receivedAt: new Date() },
  });

/** Open sessions under a store prefix whose expiry is before `now`. */
export const listExpiredUploads = (db: TReader, prefix: string, now: Date) =>
  prismaOf(db).evidenceUpload.findMany({
    where: { status: 'open', expiresAt: { lt: now }, objectKey: { startsWith: prefix } },
  });

/** The store's multipart upload ids of every open session that has one. */
export const listOpenMultipartUploadIds = (db: TReader) =>
  prismaOf(db).evidenceUpload.findMany({
    where: { status: 'open', s3UploadId: { not: null } },
    select: { s3UploadId: true },
  });

/** The audio and video files of `activityIds` with their recorded spans and interruptions (§13). */
export const listAudioVisualSpans = (db: TReader, caseId: string, activityIds: string[]) =>
  prismaOf(db).evidence.findMany({
    where: { caseId, activityId: { in: activityIds }, mediaKind: { in: ['audio', 'video'] } },
    select: {
      activityId: true,
      fileName: true,
      recordedFrom: true,
      recordedUntil: true,
      interruptions: true,
    },
  });
