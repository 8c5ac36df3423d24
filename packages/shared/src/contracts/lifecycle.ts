import { z } from 'zod';
import { ZCaseStage } from '../domain/case-stages';
import { ZDecisionKind, ZExemptionReason, ZPartyKind, ZWithdrawalReason } from '../domain/decision-kinds';
import { ZCaseNumber, ZCaseOfficer, ZIsoDate } from '../domain/identifiers';
import { materialKindLabel } from '../domain/labels';
import {
  ZMajorCriterion,
  ZReviewOutcome,
  ZSubmissionMaterialKind,
  type TSubmissionMaterialKind,
} from '../domain/legal-review';
import { ZServiceMethod } from '../domain/records';
import { ZRole } from '../domain/roles';

/**
 * The case-lifecycle workflow's public contract: its type name, input, and every signal, update and
 * query with its payload. No Temporal import, so services can use it with
 * `handle.signal(lifecycleSignals.x, payload)` / `handle.executeUpdate(lifecycleUpdates.x, { args: [payload] })`.
 * See docs/service-contracts.md for who sends what.
 *
 * These schemas are created once at module load: workflow code validates with them too, and a
 * schema built per execution costs memory in the workflow sandbox (sdk-typescript#2227).
 */

export const lifecycleWorkflowType = 'caseLifecycleWorkflow';

/** An instant: ISO 8601 with `Z` or an offset (a bare local time would be read in the server's TZ). */
export const ZInstant = z.iso.datetime({ offset: true });
const ZId = z.string().trim().min(1).max(128);
const ZText = (max: number) => z.string().trim().min(1).max(max);

// ---------------------------------------------------------------------------------------------
// Start input

export const ZCaseParty = z.object({
  kind: ZPartyKind, // decides the expiry of a publication: 2 years for a natural person, else 5
  name: ZText(200), // 行政相对人
  /** 统一社会信用代码 of a legal person or other organisation (published; never a natural person's ID). */
  creditCode: z.string().trim().min(1).max(32).optional(),
  /** 法定代表人 / 负责人 of a legal person or other organisation (published). */
  legalRepresentative: z.string().trim().min(1).max(100).optional(),
});
export type TCaseParty = z.infer<typeof ZCaseParty>;

export const ZCaseLifecycleInput = z.object({
  caseNumber: ZCaseNumber,
  title: ZText(200), // 案由
  party: ZCaseParty,
  openedBy: ZId,
  openedAt: ZInstant,
});
export type TCaseLifecycleInput = z.infer<typeof ZCaseLifecycleInput>;

// ---------------------------------------------------------------------------------------------
// Message names

export const lifecycleSignals = {
  enforcementActivityEnded: 'enforcementActivityEnded',
  evidenceUploaded: 'evidenceUploaded',
  reviewMaterialsRequested: 'reviewMaterialsRequested',
  reviewMaterialsReceived: 'reviewMaterialsReceived',
  reviewOpinionIssued: 'reviewOpinionIssued',
  decisionServed: 'decisionServed',
  disclosureApproved: 'disclosureApproved',
  disclosureWithdrawn: 'disclosureWithdrawn',
  disclosureExempted: 'disclosureExempted',
  decisionRevoked: 'decisionRevoked',
  calendarUpdated: 'calendarUpdated',
} as const;

export const lifecycleUpdates = {
  submitProposal: 'submitProposal',
  decisionMade: 'decisionMade',
  closeCase: 'closeCase',
  designateMajor: 'designateMajor',
  downgradeMajor: 'downgradeMajor',
} as const;

export const lifecycleQueries = {
  status: 'status',
} as const;

/**
 * Why the workflow refused an update: the `type` of its ApplicationFailure (details[0] lists the
 * problems as `{ code, message }`). The recording service maps `wrongStage` to 409 and the rest to
 * 422; these strings are read across packages, so they exist here once.
 */
