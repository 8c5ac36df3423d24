import { z } from 'zod';
import type { Disclosure, DisclosureVersion, ReviewStep } from '../../generated/prisma/client';

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
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
  decisionDate: isoDate(d.decisionDate),
  randomInspection: d.randomInspection,
  dueAt: iso(d.dueAt),
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

/** Documented shape of the staff view (OpenAPI); the handlers return `toDisclosureView`. */
export const ZDisclosureView = z.looseObject({
  id: z.uuid(),
  kind: z.string(),
  status: z.enum(['draft', 'approved', 'published', 'withdrawn', 'expired', 'exempt']),
  reviewStage: z.enum(['editing', 'awaitingCheck', 'awaitingApproval']).nullable(),
  workingVersion: z.number().int(),
  publishedVersion: z.number().int().nullable(),
  title: z.string(),
});
