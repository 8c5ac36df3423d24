import { fromDateColumn } from '@sanxiang/shared/src/calendar';
import { z } from 'zod';
import type { Disclosure, DisclosureVersion, ReviewStep } from '../../data-access/rows';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What staff see of a disclosure (all states; internal). */
export const toDisclosureView = (d: Disclosure) => ({
  id: d.id,
  kind: d.kind,
  status: d.status,
  reviewStage: d.reviewStage,
  workingVersion: d.workingVersion,
  approvedVersion: d.approvedVersion,
  publishedVersion: d.publishedVersion,
  title: d.title,
  caseNumber: d.caseNumber,
  cycle: d.cycle,
  workflowId: d.workflowId,
  partyKind: d.partyKind,
  decisionKind: d.decisionKind,
  documentNumber: d.documentNumber,
  decisionDate: d.decisionDate ? fromDateColumn(d.decisionDate) : null,
  randomInspection: d.randomInspection,
  dueAt: iso(d.dueAt),
  unitId: d.unitId,
  catalogueSection: d.catalogueSection,
  period: d.period,
  exemption: d.exemptionReason
    ? {
        reason: d.exemptionReason,
        explanation: d.exemptionExplanation,
        recordedBy: d.exemptedBy,
        at: iso(d.exemptedAt),
      }
    : null,
  approvedBy: d.approvedBy,
  approvedAt: iso(d.approvedAt),
  publishedAt: iso(d.publishedAt),
  expiresAt: iso(d.expiresAt),
  expiredAt: iso(d.expiredAt),
  withdrawal: d.withdrawnAt
    ? {
        reason: d.withdrawalReason,
        explanation: d.withdrawalExplanation,
        withdrawnBy: d.withdrawnBy,
        at: iso(d.withdrawnAt),
      }
    : null,
  blacklist: d.blacklistedAt ? { at: iso(d.blacklistedAt), basis: d.blacklistBasis } : null,
  createdAt: iso(d.createdAt),
  updatedAt: iso(d.updatedAt),
});
export type TDisclosureView = ReturnType<typeof toDisclosureView>;

export const toVersionView = (v: DisclosureVersion) => ({
  version: v.version,
  purpose: v.purpose,
  note: v.note,
  source: v.source,
  redactionRules: v.redactionRules,
  publicContent: v.publicContent,
  redactionReport: v.redactionReport,
  correctionRequestId: v.correctionRequestId,
  createdBy: v.createdBy,
  createdByName: v.createdByName,
  createdAt: v.createdAt.toISOString(),
});

export const toReviewStepView = (s: ReviewStep) => ({
  version: s.version,
  action: s.action,
  actorId: s.actorId,
  actorName: s.actorName,
  note: s.note,
  at: s.at.toISOString(),
});

// ---- documented shapes (OpenAPI; the console's types are generated from them) -------------------

const ZIsoTime = z.string().nullable();
const ZStatus = z.enum(['draft', 'approved', 'published', 'withdrawn', 'expired', 'exempt']);
const ZReviewStage = z.enum(['editing', 'awaitingCheck', 'awaitingApproval']).nullable();