export const lifecycleFailureTypes = {
  /** The case is not in a stage that allows the update. */
  wrongStage: 'WrongStage',
  alreadyMajor: 'AlreadyMajor',
  notMajor: 'NotMajor',
  invalidProposal: 'InvalidProposal',
  invalidDecision: 'InvalidDecision',
  invalidClose: 'InvalidClose',
  invalidDesignation: 'InvalidDesignation',
  invalidDowngrade: 'InvalidDowngrade',
} as const;
export type TLifecycleFailureType = (typeof lifecycleFailureTypes)[keyof typeof lifecycleFailureTypes];

// ---------------------------------------------------------------------------------------------
// Signals from the recording service (执法全过程记录)

/** An on-site enforcement activity ended: opens its 2-working-day evidence-upload clock (记录规定 §16). */
export const ZEnforcementActivityEnded = z.object({
  activityId: ZId,
  endedAt: ZInstant,
  /** Officers to remind; escalations go to heads regardless. */
  officerIds: z.array(ZId).max(20).optional(),
});
export type TEnforcementActivityEnded = z.infer<typeof ZEnforcementActivityEnded>;

/** The activity's records reached the designated store: closes its upload clock. */
export const ZEvidenceUploaded = z.object({
  activityId: ZId,
  uploadedAt: ZInstant,
});
export type TEvidenceUploaded = z.infer<typeof ZEvidenceUploaded>;

/** The decision document was served on the party (送达). Recorded; does not gate disclosure. */
export const ZDecisionServed = z.object({
  cycle: z.number().int().min(1),
  servedAt: ZInstant,
  method: ZServiceMethod,
  recordId: ZId,
});
export type TDecisionServed = z.infer<typeof ZDecisionServed>;

// ---------------------------------------------------------------------------------------------
// Signals from the legal-review service (法制审核)

/** The office asks for missing materials by a set date: the 10-working-day clock stops. */
export const ZReviewMaterialsRequested = z.object({
  round: z.number().int().min(1),
  requestedAt: ZInstant,
  dueDate: ZIsoDate, // the date the handler must supply them by (审核办法 §8)
  missing: z.array(ZSubmissionMaterialKind).min(1),
  note: z.string().trim().max(2000).optional(),
});
export type TReviewMaterialsRequested = z.infer<typeof ZReviewMaterialsRequested>;

/** The missing materials arrived: the 10-working-day count restarts from this receipt. */
export const ZReviewMaterialsReceived = z.object({
  round: z.number().int().min(1),
  receivedAt: ZInstant,
});
export type TReviewMaterialsReceived = z.infer<typeof ZReviewMaterialsReceived>;

/** The written opinion of a round (审核意见, 审核办法 §12). Exactly one per round. */
export const ZReviewOpinionIssued = z.object({
  round: z.number().int().min(1),
  outcome: ZReviewOutcome,
  reasons: ZText(4000),
  issuedAt: ZInstant,
  reviewerId: ZId,
  opinionId: ZId,
});
export type TReviewOpinionIssued = z.infer<typeof ZReviewOpinionIssued>;

// ---------------------------------------------------------------------------------------------
// Signals from the disclosure service (行政执法公示)

/** Internal review done and the unit head approved (内部审核, 000 §18): the workflow publishes. */
export const ZDisclosureApproved = z.object({
  cycle: z.number().int().min(1),
  disclosureId: ZId,
  approvedBy: ZId,
  approvedAt: ZInstant,
});
export type TDisclosureApproved = z.infer<typeof ZDisclosureApproved>;

/** The published record was taken down (撤下) by the disclosure service, with an explanation. */
export const ZDisclosureWithdrawn = z.object({
  cycle: z.number().int().min(1),
  disclosureId: ZId,
  reason: ZWithdrawalReason,
  explanation: ZText(4000),
  withdrawnBy: ZId,
  at: ZInstant,
});
export type TDisclosureWithdrawn = z.infer<typeof ZDisclosureWithdrawn>;

