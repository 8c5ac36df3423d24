import { readableClock, type TWorkingDayCounter } from '@sanxiang/shared/src/clocks';
import { z } from 'zod';
import {
  ZCaseOfficer,
  ZMajorCriterion,
  ZReviewOutcome,
  ZReviewPoint,
  ZSubmissionMaterialKind,
} from '@sanxiang/shared/src/domain';
import type {
  Disagreement,
  ExpertConsultation,
  Finding,
  MaterialRequest,
  Opinion,
  Recusal,
  Review,
  ReviewMaterial,
} from '../../data-access/rows';
import { fromDateColumn } from '@sanxiang/shared/src/calendar';

/** What API callers see. Instants are ISO strings; dates `YYYY-MM-DD` (Asia/Shanghai). */

export const ZReviewStatus = z.enum(['pending', 'inReview', 'awaitingMaterials', 'issued']);
export type TReviewStatus = z.infer<typeof ZReviewStatus>;

/** running: counting; paused: waiting for requested materials; stopped: opinion issued. */
export const ZClockState = z.enum(['running', 'paused', 'stopped']);
export const clockState = (status: TReviewStatus) =>
  status === 'awaitingMaterials' ? 'paused' : status === 'issued' ? 'stopped' : 'running';

const ZPerson = z.object({ id: z.string(), name: z.string() });

export const ZQueueItem = z.object({
  id: z.string(),
  caseNumber: z.string(),
  round: z.number().int(),
  cycle: z.number().int(),
  status: ZReviewStatus,
  clock: ZClockState,
  assignee: ZPerson.nullable(),
  receivedAt: z.string(),
  clockStartAt: z.string(),
  dueDate: z.string(),
  dueAt: z.string(),
  remindAt: z.string(),
  dueProvisional: z.boolean(),
  /** The clock runs and the due instant has passed. */
  overdue: z.boolean(),
  // What a person reads (packages/shared/src/clocks/readable-clock.ts):
  /** The due date in Beijing time, e.g. `2026年10月16日`. */
  dueDateText: z.string(),
  /** Working days left to the end of the due date; negative when overdue. */
  workingDaysLeft: z.number().int(),
  /** 提醒 (from the reminder instant) / 已超期 (running and overdue); null otherwise. */
  levelText: z.string().nullable(),
  /** 暂按法定节假日推算（当年调休安排未公布） when provisional, else null. */
  provisionalText: z.string().nullable(),
  materialsDueAt: z.string().nullable(),
  decisionKind: z.string(),
  majorCriteria: z.array(z.string()),
  summary: z.string(),
  outcome: ZReviewOutcome.nullable(),
  issuedAt: z.string().nullable(),
});
export type TQueueItem = z.infer<typeof ZQueueItem>;

export const ZPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** The columns a queue row needs (the listing selects exactly these). */
export interface TQueueRow {
  id: string;
  caseNumber: string;
  round: number;
  cycle: number;
  status: TReviewStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  receivedAt: Date;
  clockStartAt: Date;
  dueDate: string;
  dueAt: Date;
  remindAt: Date;
  dueProvisional: boolean;
  materialsDueAt: Date | null;
  decisionKind: string;
  majorCriteria: string[];
  summary: string;
  outcome: z.infer<typeof ZReviewOutcome> | null;
  issuedAt: Date | null;
}

export const toQueueItem = (row: TQueueRow, now: Date, count: TWorkingDayCounter): TQueueItem => {
  const clock = clockState(row.status);
  const overdue = clock === 'running' && row.dueAt < now;
  const level = clock !== 'running' ? -1 : overdue ? 1 : row.remindAt <= now ? 0 : -1;
  const readable = readableClock(
    { dueDate: row.dueDate, dueAt: row.dueAt.toISOString(), level, provisional: row.dueProvisional },
    now,
    count,
  );
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    round: row.round,
    cycle: row.cycle,
    status: row.status,
    clock,
    assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? '' } : null,
    receivedAt: row.receivedAt.toISOString(),
    clockStartAt: row.clockStartAt.toISOString(),
    dueDate: row.dueDate,
    dueAt: row.dueAt.toISOString(),
    remindAt: row.remindAt.toISOString(),
    dueProvisional: row.dueProvisional,
    overdue,
    ...readable,
    materialsDueAt: row.materialsDueAt?.toISOString() ?? null,
    decisionKind: row.decisionKind,
    majorCriteria: row.majorCriteria,
    summary: row.summary,
    outcome: row.outcome,
    issuedAt: row.issuedAt?.toISOString() ?? null,
  };
};

