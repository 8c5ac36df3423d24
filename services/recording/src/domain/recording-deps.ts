import type { Logger, TDatabase } from '@sanxiang/shared';
import type { WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import type { TDirectoryClient } from '../data-access/directory-client';
import type { TEvidenceStore } from '../data-access/evidence-store';
import type { TLifecycleGateway } from '../data-access/lifecycle-gateway';
import type { TLifecycleOutbox } from '../data-access/lifecycle-outbox';
import type { TEnforcementPolicy } from './policy/enforcement-policy';

export interface TEvidenceSettings {
  /** COMPLIANCE in production: nobody, not even the store's root user, can shorten or remove it. */
  retentionMode: 'COMPLIANCE' | 'GOVERNANCE';
  /** How long originals stay locked (config EVIDENCE_RETENTION_DAYS; fractions allowed for tests). */
  retentionDays: number;
  /** Smallest part of a multipart upload (S3 minimum 5 MiB); grows for very large files. */
  minPartSize: number;
  /** Parts sent to the store at once while streaming an upload (memory = (n + 1) × part size). */
  uploadConcurrency: number;
  /** An upload session left unfinished this long is aborted by the reconciliation command. */
  uploadTtlHours: number;
}

export const defaultEvidenceSettings: TEvidenceSettings = {
  retentionMode: 'COMPLIANCE',
  retentionDays: 30 * 365, // case files of major cases are kept long-term (永久/长期 archives)
  minPartSize: 8 * 1024 * 1024,
  uploadConcurrency: 2,
  uploadTtlHours: 72,
};

/** What the use cases need; built once in app.ts. */
export interface TRecordingDeps {
  db: TDatabase;
  store: TEvidenceStore;
  gateway: TLifecycleGateway;
  outbox: TLifecycleOutbox;
  /** Certificate checks (001 二(一)3(2)): the directory service. */
  directory: TDirectoryClient;
  logger: Logger;
  evidence: TEvidenceSettings;
  /** 音像记录事项清单 and 重大执法决定事项目录 (ENFORCEMENT_POLICY_FILE, else the demo lists). */
  policy: TEnforcementPolicy;
  /** The working-day calendar (shipped and imported years, CALENDAR_DATA_DIR): the statistics' upload clock. */
  calendar: () => Promise<WorkingDayCalendar>;
}