/**
 * 不予公开, approved by the head after the check (#13 item 2: 003 (三), 004 §10, §16): the decision
 * of this cycle is not published; the workflow stops the publication clock and ends `exempt`.
 */
export const ZDisclosureExempted = z.object({
  cycle: z.number().int().min(1),
  disclosureId: ZId,
  reason: ZExemptionReason,
  explanation: ZText(4000),
  exemptedBy: ZId,
  at: ZInstant,
});
export type TDisclosureExempted = z.infer<typeof ZDisclosureExempted>;

/**
 * A decision revoked (撤销), confirmed illegal (确认违法) or ordered to be redone (责令重新作出) by a
 * reconsideration body or a court, as recorded in the case file (record kind `remedy`, recording
 * service). Before publication the workflow stops the pending disclosure with this explanation and
 * its clock (#13 item 6; 003 (六), 004 §14); after it, the withdrawal goes through the disclosure
 * service's request, check and approval (#13 item 9).
 */
export const ZDecisionRevoked = z.object({
  cycle: z.number().int().min(1),
  reason: ZWithdrawalReason,
  /** The revoking document (复议决定书 / 判决书): 文号, date, authority. */
  document: z.object({
    documentNumber: ZText(100),
    date: ZIsoDate,
    authority: ZText(200),
  }),
  explanation: ZText(5000),
  recordId: ZId,
  recordedBy: ZId,
  at: ZInstant,
});
export type TDecisionRevoked = z.infer<typeof ZDecisionRevoked>;

// ---------------------------------------------------------------------------------------------
// Signal from the calendar admin (CLI / admin API) to every running lifecycle

/** New holiday data was loaded: recompute provisional deadlines of running clocks. */
export const ZCalendarUpdated = z.object({
  years: z.array(z.number().int().min(1900).max(9999)).min(1),
  at: ZInstant,
});
export type TCalendarUpdated = z.infer<typeof ZCalendarUpdated>;

// ---------------------------------------------------------------------------------------------
// Updates from the recording service (validated; a rejection is returned to the caller)

/**
 * One submission material: a record or evidence of the case (`documentId`), of the kind it claims
 * to be (the recording service checks the kind). `otherMaterials` may instead say there are none:
 * `{ kind: 'otherMaterials', none: true, title: '无' }` (no `documentId`).
 */
export const ZSubmissionMaterial = z
  .object({
    kind: ZSubmissionMaterialKind,
    documentId: ZId.optional(), // record or evidence id in the recording service
    title: ZText(200),
    /** 无: there are no other materials (only for `otherMaterials`, without a document). */
    none: z.literal(true).optional(),
  })
  .superRefine((m, ctx) => {
    if (m.none && m.kind !== 'otherMaterials') {
      ctx.addIssue({ code: 'custom', path: ['none'], message: '只有“其他材料”可以填写“无”' });
    }
    if (m.none && m.documentId !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['documentId'], message: '填写“无”时不应指明材料' });
    }
    if (!m.none && m.documentId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['documentId'], message: '请指明本案的记录或证据' });
    }
  });
export type TSubmissionMaterial = z.infer<typeof ZSubmissionMaterial>;

/** One answer per criterion of 审核办法 §4, each with its reason (是/否 and why). */
export const ZMajorAssessment = z
  .array(z.object({ criterion: ZMajorCriterion, applies: z.boolean(), reason: ZText(1000) }))
  .length(ZMajorCriterion.options.length, '须逐项回答重大执法决定的六项认定情形（审核办法第四条）')
  .refine(
    (answers) => new Set(answers.map((a) => a.criterion)).size === answers.length,
    '每项认定情形只回答一次',
  );
export type TMajorAssessment = z.infer<typeof ZMajorAssessment>;

/**
 * The handler's proposed decision (拟作出决定), after investigation. For a major case it goes to
 * legal review as a new round; otherwise straight to decision. See `checkProposal` for the rules.
 */
