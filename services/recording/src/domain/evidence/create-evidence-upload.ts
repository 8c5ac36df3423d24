import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  AppError,
  ZEvidenceMediaKind,
  evidenceMediaKindLabel,
  fieldError,
  refuseByRule,
} from '@sanxiang/shared';
import { ZInstant } from '@sanxiang/shared/src/contracts';
import { appendAuditEvent } from '../../data-access/audit-trail';
import { createUpload } from '../../data-access/evidence-repository';
import { findActivityOfCase } from '../../data-access/record-repository';
import { inIdempotentTransaction } from '../../data-access/transaction';
import { actorOf, auditContext, type TCallContext } from '../call-context';
import { lockCaseFile, requireCaseOfficer, requireOpen } from '../access/case-access';
import { uploadView } from '../case-file/case-file-views';
import { refuseDuplicateEvidence } from './duplicate-evidence';
import { bareContentType, isAllowedContentType } from './evidence-media-types';
import type { TRecordingDeps } from '../recording-deps';

/** S3 limits: 10,000 parts, 5 TiB per object. */
const maxParts = 10_000;
export const maxEvidenceSize = 5 * 1024 ** 4;
const MiB = 1024 * 1024;

/** 中断说明 (记录规定 §13): why an A/V recording was broken off, and when it resumed. */
export const ZRecordingInterruption = z.object({
  interruptedAt: ZInstant,
  resumedAt: ZInstant.optional(),
  cause: z.enum(['deviceFault', 'batteryLow', 'storageFull', 'badWeather', 'other']), // 设备故障/电量不足/存储空间不足/天气恶劣
  explanation: z.string().trim().min(1).max(2000),
  /** When recording could not continue: the head it was reported to (立即向负责人报告). */
  reportedTo: z.string().trim().min(1).max(64).optional(),
});

/** Declares an evidence file before its content is sent: what it is, how big, its SHA-256. */
export const ZCreateEvidenceUpload = z
  .object({
    activityId: z.uuid(),
    mediaKind: ZEvidenceMediaKind,
    contentType: z.string().trim().min(3).max(200).transform(bareContentType),
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .regex(/^[^/\\\0]+$/u, '不能含有斜杠或空字符'),
    size: z.number().int().min(1).max(maxEvidenceSize),
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, '应为 64 位十六进制数字')
      .transform((s) => s.toLowerCase()),
    description: z.string().trim().max(2000).optional(),
    recordedFrom: ZInstant.optional(),
    recordedUntil: ZInstant.optional(),
    interruptions: z.array(ZRecordingInterruption).max(100).default([]),
    /**
     * Why this file is a distinct original although a file with the same SHA-256 is already
     * evidence of the case (otherwise the upload is refused with 409).
     */
    distinctOriginalReason: z.string().trim().min(1).max(2000).optional(),
    /**
     * For audio and video (记录规定 §16): the uploading officer declares that no copy is kept outside
     * the agency's store (the recorder's file is erased once stored). Required for A/V; audited.
     */
    noPersonalCopyKept: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (!isAllowedContentType(v.mediaKind, v.contentType)) {
      ctx.addIssue({
        code: 'custom',
        path: ['contentType'],
        message: `不是${evidenceMediaKindLabel[v.mediaKind]}可接受的文件类型`,
      });
    }
    if (v.interruptions.length > 0 && (v.mediaKind === 'photo' || v.mediaKind === 'document')) {
      ctx.addIssue({
        code: 'custom',
        path: ['interruptions'],
        message: '只有录音、录像才有中断记录',
      });
    }
  });
export type TCreateEvidenceUpload = z.infer<typeof ZCreateEvidenceUpload>;

/** Parts of at least `minPartSize`, grown in whole MiB so that any size fits in 10,000 parts. */
export const partSizeFor = (size: number, minPartSize: number) =>
  Math.max(minPartSize, Math.ceil(size / maxParts / MiB) * MiB);

export async function createEvidenceUpload(
  deps: TRecordingDeps,
  ctx: TCallContext,
  caseNumber: string,
  input: TCreateEvidenceUpload,
) {
  const audioVisual = input.mediaKind === 'audio' || input.mediaKind === 'video';
  if (audioVisual && input.noPersonalCopyKept !== true)
    throw refuseByRule(
      'noPrivateCopies',
      '音视频记录应存至本单位指定的存储器，执法人员不得自行保存：上传录音、录像须声明本人未保存副本，执法记录仪中的文件存入后清除',
      { status: 422, field: 'body.noPersonalCopyKept' },
    );
  return inIdempotentTransaction(deps.db, ctx.idempotency, async (tx) => {
    const file = await lockCaseFile(tx, caseNumber, ctx.principal);
    requireCaseOfficer(ctx.principal, file, '上传证据');
    requireOpen(file);
    const activity = await findActivityOfCase(tx, file.id, input.activityId);
    if (!activity) {
      throw new AppError('validation', '该执法活动不属于本案', {
        fields: [fieldError('body.activityId', '本案没有此执法活动')],
      });
    }
    await refuseDuplicateEvidence(tx, file.id, input.sha256, input.distinctOriginalReason);
    const id = randomUUID();
    const upload = await createUpload(tx, {
      id,
      caseId: file.id,
      activityId: activity.id,
      mediaKind: input.mediaKind,
      contentType: input.contentType,
      fileName: input.fileName,
      size: BigInt(input.size),
      sha256: input.sha256,
      description: input.description ?? null,
      recordedFrom: input.recordedFrom ? new Date(input.recordedFrom) : null,
      recordedUntil: input.recordedUntil ? new Date(input.recordedUntil) : null,
      interruptions: input.interruptions,
      distinctOriginalReason: input.distinctOriginalReason ?? null,
      // Keys carry no user text: ASCII, unique per upload, grouped by case for reconciliation.
      objectKey: `cases/${file.id}/evidence/${id}`,
      partSize: partSizeFor(input.size, deps.evidence.minPartSize),
      createdById: ctx.principal.id,
      createdByName: ctx.principal.name,
      expiresAt: new Date(Date.now() + deps.evidence.uploadTtlHours * 3600_000),
    });
    await appendAuditEvent(tx, {
      actor: actorOf(ctx),
      action: 'evidenceUpload.created',
      subject: `upload:${id}`,
      caseId: file.id,
      details: {
        activityId: activity.id,
        fileName: input.fileName,
        size: input.size,
        sha256: input.sha256,
        ...(input.distinctOriginalReason ? { distinctOriginalReason: input.distinctOriginalReason } : {}),
        ...(audioVisual ? { noPersonalCopyKept: true } : {}),
      },
      context: auditContext(ctx),
    });
    return { status: 201, body: uploadView(upload) };
  });
}
