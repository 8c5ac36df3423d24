import { z } from 'zod';
import { ZCaseStage } from '../domain/case-stages';
import { ZDecisionKind, ZWithdrawalReason } from '../domain/decision-kinds';
import { ZCaseNumber, ZCaseOfficer, ZIsoDate } from '../domain/identifiers';
import { ZMajorCriterion, ZReviewOutcome, ZReviewPoint } from '../domain/legal-review';
import {
  ZCaseParty,
  ZClockKind,
  ZDisclosurePlan,
  ZEscalationNotified,
  ZInstant,
  ZPublicationContent,
  ZSubmissionMaterial,
} from './lifecycle';

/**
 * The internal HTTP endpoints the workflow worker's activities call on the three services
 * (docs/service-contracts.md). Every call carries `Authorization: Bearer <JWT, role system>` and
 * `Idempotency-Key: ${workflowId}:${step}`: activities run at least once, so a service answers a
 * repeated key with the first answer (2xx) and does not act twice.
 */

export const idempotencyKeyHeader = 'Idempotency-Key';

/**
 * The header value for a key. Keys contain workflow ids, and those contain Chinese case numbers
 * (`case-lifecycle:常人社监察〔2026〕12号:…`); HTTP header values must be ASCII, so they are
 * percent-encoded. Retries encode the same key the same way, so deduplication is unaffected.
 */
export const idempotencyKeyHeaderValue = (key: string): string => encodeURIComponent(key);

export const internalPaths = {
  // recording (执法全过程记录)
  caseEscalations: (caseNumber: string) => `/internal/cases/${encodeURIComponent(caseNumber)}/escalations`,
  caseStageTransitions: (caseNumber: string) =>
    `/internal/cases/${encodeURIComponent(caseNumber)}/stage-transitions`,
  caseSummary: (caseNumber: string) => `/internal/cases/${encodeURIComponent(caseNumber)}/summary`,
  // legal review (法制审核)
  reviews: () => '/internal/reviews',
  reviewAssignment: (reviewId: string) => `/internal/reviews/${encodeURIComponent(reviewId)}/assignment`,
  /** 决定备案 (审核办法 §16): the route officers use too, role system for the worker. */
  decisionFilings: () => '/decision-filings',
  // disclosure (公示)
  disclosures: () => '/internal/disclosures',
  disclosurePublish: (id: string) => `/internal/disclosures/${encodeURIComponent(id)}/publish`,
  disclosureExpire: (id: string) => `/internal/disclosures/${encodeURIComponent(id)}/expire`,
  disclosureRevocation: (id: string) => `/internal/disclosures/${encodeURIComponent(id)}/revocation`,
} as const;

const ZId = z.string().trim().min(1).max(128);
const ZRound = z.number().int().min(1);
const ZCycle = z.number().int().min(1);