export const ZSubmitProposal = z.object({
  submittedBy: ZId,
  submittedAt: ZInstant,
  officers: z.array(ZCaseOfficer).max(20),
  decisionKind: ZDecisionKind,
  summary: ZText(4000),
  major: z.boolean(),
  majorCriteria: z.array(ZMajorCriterion),
  /** Was there a hearing or a risk assessment? If so its record is a required material. */
  hearingOrAssessmentHeld: z.boolean(),
  materials: z.array(ZSubmissionMaterial).max(200),
  /** The handler's answer to each of the six criteria (审核办法 §4); required by the recording API. */
  majorAssessment: ZMajorAssessment.optional(),
  /** Why the case is major besides the handler's answers: a hearing held, catalogue entries matched. */
  majorBecause: z
    .object({
      hearingHeld: z.boolean(),
      catalogueEntries: z.array(z.object({ id: ZId, title: ZText(200) })).max(50),
    })
    .optional(),
});
export type TSubmitProposal = z.infer<typeof ZSubmitProposal>;

/**
 * The legal-review office or a head designates a pending case major (审核办法 §4–§5): it cannot be
 * decided without legal review; a case already proposed as ordinary goes back to the proposal.
 */
export const ZDesignateMajor = z.object({
  designatedBy: ZId,
  role: z.enum(['reviewer', 'head']),
  at: ZInstant,
  reason: ZText(2000),
  criteria: z.array(ZMajorCriterion).max(6),
});
export type TDesignateMajor = z.infer<typeof ZDesignateMajor>;

/** A head's approval to treat a major case as ordinary, with the reason (never the handler alone). */
export const ZDowngradeMajor = z.object({
  approvedBy: ZId,
  at: ZInstant,
  reason: ZText(2000),
});
export type TDowngradeMajor = z.infer<typeof ZDowngradeMajor>;

export const ZMajorUpdateResult = z.object({ stage: ZCaseStage, major: z.boolean() });
export type TMajorUpdateResult = z.infer<typeof ZMajorUpdateResult>;

/** Every determination of whether the case is major: who, when, why (审核办法 §4, §19). */
export const ZMajorDetermination = z.object({
  at: ZInstant,
  by: z.string(),
  source: z.enum(['proposal', 'designation', 'downgrade']),
  major: z.boolean(),
  reason: z.string(),
  criteria: z.array(ZMajorCriterion),
});
export type TMajorDetermination = z.infer<typeof ZMajorDetermination>;

export const ZSubmitProposalResult = z.object({
  stage: ZCaseStage,
  cycle: z.number().int(),
  /** The legal-review round opened by this submission (major cases), else null. */
  round: z.number().int().nullable(),
});
export type TSubmitProposalResult = z.infer<typeof ZSubmitProposalResult>;

export const ZRedaction = z.object({
  field: ZText(100), // which published field is redacted
  reason: ZExemptionReason,
});

/** Publish as is, publish redacted (000 §15), or not publish with the reason recorded (不予公开). */
export const ZDisclosurePlan = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('publish') }),
  z.object({ mode: z.literal('redact'), redactions: z.array(ZRedaction).min(1) }),
  z.object({ mode: z.literal('exempt'), reason: ZExemptionReason, explanation: ZText(2000) }),
]);
export type TDisclosurePlan = z.infer<typeof ZDisclosurePlan>;

/** What the published record carries (000 §13, 004 §9); the party comes from the start input. */
export const ZPublicationContent = z.object({
  enforcementMethod: ZText(200), // 执法方式
  content: ZText(4000), // 执法内容 / 违法事实
  decision: ZText(4000), // 处理决定
  penaltyKind: z.string().trim().max(200).optional(), // 处罚种类
  /** 罚款金额 in yuan (元), when the decision imposes a fine: published as its own field. */
  fineAmountYuan: z.number().nonnegative().max(1e12).multipleOf(0.01).optional(),
  legalBasis: ZText(2000), // 依据
  performance: ZText(1000), // 履行方式和期限
  issuingAuthority: ZText(200), // 作出决定的机关
});
export type TPublicationContent = z.infer<typeof ZPublicationContent>;

