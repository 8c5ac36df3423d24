import { z } from 'zod';
import type { TCaseFileView, TEvidenceView, TRecordView } from './case-file-views';
import type { viewCaseFile } from './view-case-file';

/**
 * The documented JSON of the case-file reads (for /openapi.json and the clients generated from it).
 * The views in case-file-views.ts produce these shapes; the assignments at the end make tsc check
 * that they still do.
 */
const ZInstant = z.string().nullable();
const ZPerson = z.object({ id: z.string(), name: z.string() });

export const ZCaseFileSummary = z.object({
  id: z.string(),
  caseNumber: z.string(),
  title: z.string(),
  handlingUnit: z.string(),
  party: z.object({
    kind: z.string(),
    name: z.string(),
    idNumber: z.string().nullable(),
    legalRepresentative: z.string().nullable(),
    isMinor: z.boolean(),
  }),
  officers: z.array(z.object({ userId: z.string(), name: z.string(), certificateNumber: z.string() })),
  status: z.string(),
  stage: z.string(),
  cycle: z.number(),
  openedBy: ZPerson,
  openedAt: ZInstant,
  closedAt: ZInstant,
  closeReason: z.string().nullable(),
  archivedAt: ZInstant,
  lifecycle: z.object({ workflowId: z.string(), startedAt: ZInstant }),
});

export const ZRecordView = z.object({
  id: z.string(),
  seq: z.number(),
  kind: z.string(),
  content: z.unknown(),
  activityId: z.string().nullable(),
  correctsRecordId: z.string().nullable(),
  filedBy: ZPerson,
  filedAt: ZInstant,
});

export const ZEvidenceView = z.object({
  id: z.string(),
  activityId: z.string(),
  mediaKind: z.string(),
  contentType: z.string(),
  fileName: z.string(),
  size: z.number(),
  sha256: z.string(),
  description: z.string().nullable(),
  recordedFrom: ZInstant,
  recordedUntil: ZInstant,
  interruptions: z.unknown(),
  uploadedBy: ZPerson,
  uploadedAt: ZInstant,
  retention: z.object({ mode: z.string(), retainUntil: ZInstant, locked: z.boolean() }),
});

export const ZCaseFileDetail = ZCaseFileSummary.extend({
  records: z.array(ZRecordView),
  activities: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      title: z.string(),
      place: z.string().nullable(),
      audioVisualRequired: z.boolean(),
      startedAt: ZInstant,
      endedAt: ZInstant,
      createdById: z.string(),
      /** 出示执法证件 in this activity: each officer with the certificate number shown. */
      certificatesShown: z.array(
        z.object({
          name: z.string(),
          certificateNumber: z.string(),
          shownAt: z.string(),
          recordId: z.string(),
        }),
      ),
    }),
  ),
  evidence: z.array(ZEvidenceView),
  escalations: z.array(
    z.object({
      id: z.string(),
      clockId: z.string(),
      clock: z.string(),
      level: z.number(),
      notified: z.unknown(),
      reason: z.string(),
      dueAt: ZInstant,
      at: ZInstant,
      round: z.number().nullable(),
      cycle: z.number().nullable(),
      activityId: z.string().nullable(),
    }),
  ),
  stageTransitions: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      at: ZInstant,
      cycle: z.number(),
      round: z.number().nullable(),
      note: z.string().nullable(),
    }),
  ),
});

// Compile-time checks: each view is assignable to its documented schema.
export const viewsMatchSchemas = (v: {
  summary: TCaseFileView;
  record: TRecordView;
  evidence: TEvidenceView;
  detail: Awaited<ReturnType<typeof viewCaseFile>>;
}): [
  z.infer<typeof ZCaseFileSummary>,
  z.infer<typeof ZRecordView>,
  z.infer<typeof ZEvidenceView>,
  z.infer<typeof ZCaseFileDetail>,
] => [v.summary, v.record, v.evidence, v.detail];
