import { formatDateTimeLong } from '@sanxiang/shared';
import { appendAuditEvent } from '../../data-access/audit-trail';
import {
  findEvidenceOfVersion,
  listEvidenceBatch,
  listExpiredUploads,
  listOpenMultipartUploadIds,
  updateUpload,
} from '../../data-access/evidence-repository';
import { inTransaction } from '../../data-access/transaction';
import { hashVersion } from './complete-evidence-upload';
import { lockEvidence } from './register-evidence';
import type { TRecordingDeps } from '../recording-deps';

/** S3 Object Lock modes as staff read them. */
const retentionModeLabel = (mode: string): string =>
  mode === 'COMPLIANCE' ? '合规保留' : mode === 'GOVERNANCE' ? '治理保留' : `保留模式 ${mode}`;

/**
 * Compares the database with the object store and reports every mismatch:
 * - a row whose version is missing, of another size, or (with `verifyHashes`) of another hash;
 * - a row whose version is not under the registered retention (`notLocked`: the "committed but not
 *   yet locked" window; repaired by applying the retention);
 * - a version under `cases/` that no row names (`orphanVersion`: an upload whose registration failed
 *   and whose removal failed too — removed on repair when unlocked and older than the grace period —
 *   or a foreign write to an evidence key, which is only reported);
 * - a delete marker on an evidence key (someone tried to delete: reads are by version, so nothing was
 *   lost; reported);
 * - upload sessions past their expiry and multipart uploads nobody owns (aborted on repair).
 */

export type TFindingKind =
  | 'missingObject'
  | 'sizeMismatch'
  | 'hashMismatch'
  | 'notLocked'
  | 'orphanVersion'
  | 'deleteMarker'
  | 'expiredUpload'
  | 'strayMultipart';

export interface TFinding {
  kind: TFindingKind;
  key: string;
  versionId?: string;
  evidenceId?: string;
  uploadId?: string;
  detail: string;
  repaired: boolean;
}

export interface TReconcileOptions {
  repair: boolean;
  verifyHashes: boolean;
  /** Versions and multipart uploads younger than this may belong to an upload in progress. */
  graceMinutes: number;
  /** Store prefix to compare (default every case: `cases/`; `cases/<caseId>/` for one case). */
  prefix?: string;
  now?: Date;
}

const reconciler = { id: 'system:reconcile-evidence', name: '证据核对程序' };

export async function reconcileEvidence(deps: TRecordingDeps, options: TReconcileOptions) {
  const now = options.now ?? new Date();
  const prefix = options.prefix ?? 'cases/';
  const graceStart = new Date(now.getTime() - options.graceMinutes * 60_000);
  const findings: TFinding[] = [];
  const note = (f: Omit<TFinding, 'repaired'>, repaired = false) => findings.push({ ...f, repaired });
  const registered = new Set<string>();
  let rows = 0;

  // 1. Every row against its version.
  let afterId: string | undefined;
  for (;;) {
    const batch = await listEvidenceBatch(deps.db, prefix, afterId);
    if (batch.length === 0) break;
    afterId = batch[batch.length - 1]!.id;
    for (const e of batch) {
      rows += 1;
      registered.add(`${e.objectKey}\u0000${e.versionId}`);
      const at = { key: e.objectKey, versionId: e.versionId, evidenceId: e.id };
      const stat = await deps.store.statVersion(e.objectKey, e.versionId);
      if (!stat) {
        note({ kind: 'missingObject', ...at, detail: '登记的对象版本在存储中不存在' });
        continue;
      }
      if (stat.size !== Number(e.size)) {
        note({ kind: 'sizeMismatch', ...at, detail: `大小 ${stat.size}，登记为 ${e.size}` });
        continue;
      }
      const retention = await deps.store.getRetention(e.objectKey, e.versionId);
      const weak =
        !retention ||
        retention.mode !== e.retentionMode ||
        retention.retainUntil.getTime() < e.retainUntil.getTime();
      if (weak || !e.lock) {
        const detail = weak
          ? `对象未按登记锁定（${retention ? `${retentionModeLabel(retention.mode)}至 ${formatDateTimeLong(retention.retainUntil)}` : '无保留期'}）`
          : '已锁定但未记录';
        let repaired = false;
        if (
          options.repair &&
          (weak ? !retention || retention.retainUntil.getTime() < e.retainUntil.getTime() : true)
        ) {
          repaired = await lockEvidence(deps, e.id, { principal: { ...reconciler, roles: ['system'] } });
        }
        note({ kind: 'notLocked', ...at, detail }, repaired);
      }
      if (options.verifyHashes) {
        const actual = await hashVersion(deps, e.objectKey, e.versionId);
        if (actual.sha256 !== e.sha256)
          note({ kind: 'hashMismatch', ...at, detail: `SHA-256 ${actual.sha256}，登记为 ${e.sha256}` });
      }
    }
  }

  // 2. Every version in the store against the rows.
  for await (const v of deps.store.listVersions(prefix)) {
    if (v.isDeleteMarker) {
      note({
        kind: 'deleteMarker',
        key: v.key,
        versionId: v.versionId,
        detail: '有人尝试删除该证据（删除标记）；原版本仍在，按版本读取不受影响',
      });
      continue;
    }
    if (registered.has(`${v.key}\u0000${v.versionId}`)) continue;
    // A row may have been committed after the listing of rows began.
    if (await findEvidenceOfVersion(deps.db, v.key, v.versionId)) continue;
    if (v.lastModified > graceStart) continue; // possibly an upload between completion and registration
    const retention = await deps.store.getRetention(v.key, v.versionId);
    let repaired = false;
    if (options.repair && !retention) {
      await deps.store.removeVersion(v.key, v.versionId);
      repaired = true;
    }
    note(
      {
        kind: 'orphanVersion',
        key: v.key,
        versionId: v.versionId,
        detail: retention
          ? `无登记但已锁定至 ${formatDateTimeLong(retention.retainUntil)}（非本服务写入）`
          : '无登记、未锁定（上传登记失败后残留）',
      },
      repaired,
    );
  }

  // 3. Upload sessions and multipart uploads.
  const expired = await listExpiredUploads(deps.db, prefix, now);
  for (const u of expired) {
    let repaired = false;
    if (options.repair) {
      if (u.s3UploadId) await deps.store.abortMultipart(u.objectKey, u.s3UploadId).catch(() => undefined);
      await inTransaction(deps.db, async (tx) => {
        await updateUpload(tx, u.id, { status: 'expired' });
        await appendAuditEvent(tx, {
          actor: reconciler,
          action: 'evidenceUpload.expired',
          subject: `upload:${u.id}`,
          caseId: u.caseId,
        });
      });
      repaired = true;
    }
    note(
      {
        kind: 'expiredUpload',
        key: u.objectKey,
        uploadId: u.id,
        detail: `上传任务已于 ${formatDateTimeLong(u.expiresAt)} 过期`,
      },
      repaired,
    );
  }
  const openSessions = new Set((await listOpenMultipartUploadIds(deps.db)).map((u) => u.s3UploadId));
  for (const m of await deps.store.listIncompleteUploads(prefix)) {
    if (openSessions.has(m.uploadId) || m.initiated > graceStart) continue;
    let repaired = false;
    if (options.repair) {
      await deps.store.abortMultipart(m.key, m.uploadId);
      repaired = true;
    }
    note(
      { kind: 'strayMultipart', key: m.key, detail: `未完成的分片上传 ${m.uploadId}，无对应上传任务` },
      repaired,
    );
  }

  return { rows, findings, unresolved: findings.filter((f) => !f.repaired).length };
}