/** The decision was made (集体讨论 / 负责人审批 for a major case). Starts the disclosure clock. */
export const ZDecisionMade = z.object({
  recordedBy: ZId,
  decisionDate: ZIsoDate, // the 7-working-day clock counts from this date (the date itself not counted)
  documentNumber: ZText(100), // 决定书文号
  decisionKind: ZDecisionKind,
  collectiveDiscussionRecordId: ZId.optional(), // required for a major case
  headApprovalRecordId: ZId.optional(), // required for a major case
  /**
   * Ignored since #13 item 4 (patch `decision-keeps-seven-days`): a decision that follows a random
   * inspection keeps the 7-working-day rule; only runs started before honour it. Kept optional so
   * their histories still parse.
   */
  randomInspection: z.boolean().optional(),
  publication: ZPublicationContent,
  disclosure: ZDisclosurePlan,
});
export type TDecisionMade = z.infer<typeof ZDecisionMade>;

export const ZDecisionMadeResult = z.object({ stage: ZCaseStage, cycle: z.number().int() });
export type TDecisionMadeResult = z.infer<typeof ZDecisionMadeResult>;

/** Close a case without a decision to publish (e.g. 撤案, 不予立案后结案). Only before a decision. */
export const ZCloseCase = z.object({
  closedBy: ZId,
  closedAt: ZInstant,
  reason: ZText(2000),
});
export type TCloseCase = z.infer<typeof ZCloseCase>;

// ---------------------------------------------------------------------------------------------
// Proposal rules, shared so the recording UI can pre-check what the workflow validator enforces.

export interface TProposalProblem {
  code: string;
  message: string; // staff-facing, Chinese
}

/** Kinds every major submission carries. `hearingOrAssessment` only when one was held. */
export const alwaysRequiredMaterials = [
  'investigationReport',
  'proposedDecision',
  'draftDecisionDocument',
  'evidence',
  'otherMaterials',
] as const satisfies readonly z.infer<typeof ZSubmissionMaterialKind>[];

/**
 * The payload-only rules of a proposal (the workflow adds stage rules). Empty array = acceptable.
 * - at least two distinct certified officers (no single-officer enforcement, 审核办法 §10);
 * - `major` ⇔ at least one criterion ticked;
 * - a case decided after a hearing must declare the hearing;
 * - major: the five always-required kinds, plus `hearingOrAssessment` when a hearing or assessment was
 *   held (declared, or implied by the `afterHearing` criterion).
 */
export function checkProposal(p: TSubmitProposal): TProposalProblem[] {
  const problems: TProposalProblem[] = [];
  const userIds = new Set(p.officers.map((o) => o.userId));
  const certificates = new Set(p.officers.map((o) => o.certificateNumber.trim()));
  if (userIds.size < 2 || certificates.size < 2) {
    problems.push({ code: 'officers.tooFew', message: '案件须有至少两名持有执法证件的执法人员' });
  }
  if (p.major && p.majorCriteria.length === 0) {
    problems.push({ code: 'major.noCriteria', message: '重大执法决定须勾选至少一项认定情形' });
  }
  if (!p.major && p.majorCriteria.length > 0) {
    problems.push({ code: 'major.criteriaWithoutMajor', message: '已勾选重大情形，应认定为重大执法决定' });
  }
  if (p.majorAssessment) {
    const applies = p.majorAssessment.filter((x) => x.applies).map((x) => x.criterion);
    const same =
      applies.length === p.majorCriteria.length && applies.every((c) => p.majorCriteria.includes(c));
    if (!same)
      problems.push({
        code: 'major.assessmentMismatch',
        message: '勾选的重大情形与逐项回答不一致（审核办法第四条）',
      });
  }
  if (p.majorBecause?.hearingHeld && !p.majorCriteria.includes('afterHearing')) {
    problems.push({
      code: 'major.hearingHeld',
      message: '本案已举行听证，属于经听证程序作出的决定，应认定为重大执法决定（审核办法第四条第（四）项）',
    });
  }
  const entries = p.majorBecause?.catalogueEntries ?? [];
  if (entries.length > 0 && !p.major) {
    problems.push({
      code: 'major.inCatalogue',
      message: `拟作出的决定属于重大执法决定事项目录（${entries.map((e) => e.title).join('、')}），应认定为重大执法决定（审核办法第四条）`,
    });
  }
  if (p.majorCriteria.includes('afterHearing') && !p.hearingOrAssessmentHeld) {
    problems.push({ code: 'hearing.notDeclared', message: '经过听证程序的案件须注明已听证' });
  }
  if (p.major) {
    const present = new Set(p.materials.map((m) => m.kind));
    const required: string[] = [...alwaysRequiredMaterials];
    if (p.hearingOrAssessmentHeld || p.majorCriteria.includes('afterHearing'))
      required.push('hearingOrAssessment');
    const missing = required.filter((k) => !present.has(k as never));
    if (missing.length > 0) {
      problems.push({
        code: 'materials.missing',
        message: `送审材料不全，缺少：${missing.map((k) => materialKindLabel[k as TSubmissionMaterialKind]).join('、')}`,
      });
    }
  }
  return problems;
}