export const reviewToQueueRow = (r: Review): TQueueRow => ({ ...r, dueDate: fromDateColumn(r.dueDate) });

export const ZMaterial = z.object({
  id: z.string(),
  kind: ZSubmissionMaterialKind,
  documentId: z.string().nullable(),
  title: z.string(),
  addedAt: z.string(),
  addedBy: z.string(),
  materialRequestId: z.string().nullable(),
});
export const toMaterial = (m: ReviewMaterial) => ({
  id: m.id,
  kind: m.kind,
  documentId: m.documentId,
  title: m.title,
  addedAt: m.addedAt.toISOString(),
  addedBy: m.addedBy,
  materialRequestId: m.materialRequestId,
});

export const ZMaterialRequest = z.object({
  id: z.string(),
  seq: z.number().int(),
  missing: z.array(ZSubmissionMaterialKind),
  note: z.string().nullable(),
  requestedAt: z.string(),
  requestedBy: ZPerson,
  dueDate: z.string(),
  dueAt: z.string(),
  receivedAt: z.string().nullable(),
  receivedBy: ZPerson.nullable(),
  /** Received after the date set (null while outstanding). */
  late: z.boolean().nullable(),
  escalatedAt: z.string().nullable(),
});
export type TMaterialRequestView = z.infer<typeof ZMaterialRequest>;
export const toMaterialRequest = (r: MaterialRequest): TMaterialRequestView => ({
  id: r.id,
  seq: r.seq,
  missing: r.missing,
  note: r.note,
  requestedAt: r.requestedAt.toISOString(),
  requestedBy: { id: r.requestedBy, name: r.requestedByName },
  dueDate: fromDateColumn(r.dueDate),
  dueAt: r.dueAt.toISOString(),
  receivedAt: r.receivedAt?.toISOString() ?? null,
  receivedBy: r.receivedBy ? { id: r.receivedBy, name: r.receivedByName ?? '' } : null,
  late: r.late,
  escalatedAt: r.escalatedAt?.toISOString() ?? null,
});

export const ZFindingConclusion = z.enum(['noIssue', 'issueFound', 'notApplicable']);
export const ZFinding = z.object({
  point: ZReviewPoint,
  conclusion: ZFindingConclusion,
  findings: z.string(),
  updatedBy: ZPerson.optional(),
  updatedAt: z.string().optional(),
});
export type TFindingView = z.infer<typeof ZFinding>;
export const toFinding = (f: Finding): TFindingView => ({
  point: f.point,
  conclusion: f.conclusion,
  findings: f.findings,
  updatedBy: { id: f.updatedBy, name: f.updatedByName },
  updatedAt: f.updatedAt.toISOString(),
});

export const ZRecusal = z.object({
  id: z.string(),
  reviewId: z.string(),
  reviewer: ZPerson,
  reason: z.string(),
  declaredAt: z.string(),
});
export const toRecusal = (r: Recusal) => ({
  id: r.id,
  reviewId: r.reviewId,
  reviewer: { id: r.reviewerId, name: r.reviewerName },
  reason: r.reason,
  declaredAt: r.declaredAt.toISOString(),
});