/** The staff view of a record (`toDisclosureView`). */
export const ZDisclosureView = z.looseObject({
  id: z.uuid(),
  kind: z.enum([
    'decision',
    'catalogueEntry',
    'randomInspectionResults',
    'creditBlacklist',
    'annualStatistics',
  ]),
  status: ZStatus,
  reviewStage: ZReviewStage,
  workingVersion: z.number().int(),
  approvedVersion: z.number().int().nullable(),
  publishedVersion: z.number().int().nullable(),
  title: z.string(),
  caseNumber: z.string().nullable(),
  cycle: z.number().int().nullable(),
  workflowId: z.string().nullable(),
  partyKind: z.string().nullable(),
  decisionKind: z.string().nullable(),
  documentNumber: z.string().nullable(),
  decisionDate: z.string().nullable().describe('YYYY-MM-DD'),
  randomInspection: z.boolean(),
  dueAt: ZIsoTime,
  unitId: z.string().nullable().describe('承办机构（人员目录的机构编号）；无则按角色'),
  catalogueSection: z.string().nullable(),
  period: z.string().nullable(),
  exemption: z
    .object({
      reason: z.string(),
      explanation: z.string().nullable(),
      recordedBy: z.string().nullable(),
      at: ZIsoTime,
    })
    .nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: ZIsoTime,
  publishedAt: ZIsoTime,
  expiresAt: ZIsoTime,
  expiredAt: ZIsoTime,
  withdrawal: z
    .object({
      reason: z.string().nullable(),
      explanation: z.string().nullable(),
      withdrawnBy: z.string().nullable(),
      at: ZIsoTime,
    })
    .nullable(),
  blacklist: z.object({ at: ZIsoTime, basis: z.string().nullable() }).nullable(),
  createdAt: ZIsoTime,
  updatedAt: ZIsoTime,
});

export const ZDisclosureListPage = z.object({
  items: z.array(ZDisclosureView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** One entry of the redaction report: how many times a rule changed a field. */
export const ZRedactionReportItem = z.object({
  field: z.string(),
  rule: z.string(),
  count: z.number().int(),
});

export const ZVersionView = z.object({
  version: z.number().int(),
  purpose: z.string(),
  note: z.string().nullable(),
  source: z.record(z.string(), z.unknown()).describe('原文（决定：ZDecisionSource 各字段）'),
  redactionRules: z.array(z.record(z.string(), z.unknown())).describe('脱敏规则（ZRedactionRule）'),
  publicContent: z.record(z.string(), z.unknown()).describe('由原文和规则生成的公开版本'),
  redactionReport: z.array(ZRedactionReportItem),
  correctionRequestId: z.string().nullable(),
  createdBy: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
});

export const ZReviewStepView = z.object({
  version: z.number().int(),
  action: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  note: z.string().nullable(),
  at: z.string(),
});

export const ZOutcomeRequestView = z.object({
  id: z.uuid(),
  kind: z.enum(['withdrawal', 'nonPublication']),
  stage: z.enum(['awaitingCheck', 'awaitingApproval', 'approved', 'returned']),
  reason: z.string(),
  explanation: z.string(),
  revokingDocument: z
    .object({ documentNumber: z.string(), date: z.string().nullable(), authority: z.string().nullable() })
    .nullable(),
  /** A catalogue entry's withdrawal: the entry that replaces it. */
  replacedById: z.uuid().nullable(),
  requestedBy: z.string(),
  requestedByName: z.string(),
  requestedAt: ZIsoTime,
  checkedBy: z.string().nullable(),
  checkedByName: z.string().nullable(),
  checkedAt: ZIsoTime,
  checkNote: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: ZIsoTime,
  decisionNote: z.string().nullable(),
});

/** `GET /disclosures/{id}`: the record, every version, its review and its outcome requests. */
export const ZDisclosureDetail = ZDisclosureView.extend({
  versions: z.array(ZVersionView),
  reviewSteps: z.array(ZReviewStepView),
  outcomeRequests: z.array(ZOutcomeRequestView),
});

/** `POST /disclosures/{id}/redaction-preview`: what the public would read (nothing saved). */
export const ZRedactionPreview = z.object({
  basedOnVersion: z.number().int(),
  source: z.record(z.string(), z.unknown()),
  redactionRules: z.array(z.record(z.string(), z.unknown())),
  publicContent: z.record(z.string(), z.unknown()),
  report: z.array(ZRedactionReportItem),
});

/** `POST /disclosures/{id}/versions`. */
export const ZRevisionResult = z.object({
  disclosure: ZDisclosureView,
  version: z.number().int(),
  publicContent: z.record(z.string(), z.unknown()),
  redactionReport: z.array(ZRedactionReportItem),
});

/** Withdrawal / non-publication requests and their steps. */
export const ZOutcomeResult = z.object({ disclosure: ZDisclosureView, request: ZOutcomeRequestView });