/** A resubmission of a case already sent to review as major (once major, always major). */
export function checkResubmission(p: TSubmitProposal, alreadyMajor: boolean): TProposalProblem[] {
  return alreadyMajor && !p.major
    ? [{ code: 'major.cannotDowngrade', message: '已按重大执法决定送审的案件不能改为一般案件' }]
    : [];
}

/**
 * The rules of a decision in a major case (重大执法决定, 审核办法 §§4, 12–14): only after the legal
 * review of this decision cycle approved it, with the collective discussion and the head's approval
 * on record. Empty array = acceptable. Not applied to a case that is not major.
 */
export function checkMajorDecision(
  p: TDecisionMade,
  review: { approvedInThisCycle: boolean },
): TProposalProblem[] {
  const problems: TProposalProblem[] = [];
  if (!review.approvedInThisCycle) {
    problems.push({ code: 'review.notApproved', message: '重大执法决定未经法制审核同意，不得作出决定' });
  }
  if (!p.collectiveDiscussionRecordId) {
    problems.push({ code: 'decision.noCollectiveDiscussion', message: '重大执法决定须附集体讨论记录' });
  }
  if (!p.headApprovalRecordId) {
    problems.push({ code: 'decision.noHeadApproval', message: '重大执法决定须附负责人审批记录' });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Status query

export const ZClockKind = z.enum([
  'evidenceUpload', // 2 working days after an enforcement activity (记录规定 §16)
  'legalReview', // 10 working days from receipt of complete materials (审核办法 §9)
  'disclosure', // 7 working days from the decision (000 §17)
  'randomInspectionDisclosure', // 20 working days from the end of the inspection (000 §17)
]);
export type TClockKind = z.infer<typeof ZClockKind>;

export const ZClockView = z.object({
  id: z.string(), // e.g. `legalReview:2`, `disclosure:1`, `evidenceUpload:<activityId>`
  kind: ZClockKind,
  status: z.enum(['running', 'paused']),
  startAt: ZInstant,
  workingDays: z.number().int(),
  dueDate: ZIsoDate,
  dueAt: ZInstant,
  remindAt: ZInstant,
  escalateAt: ZInstant,
  secondEscalateAt: ZInstant,
  provisional: z.boolean(),
  /** -1 none yet, 0 reminded, 1 escalated (overdue), 2 escalated to the agency head. */
  level: z.number().int().min(-1).max(2),
  // What a person reads (packages/shared/src/clocks/readable-clock.ts), at the time of the query:
  /** The due date in Beijing time, e.g. `2026年3月16日`. */
  dueDateText: z.string(),
  /** Working days left to the end of the due date; negative when overdue. */
  workingDaysLeft: z.number().int(),
  /** 提醒 / 已超期 / 已上报; null before the reminder. */
  levelText: z.string().nullable(),
  /** 暂按法定节假日推算（当年调休安排未公布） when provisional, else null. */
  provisionalText: z.string().nullable(),
});
export type TClockView = z.infer<typeof ZClockView>;

export const ZReviewRoundView = z.object({
  round: z.number().int(),
  cycle: z.number().int(),
  submittedAt: ZInstant,
  submittedBy: z.string(),
  reviewId: z.string().optional(),
  receivedAt: ZInstant.optional(),
  materialRequests: z.array(
    z.object({
      requestedAt: ZInstant,
      dueDate: ZIsoDate,
      missing: z.array(z.string()),
      receivedAt: ZInstant.optional(),
    }),
  ),
  outcome: ZReviewOutcome.optional(),
  reasons: z.string().optional(),
  issuedAt: ZInstant.optional(),
  /** Highest escalation level its clock reached (-1 none). */
  maxLevel: z.number().int(),
});
export type TReviewRoundView = z.infer<typeof ZReviewRoundView>;

export const ZCycleView = z.object({
  cycle: z.number().int(),
  decisionDate: ZIsoDate.optional(),
  documentNumber: z.string().optional(),
  disclosureMode: z.enum(['publish', 'redact', 'exempt']).optional(),
  disclosureId: z.string().optional(),
  servedAt: ZInstant.optional(),
  approvedAt: ZInstant.optional(),
  publishedAt: ZInstant.optional(),
  expiresAt: ZInstant.optional(),
  withdrawn: z.object({ reason: ZWithdrawalReason, explanation: z.string(), at: ZInstant }).optional(),
  expiredAt: ZInstant.optional(),
  /** Revoked before publication: the pending disclosure was stopped with this explanation (#13 item 6). */
  revokedBeforePublication: z
    .object({ reason: ZWithdrawalReason, explanation: z.string(), at: ZInstant })
    .optional(),
  /** Filed with the legal-review office (审核办法 §16), once the filing was accepted. */
  filedWithOffice: z.object({ filingId: z.string(), at: ZInstant }).optional(),
});
export type TCycleView = z.infer<typeof ZCycleView>;

export const ZEscalationNotified = z.object({
  /** assignee = the person/office doing the work; unitHead = its head; agencyHead = 机关负责人. */
  audience: z.enum(['assignee', 'unitHead', 'agencyHead']),
  roles: z.array(ZRole),
  userIds: z.array(z.string()),
  /** Who was told, when and how (absent in escalations recorded before the notifications service). */
  people: z
    .array(
      z.object({
        personId: z.string(),
        name: z.string(),
        audience: z.enum(['assignee', 'unitHead', 'agencyHead']),
        channels: z.array(z.enum(['inbox', 'email'])),
        at: z.string(),
      }),
    )
    .optional(),
});
export type TEscalationNotified = z.infer<typeof ZEscalationNotified>;

export const ZEscalationView = z.object({
  clockId: z.string(),
  kind: ZClockKind,
  level: z.number().int().min(0).max(2),
  notified: ZEscalationNotified,
  reason: z.string(),
  dueAt: ZInstant,
  at: ZInstant,
});
export type TEscalationView = z.infer<typeof ZEscalationView>;

export const ZCaseLifecycleStatus = z.object({
  caseNumber: z.string(),
  stage: ZCaseStage,
  major: z.boolean(),
  majorCriteria: z.array(ZMajorCriterion),
  cycle: z.number().int(),
  clocks: z.array(ZClockView),
  rounds: z.array(ZReviewRoundView),
  cycles: z.array(ZCycleView),
  escalations: z.array(ZEscalationView),
  openEvidenceActivities: z.array(z.string()),
  closedReason: z.string().optional(),
  /** Absent in runs started before determinations were recorded. */
  majorDeterminations: z.array(ZMajorDetermination).optional(),
});
export type TCaseLifecycleStatus = z.infer<typeof ZCaseLifecycleStatus>;
