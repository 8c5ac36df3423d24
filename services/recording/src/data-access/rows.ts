/** The rows data-access reads, as domain code sees them (the generated client stays in data-access). */
export type {
  AccessRequest,
  CaseFile,
  CaseOfficer,
  CaseRecord,
  EnforcementActivity,
  Escalation,
  Evidence,
  EvidenceLock,
  EvidenceUpload,
  EvidenceUploadPart,
  StageTransition,
} from '../generated/prisma/client';