export const ZConsultation = z.object({
  id: z.string(),
  expertName: z.string(),
  expertTitle: z.string().nullable(),
  organisation: z.string().nullable(),
  consultedAt: z.string(),
  question: z.string().nullable(),
  notes: z.string(),
  recordedBy: ZPerson,
  recordedAt: z.string(),
});
export const toConsultation = (c: ExpertConsultation) => ({
  id: c.id,
  expertName: c.expertName,
  expertTitle: c.expertTitle,
  organisation: c.organisation,
  consultedAt: c.consultedAt.toISOString(),
  question: c.question,
  notes: c.notes,
  recordedBy: { id: c.recordedBy, name: c.recordedByName },
  recordedAt: c.recordedAt.toISOString(),
});

export const ZFiling = z.object({
  /** pending: queued or being retried; filed: the case file has it. */
  status: z.enum(['pending', 'filed']),
  recordId: z.string().nullable(),
  filedAt: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
});
export type TFilingView = z.infer<typeof ZFiling>;

export const ZOpinion = z.object({
  id: z.string(),
  reviewId: z.string(),
  caseNumber: z.string(),
  round: z.number().int(),
  outcome: ZReviewOutcome,
  outcomeLabel: z.string(),
  reasons: z.string(),
  findings: z.array(ZFinding),
  reviewer: ZPerson,
  issuedAt: z.string(),
  documentText: z.string(),
  contentSha256: z.string(),
  /** The copy for the case file (the archive copy is this record). */
  caseFileCopy: ZFiling.nullable(),
});
export type TOpinionView = z.infer<typeof ZOpinion>;

export const ZDisagreement = z.object({
  id: z.string(),
  opinionId: z.string(),
  objection: z.string(),
  raisedBy: ZPerson,
  raisedAt: z.string(),
  outcome: z.enum(['opinionUpheld', 'resubmissionAgreed']).nullable(),
  agreement: z.string().nullable(),
  resolvedBy: ZPerson.nullable(),
  resolvedAt: z.string().nullable(),
});
export type TDisagreementView = z.infer<typeof ZDisagreement>;
export const toDisagreement = (d: Disagreement): TDisagreementView => ({
  id: d.id,
  opinionId: d.opinionId,
  objection: d.objection,
  raisedBy: { id: d.raisedBy, name: d.raisedByName },
  raisedAt: d.raisedAt.toISOString(),
  outcome: d.outcome,
  agreement: d.agreement,
  resolvedBy: d.resolvedBy ? { id: d.resolvedBy, name: d.resolvedByName ?? '' } : null,
  resolvedAt: d.resolvedAt?.toISOString() ?? null,
});

export const ZReviewDetail = ZQueueItem.extend({
  workflowId: z.string(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  officers: z.array(ZCaseOfficer),
  hearingOrAssessmentHeld: z.boolean(),
  majorCriteria: z.array(ZMajorCriterion),
  previousReviewId: z.string().nullable(),
  materials: z.array(ZMaterial),
  /** Required kinds (审核办法 §8) not among the materials: an opinion waits for them. */
  missingMaterials: z.array(ZSubmissionMaterialKind),
  materialRequests: z.array(ZMaterialRequest),
  opinion: ZOpinion.nullable(),
  disagreements: z.array(ZDisagreement),
  /** Office staff only: working findings, recusals and expert consultations. */
  findings: z.array(ZFinding).optional(),
  recusals: z.array(ZRecusal).optional(),
  consultations: z.array(ZConsultation).optional(),
});
export type TReviewDetail = z.infer<typeof ZReviewDetail>;

export type TReviewWithRelations = Review & {
  materials: ReviewMaterial[];
  materialRequests: MaterialRequest[];
  recusals: Recusal[];
  consultations: ExpertConsultation[];
  findings: Finding[];
  opinion: Opinion | null;
  disagreements: Disagreement[];
};

export const reviewInclude = {
  materials: { orderBy: { addedAt: 'asc' } },
  materialRequests: { orderBy: { seq: 'asc' } },
  recusals: { orderBy: { declaredAt: 'asc' } },
  consultations: { orderBy: { consultedAt: 'asc' } },
  findings: true,
  opinion: true,
  disagreements: { orderBy: { raisedAt: 'asc' } },
} as const;