/** legal-review → worker (GET internalPaths.reviewAssignment): who the review is assigned to now. */
export const ZReviewAssignment = z.object({
  reviewId: z.string(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
});
export type TReviewAssignment = z.infer<typeof ZReviewAssignment>;

// ---- recording --------------------------------------------------------------------------------

/** POST /internal/cases/{caseNumber}/escalations — a reminder (level 0) or escalation, kept durably. */
export const ZEscalationRequest = z.object({
  workflowId: ZId,
  clockId: ZId,
  clock: ZClockKind,
  level: z.number().int().min(0).max(2),
  notified: ZEscalationNotified,
  reason: z.string().min(1).max(2000), // staff-facing, Chinese
  dueAt: ZInstant,
  at: ZInstant, // the scheduled instant of this step (not the worker's wall clock)
  round: ZRound.optional(),
  cycle: ZCycle.optional(),
  activityId: ZId.optional(),
});
export type TEscalationRequest = z.infer<typeof ZEscalationRequest>;
export const ZEscalationResponse = z.object({ escalationId: ZId });

/**
 * recording → another service (GET internalPaths.caseSummary): who is on a case, so that a service
 * can tell whether a caller speaks for the case (e.g. files its decision). 404 if there is no case.
 */
export const ZCaseSummary = z.object({
  caseNumber: z.string(),
  /** 案件名称 as entered at case opening (the published decision names it, 004 §9(1)). */
  title: z.string().optional(),
  handlingUnit: z.string(),
  /** The handling unit's directory id (null for a case opened before cases carried one). */
  unitId: z.string().nullable().optional(),
  status: z.string(),
  officers: z.array(z.object({ userId: z.string(), name: z.string() })),
  /** The party as entered at case opening (the disclosure draft takes the credit code from here). */
  party: z
    .object({
      kind: z.string(),
      name: z.string(),
      idNumber: z.string().nullable(),
      legalRepresentative: z.string().nullable(),
    })
    .optional(),
});
export type TCaseSummary = z.infer<typeof ZCaseSummary>;
export type TEscalationResponse = z.infer<typeof ZEscalationResponse>;

/** POST /internal/cases/{caseNumber}/stage-transitions — the case file's view of the stage. */
export const ZStageTransitionRequest = z.object({
  workflowId: ZId,
  from: ZCaseStage,
  to: ZCaseStage,
  at: ZInstant,
  cycle: ZCycle,
  round: ZRound.optional(),
  note: z.string().max(2000).optional(),
});
export type TStageTransitionRequest = z.infer<typeof ZStageTransitionRequest>;
export const ZStageTransitionResponse = z.object({ ok: z.literal(true) });

// ---- legal review -----------------------------------------------------------------------------

/** POST /internal/reviews — intake of one review round; idempotent by (caseNumber, round). */
export const ZReviewIntakeRequest = z.object({
  caseNumber: ZCaseNumber,
  workflowId: ZId,
  round: ZRound,
  cycle: ZCycle,
  submittedBy: ZId,
  submittedAt: ZInstant,
  officers: z.array(ZCaseOfficer),
  decisionKind: ZDecisionKind,
  summary: z.string(),
  majorCriteria: z.array(ZMajorCriterion).min(1),
  hearingOrAssessmentHeld: z.boolean(),
  materials: z.array(ZSubmissionMaterial),
});
export type TReviewIntakeRequest = z.infer<typeof ZReviewIntakeRequest>;
/** `receivedAt` = receipt of complete materials: the 10-working-day clock starts there. */
export const ZReviewIntakeResponse = z.object({ reviewId: ZId, receivedAt: ZInstant });
export type TReviewIntakeResponse = z.infer<typeof ZReviewIntakeResponse>;

/**
 * POST /decision-filings (legal-review, role system) — 决定备案 (审核办法 §16): the lifecycle files
 * every decision with the office when it is made. Idempotent by caseNumber + documentNumber (a
 * repeat with the same content answers the filing; a different content under the same key 409).
 */
export const ZDecisionFilingRequest = z.object({
  caseNumber: ZCaseNumber,
  documentNumber: z.string().trim().min(1).max(100),
  decisionKind: ZDecisionKind,
  decisionDate: ZIsoDate,
  handlingUnit: z.string().trim().min(1).max(100),
  title: z.string().trim().min(1).max(200),
});
export type TDecisionFilingRequest = z.infer<typeof ZDecisionFilingRequest>;
export const ZDecisionFilingResponse = z.object({ id: ZId, filedAt: ZInstant });
export type TDecisionFilingResponse = z.infer<typeof ZDecisionFilingResponse>;

// ---- disclosure -------------------------------------------------------------------------------

/** POST /internal/disclosures — draft (or exemption record); idempotent by (caseNumber, cycle). */
export const ZDisclosureDraftRequest = z.object({
  caseNumber: ZCaseNumber,
  workflowId: ZId,
  cycle: ZCycle,
  party: ZCaseParty,
  decisionDate: ZIsoDate,
  documentNumber: z.string().min(1),
  decisionKind: ZDecisionKind,
  randomInspection: z.boolean(),
  publication: ZPublicationContent,
  disclosure: ZDisclosurePlan,
  /** The legal deadline for publication (absent for an exemption). */
  dueAt: ZInstant.optional(),
  /** The case's officers: none of them may check or approve its disclosure (审核办法 §3). */
  handlerIds: z.array(ZId).max(40).optional(),
  /** 案件名称 (004 §9(1)), asked of recording by the draft activity. */
  caseName: z.string().trim().min(1).max(300).optional(),
  /**
   * The case's handling unit (directory unit id, from recording's case summary): its disclosure
   * staff and heads work on the disclosure (docs/authorization.md). Absent for a case without one.
   */
  unitId: z.string().min(1).max(64).optional(),
});
export type TDisclosureDraftRequest = z.infer<typeof ZDisclosureDraftRequest>;
export const ZDisclosureDraftResponse = z.object({
  disclosureId: ZId,
  /**
   * 'nonPublicationPending' when disclosure.mode is 'exempt' (#13 item 2): the plan became a
   * non-publication request awaiting the check and the head's approval like any other; 'exempt' was
   * answered before that (recorded at once) and is kept for the records of then.
   */
  status: z.enum(['draft', 'exempt', 'nonPublicationPending']),
  nonPublicationRequestId: ZId.optional(),
});
export type TDisclosureDraftResponse = z.infer<typeof ZDisclosureDraftResponse>;

/** POST /internal/disclosures/{id}/publish — only after approval; repeated calls answer the same. */
export const ZDisclosurePublishRequest = z.object({ workflowId: ZId, cycle: ZCycle });
export type TDisclosurePublishRequest = z.infer<typeof ZDisclosurePublishRequest>;
export const ZDisclosurePublishResponse = z.object({ publishedAt: ZInstant });
export type TDisclosurePublishResponse = z.infer<typeof ZDisclosurePublishResponse>;

/** POST /internal/disclosures/{id}/expire — take down at the end of the publication period. */
export const ZDisclosureExpireRequest = z.object({ workflowId: ZId, cycle: ZCycle, expiresAt: ZInstant });
export type TDisclosureExpireRequest = z.infer<typeof ZDisclosureExpireRequest>;
export const ZDisclosureExpireResponse = z.object({ expiredAt: ZInstant });
export type TDisclosureExpireResponse = z.infer<typeof ZDisclosureExpireResponse>;

/**
 * POST /internal/disclosures/{id}/revocation — the decision was revoked (or confirmed illegal, or
 * ordered redone) before it was published: the pending record ends unpublished with this
 * explanation, an open non-publication request is closed (#13 item 6). Repeats answer the same.
 */
export const ZDisclosureRevocationRequest = z.object({
  workflowId: ZId,
  cycle: ZCycle,
  reason: ZWithdrawalReason,
  document: z.object({
    documentNumber: z.string().trim().min(1).max(100),
    date: ZIsoDate,
    authority: z.string().trim().min(1).max(200),
  }),
  explanation: z.string().trim().min(1).max(5000),
  recordedBy: ZId,
});
export type TDisclosureRevocationRequest = z.infer<typeof ZDisclosureRevocationRequest>;
export const ZDisclosureRevocationResponse = z.object({ stoppedAt: ZInstant });
export type TDisclosureRevocationResponse = z.infer<typeof ZDisclosureRevocationResponse>;

// ---------------------------------------------------------------------------------------------
// legal-review → recording (not called by the workflow)

/**
 * POST /internal/cases/{caseNumber}/records (recording, role system, Idempotency-Key): the
 * legal-review office files its written opinion (法制审核意见书) into the case file. The office keeps
 * the other copy in its own archive (审核办法 §15). Idempotent by key and by `opinionId`.
 */
export const ZLegalReviewOpinionRecord = z.object({
  reviewId: z.string().trim().min(1).max(128),
  opinionId: z.string().trim().min(1).max(128),
  round: z.number().int().min(1),
  outcome: ZReviewOutcome,
  reasons: z.string().trim().min(1).max(20000),
  reviewPoints: z
    .array(z.object({ point: ZReviewPoint, finding: z.string().trim().min(1).max(4000) }))
    .max(20)
    .optional(),
  reviewerId: z.string().trim().min(1).max(128),
  reviewerName: z.string().trim().min(1).max(64),
  issuedAt: ZInstant,
  documentNumber: z.string().trim().max(100).optional(),
});
export type TLegalReviewOpinionRecord = z.infer<typeof ZLegalReviewOpinionRecord>;
export const ZCaseRecordFilingRequest = z.object({
  kind: z.literal('legalReviewOpinion'),
  content: ZLegalReviewOpinionRecord,
});
export type TCaseRecordFilingRequest = z.infer<typeof ZCaseRecordFilingRequest>;
export const ZCaseRecordFilingResponse = z.object({ recordId: z.string().min(1) });
export type TCaseRecordFilingResponse = z.infer<typeof ZCaseRecordFilingResponse>;
export const caseRecordsPath = (caseNumber: string) =>
  `/internal/cases/${encodeURIComponent(caseNumber)}/records`;
