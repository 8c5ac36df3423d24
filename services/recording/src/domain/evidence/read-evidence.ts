import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { z } from 'zod';
import { AppError } from '@sanxiang/shared';
import { recordAuditEvent } from '../../data-access/audit-trail';
import { getCaseFileById } from '../../data-access/case-file-repository';
import { findEvidence, listEvidenceOfCase } from '../../data-access/evidence-repository';
import type { Evidence } from '../../data-access/rows';
import { actorOf, auditContext, readAttemptOf, type TCallContext } from '../call-context';
import { readBasisOf, refuseRead, requireReadAccess, type TReadBasis } from '../access/case-access';
import { evidenceView } from '../case-file/case-file-views';
import { hashVersion } from './complete-evidence-upload';
import type { TRecordingDeps } from '../recording-deps';

/**
 * Reading evidence: only with a read basis (case officer, head, reviewer, approved access request),
 * and every view and download is logged in the audit trail with who, when, what and from where.
 * A download first checks the stored version against the registered size and SHA-256 and refuses
 * if they differ; the bytes sent are hashed again on the way and the transfer is cut if they differ.
 */

export const ZEvidenceParams = z.object({ evidenceId: z.uuid() });

/** Evidence out of reach answers like evidence that does not exist (404), and is audited. */
async function authorise(deps: TRecordingDeps, ctx: TCallContext, evidenceId: string, what: string) {
  const attempt = readAttemptOf(ctx, what, evidenceId);
  const notFound = new AppError('notFound', '证据不存在');
  const evidence = await findEvidence(deps.db, evidenceId);
  if (!evidence) throw await refuseRead(deps.db, attempt, { notFound });
  const file = await getCaseFileById(deps.db, evidence.caseId);
  const basis = await readBasisOf(deps.db, ctx.principal, file, evidenceId);
  if (!basis)
    throw await refuseRead(deps.db, attempt, { caseNumber: file.caseNumber, caseId: file.id, notFound });
  return { evidence, file, basis };
}

const logAccess = (
  deps: TRecordingDeps,
  ctx: TCallContext,
  action: string,
  e: Evidence,
  basis: TReadBasis,
  extra = {},
) =>
  recordAuditEvent(deps.db, {
    actor: actorOf(ctx),
    action,
    subject: `evidence:${e.id}`,
    caseId: e.caseId,
    details: { basis, userAgent: ctx.userAgent ?? null, fileName: e.fileName, ...extra },
    context: auditContext(ctx),
  });

/** Metadata of one evidence file (a "view": logged). */
export async function viewEvidence(deps: TRecordingDeps, ctx: TCallContext, evidenceId: string) {
  const { evidence, basis } = await authorise(deps, ctx, evidenceId, 'evidence.view');
  await logAccess(deps, ctx, 'evidence.viewed', evidence, basis);
  return evidenceView(evidence);
}

/** The evidence files of a case (a view of each is not implied: only metadata is listed). */
export async function listEvidence(deps: TRecordingDeps, ctx: TCallContext, caseNumber: string) {
  const { file, basis } = await requireReadAccess(deps.db, readAttemptOf(ctx, 'evidence.list'), caseNumber);
  const rows = await listEvidenceOfCase(deps.db, file.id);
  await recordAuditEvent(deps.db, {
    actor: actorOf(ctx),
    action: 'evidence.listed',
    subject: `case:${file.id}`,
    caseId: file.id,
    details: { basis, count: rows.length },
    context: auditContext(ctx),
  });
  return rows.map(evidenceView);
}

export interface TEvidenceDownload {
  evidence: ReturnType<typeof evidenceView>;
  stream: Readable;
}

export async function downloadEvidence(
  deps: TRecordingDeps,
  ctx: TCallContext,
  evidenceId: string,
): Promise<TEvidenceDownload> {
  const { evidence, basis } = await authorise(deps, ctx, evidenceId, 'evidence.download');
  await verifyStoredEvidence(deps, ctx, evidence);
  await logAccess(deps, ctx, 'evidence.downloaded', evidence, basis);
  const stream = (await deps.store.readVersion(evidence.objectKey, evidence.versionId)).pipe(
    verifyingStream(evidence.sha256, Number(evidence.size)),
  );
  return { evidence: evidenceView(evidence), stream };
}

/** Refuses (409, and an audit entry) when the stored version is missing or differs from its row. */
export async function verifyStoredEvidence(
  deps: TRecordingDeps,
  ctx: TCallContext,
  evidence: Evidence,
): Promise<void> {
  const stat = await deps.store.statVersion(evidence.objectKey, evidence.versionId);
  const actual = stat ? await hashVersion(deps, evidence.objectKey, evidence.versionId) : undefined;
  if (actual && actual.sha256 === evidence.sha256 && actual.size === Number(evidence.size)) return;
  await recordAuditEvent(deps.db, {
    actor: actorOf(ctx),
    action: 'evidence.integrityFailed',
    subject: `evidence:${evidence.id}`,
    caseId: evidence.caseId,
    details: {
      expectedSha256: evidence.sha256,
      actualSha256: actual?.sha256 ?? null,
      found: actual !== undefined,
    },
    context: auditContext(ctx),
  });
  throw new AppError(
    'conflict',
    actual
      ? '证据文件与登记的 SHA-256 不一致，可能已被篡改或损坏，已拒绝提供并记录在审计日志中；请联系管理员核查'
      : '证据文件在存储中不存在，已拒绝提供并记录在审计日志中；请联系管理员核查',
    {
      extra: {
        evidenceId: evidence.id,
        expectedSha256: evidence.sha256,
        actualSha256: actual?.sha256 ?? null,
      },
    },
  );
}

/** Passes bytes through and fails at the end if they are not the registered bytes. */
export function verifyingStream(sha256: string, size: number): Transform {
  const hash = createHash('sha256');
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      seen += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      const actual = hash.digest('hex');
      done(
        actual === sha256 && seen === size
          ? null
          : new Error(`evidence bytes do not match: expected ${sha256}, got ${actual}`),
      );
    },
  });
}
