import type {
  AccessRequest,
  CaseRecord,
  EnforcementActivity,
  Escalation,
  Evidence,
  EvidenceLock,
  EvidenceUpload,
  EvidenceUploadPart,
  StageTransition,
} from '../../data-access/rows';
import type { TCaseFileWithOfficers } from '../access/case-access';

// JSON shapes of what the API returns: dates as ISO strings, sizes as numbers.

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export const caseFileView = (f: TCaseFileWithOfficers) => ({
  id: f.id,
  caseNumber: f.caseNumber,
  title: f.title,
  handlingUnit: f.handlingUnit,
  enforcementCategory: f.enforcementCategory,
  enforcementArea: f.enforcementArea,
  party: {
    kind: f.partyKind,
    name: f.partyName,
    idNumber: f.partyIdNumber,
    legalRepresentative: f.partyLegalRepresentative,
    isMinor: f.partyIsMinor,
  },
  officers: f.officers.map((o) => ({
    userId: o.userId,
    name: o.name,
    certificateNumber: o.certificateNumber,
  })),
  status: f.status,
  stage: f.stage,
  cycle: f.cycle,
  openedBy: { id: f.openedById, name: f.openedByName },
  openedAt: iso(f.openedAt),
  closedAt: iso(f.closedAt),
  closeReason: f.closeReason,
  archivedAt: iso(f.archivedAt),
  lifecycle: { workflowId: f.lifecycleWorkflowId, startedAt: iso(f.lifecycleStartedAt) },
});
export type TCaseFileView = ReturnType<typeof caseFileView>;

export const recordView = (r: CaseRecord) => ({
  id: r.id,
  seq: r.seq,
  kind: r.kind,
  content: r.content,
  activityId: r.activityId,
  correctsRecordId: r.correctsRecordId,
  filedBy: { id: r.filedById, name: r.filedByName },
  filedAt: iso(r.filedAt),
});
export type TRecordView = ReturnType<typeof recordView>;

/**
 * An activity with the certificates shown in it (出示执法证件, 000 §10, 004 §5, 记录规定 §9(一)):
 * each officer's name and certificate number from the `certificateShown` records filed for it.
 */
export const activityView = (a: EnforcementActivity, records: readonly CaseRecord[] = []) => ({
  id: a.id,
  kind: a.kind,
  title: a.title,
  place: a.place,
  audioVisualRequired: a.audioVisualRequired,
  startedAt: iso(a.startedAt),
  endedAt: iso(a.endedAt),
  createdById: a.createdById,
  certificatesShown: records
    .filter((r) => r.kind === 'certificateShown' && r.activityId === a.id)
    .flatMap((r) => {
      const c = r.content as { shownAt: string; officers: { name: string; certificateNumber: string }[] };
      return c.officers.map((o) => ({
        name: o.name,
        certificateNumber: o.certificateNumber,
        shownAt: c.shownAt,
        recordId: r.id,
      }));
    }),
});

export const evidenceView = (e: Evidence & { lock?: EvidenceLock | null }) => ({
  id: e.id,
  activityId: e.activityId,
  mediaKind: e.mediaKind,
  contentType: e.contentType,
  fileName: e.fileName,
  size: Number(e.size),
  sha256: e.sha256,
  description: e.description,
  recordedFrom: iso(e.recordedFrom),
  recordedUntil: iso(e.recordedUntil),
  interruptions: e.interruptions,
  /** Why this file is a distinct original although another evidence of the case has its SHA-256. */
  distinctOriginalReason: e.distinctOriginalReason,
  uploadedBy: { id: e.uploadedById, name: e.uploadedByName },
  uploadedAt: iso(e.uploadedAt),
  retention: {
    mode: e.retentionMode,
    retainUntil: iso(e.retainUntil),
    /** False until the store has locked the version (see the reconciliation command). */
    locked: e.lock != null,
  },
});
export type TEvidenceView = ReturnType<typeof evidenceView>;

export const uploadView = (u: EvidenceUpload & { parts?: EvidenceUploadPart[] }) => ({
  uploadId: u.id,
  status: u.status,
  activityId: u.activityId,
  mediaKind: u.mediaKind,
  contentType: u.contentType,
  fileName: u.fileName,
  size: Number(u.size),
  sha256: u.sha256,
  partSize: u.partSize,
  partCount: Math.max(1, Math.ceil(Number(u.size) / u.partSize)),
  receivedParts: (u.parts ?? [])
    .map((p) => ({ partNumber: p.partNumber, size: p.size, sha256: p.sha256 }))
    .sort((a, b) => a.partNumber - b.partNumber),
  evidenceId: u.evidenceId,
  expiresAt: iso(u.expiresAt),
});

export const accessRequestView = (r: AccessRequest) => ({
  id: r.id,
  requester: { id: r.requesterId, name: r.requesterName },
  reason: r.reason,
  evidenceIds: r.evidenceIds,
  status: r.status === 'approved' && r.expiresAt && r.expiresAt <= new Date() ? 'expired' : r.status,
  requestedAt: iso(r.requestedAt),
  decidedBy: r.decidedById ? { id: r.decidedById, name: r.decidedByName } : null,
  decidedAt: iso(r.decidedAt),
  decisionNote: r.decisionNote,
  expiresAt: iso(r.expiresAt),
  revokedBy: r.revokedById ? { id: r.revokedById, name: r.revokedByName } : null,
  revokedAt: iso(r.revokedAt),
  revokeReason: r.revokeReason,
});

export const escalationView = (e: Escalation) => ({
  id: e.id,
  clockId: e.clockId,
  clock: e.clock,
  level: e.level,
  notified: e.notified,
  reason: e.reason,
  dueAt: iso(e.dueAt),
  at: iso(e.at),
  round: e.round,
  cycle: e.cycle,
  activityId: e.activityId,
});

export const stageTransitionView = (t: StageTransition) => ({
  from: t.from,
  to: t.to,
  at: iso(t.at),
  cycle: t.cycle,
  round: t.round,
  note: t.note,
});
