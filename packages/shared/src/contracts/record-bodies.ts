import { z } from 'zod';
import { ZDecisionKind } from '../domain/decision-kinds';
import { ZCertificateNumber, ZIsoDate } from '../domain/identifiers';
import { ZRecordKind, type TRecordKind } from '../domain/records';
import { ZLegalReviewOpinionRecord } from './internal-api';
import { ZInstant } from './lifecycle';

/**
 * The typed records of the case file (执法全过程记录, 记录规定 §9–§18, DOMAIN.md §2). Each kind has
 * its own validated structure; nothing is free text except the fields that are prose by nature
 * (findings, statements, opinions). Shared (no I/O imports) so the staff console's record forms
 * validate with the very schemas the recording service uses.
 */

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZName = ZText(64);
const ZUuid = z.uuid();
/** Evidence files (音视频, photos, scans) that document this record. */
const ZEvidenceRefs = z.array(ZUuid).max(100).optional();

/** An officer named in a record: who acted, with the certificate number (执法证号). */
export const ZNamedOfficer = z.object({ name: ZName, certificateNumber: ZCertificateNumber });

/** Two certified officers at least: no single-officer enforcement (审核办法 §10). */
const ZOfficerPair = z
  .array(ZNamedOfficer)
  .min(2, '至少两名执法人员')
  .max(20)
  .refine((os) => new Set(os.map((o) => o.certificateNumber)).size === os.length, '执法证号不得重复');

const ZPerson = z.object({
  name: ZName,
  /** 身份: party, witness, agent, employee… */
  role: z.enum(['party', 'legalRepresentative', 'agent', 'witness', 'employee', 'other']),
  idNumber: z.string().trim().max(32).optional(),
  phone: z.string().trim().max(32).optional(),
  address: z.string().trim().max(200).optional(),
  employer: z.string().trim().max(200).optional(),
});

/** Did the person sign the record? If not, why (拒绝签字 is recorded, not hidden). */
const ZSignature = z.discriminatedUnion('signed', [
  z.object({ signed: z.literal(true), signedBy: ZName }),
  z.object({ signed: z.literal(false), refusalReason: ZText(500) }),
]);

// ---- Investigation (调查取证, §9) -----------------------------------------------------------------

/** 出示执法证件 (§9(一), 公示办法 §5). */
export const ZCertificateShown = z.object({
  shownAt: ZInstant,
  place: ZText(200),
  officers: ZOfficerPair,
  shownTo: ZName,
  note: z.string().trim().max(1000).optional(),
});

/** 询问笔录 (§9(二)): time, place, the person's particulars, questions and answers. */
export const ZInterview = z.object({
  startedAt: ZInstant,
  endedAt: ZInstant,
  place: ZText(200),
  interviewee: ZPerson,
  interviewers: ZOfficerPair,
  recorder: ZName,
  othersPresent: z.array(ZName).max(20).optional(),
  questionsAndAnswers: z
    .array(z.object({ question: ZText(2000), answer: ZText(8000) }))
    .min(1)
    .max(500),
  signature: ZSignature,
  evidenceIds: ZEvidenceRefs,
});

/** 现场检查笔录 (§9(三)): time, place, who was present, the inspectors, the findings. */
export const ZSiteInspection = z.object({
  startedAt: ZInstant,
  endedAt: ZInstant,
  place: ZText(200),
  inspectedSubject: ZText(200),
  present: z.array(ZPerson).max(50),
  inspectors: ZOfficerPair,
  findings: ZText(20000),
  signature: ZSignature,
  evidenceIds: ZEvidenceRefs,
});

/** 证据材料清单 (§9(四)): provider, date and source of each item. */
export const ZEvidenceList = z.object({
  items: z
    .array(
      z.object({
        title: ZText(200),
        provider: ZName,
        providedOn: z.iso.date(),
        source: ZText(500),
        copies: z.number().int().min(1).max(10000).optional(),
        evidenceId: ZUuid.optional(),
        note: z.string().trim().max(1000).optional(),
      }),
    )
    .min(1)
    .max(1000),
});

/** 听证笔录和听证报告 (§9(五)). */
export const ZHearing = z.object({
  heldAt: ZInstant,
  place: ZText(200),
  presidingOfficer: ZName,
  clerk: ZName,
  participants: z.array(ZPerson).min(1).max(50),
  minutes: ZText(50000),
  report: z.object({ findings: ZText(20000), opinion: ZText(10000) }),
  evidenceIds: ZEvidenceRefs,
});

export const ZPartyRight = z.enum(['statement', 'defence', 'recusal', 'hearing']); // 陈述、申辩、申请回避、听证

/** 权利告知及当事人陈述申辩 (§9(六)): how and which rights were notified, and what the party said. */
export const ZRightsNotification = z.object({
  notifiedAt: ZInstant,
  method: z.enum(['writtenNotice', 'oral', 'onRecord']), // 书面告知书 / 口头 / 笔录中告知
  documentNumber: z.string().trim().max(100).optional(),
  rights: z.array(ZPartyRight).min(1).max(4),
  response: z.object({
    kind: z.enum(['statementOrDefence', 'hearingRequested', 'recusalRequested', 'waived', 'noResponse']),
    respondedAt: ZInstant.optional(),
    statements: z.string().trim().max(20000).optional(),
  }),
});

/** 证据先行登记保存 (§9(七)): reason, form and list; A/V is mandatory for it (§14). */
export const ZEvidencePreservation = z.object({
  decidedAt: ZInstant,
  reason: ZText(2000),
  form: z.enum(['sealedOnSite', 'keptInPlace', 'takenAway']), // 就地封存 / 就地保存 / 异地保存
  documentNumber: ZText(100),
  approvedBy: ZName,
  items: z
    .array(
      z.object({
        name: ZText(200),
        quantity: ZText(50),
        location: ZText(200),
        note: z.string().trim().max(500).optional(),
      }),
    )
    .min(1)
    .max(500),
  evidenceIds: ZEvidenceRefs,
});

/** 拒绝接受调查或提供证据 (§9 last paragraph), with the reason. */
export const ZRefusalToCooperate = z.object({
  at: ZInstant,
  place: ZText(200),
  refusedBy: ZName,
  refused: z.enum(['investigation', 'providingEvidence', 'signing', 'entry', 'other']),
  reason: ZText(2000),
  witnesses: z.array(ZName).max(20).optional(),
  evidenceIds: ZEvidenceRefs,
});

// ---- Review and decision (案件审查与决定, §10) ----------------------------------------------------

/** 承办人意见: facts, legal basis, proposed handling. */
export const ZHandlerOpinion = z.object({
  facts: ZText(20000),
  legalBasis: ZText(5000),
  proposedDecision: ZText(5000),
  discretionReasoning: z.string().trim().max(5000).optional(),
});

/**
 * 调查终结报告: the investigators' report at the end of the investigation — how the case came and
 * was investigated, the facts found, the evidence, the law, and the handling they propose.
 */
export const ZInvestigationReport = z.object({
  concludedAt: ZInstant, // 调查终结时间
  caseSource: ZText(2000), // 案件来源
  investigation: ZText(20000), // 调查经过
  facts: ZText(20000), // 违法事实
  evidenceSummary: ZText(20000), // 证据
  legalBasis: ZText(5000), // 法律依据
  proposedHandling: ZText(5000), // 处理意见
  investigators: ZOfficerPair,
  evidenceIds: ZEvidenceRefs,
});

/**
 * 行政执法决定书: the decision document, first as the draft sent to legal review (代拟稿, no
 * number yet), then as issued (文号, date, sealed scan among `evidenceIds`). A new version of the
 * document is filed with `supersedesRecordId`.
 */
export const ZDecisionDocument = z
  .object({
    status: z.enum(['draft', 'issued']), // 代拟稿 / 已签发
    title: ZText(200), // e.g. 行政处罚决定书
    documentNumber: z.string().trim().min(1).max(100).optional(), // 文号 (issued)
    decisionKind: ZDecisionKind,
    party: ZText(200), // 当事人
    facts: ZText(20000), // 违法事实和证据
    legalBasis: ZText(5000), // 依据
    decision: ZText(5000), // 处理决定
    penaltyKind: z.string().trim().max(200).optional(), // 处罚种类
    /** 罚款金额 in yuan (元), when there is a fine. */
    fineAmountYuan: z.number().nonnegative().max(1e12).multipleOf(0.01).optional(),
    performance: ZText(2000), // 履行方式和期限
    remedies: ZText(2000), // 申请行政复议或者提起行政诉讼的途径和期限
    issuingAuthority: ZText(200), // 作出决定的机关
    decisionDate: ZIsoDate.optional(), // 决定日期 (issued)
    evidenceIds: ZEvidenceRefs,
  })
  .superRefine((d, ctx) => {
    if (d.status === 'issued' && !d.documentNumber)
      ctx.addIssue({ code: 'custom', path: ['documentNumber'], message: '已签发的决定书须有文号' });
    if (d.status === 'issued' && !d.decisionDate)
      ctx.addIssue({ code: 'custom', path: ['decisionDate'], message: '已签发的决定书须有决定日期' });
  });

/** 集体讨论记录 (重大案件). */
export const ZCollectiveDiscussion = z.object({
  heldAt: ZInstant,
  place: ZText(200),
  chair: ZName,
  participants: z.array(ZName).min(3, '集体讨论至少三人参加').max(50),
  discussion: ZText(50000),
  conclusion: ZText(10000),
});

/** 负责人审批意见 — filed by a head (role `head`). */
export const ZHeadApproval = z.object({
  /** `audioVisualExemption`: approves an activity without A/V (记录规定 §14), `relatedRecordId` its reason. */
  subject: z.enum([
    'decision',
    'evidencePreservation',
    'caseOpening',
    'caseClosing',
    'audioVisualExemption',
    'other',
  ]),
  approved: z.boolean(),
  opinion: ZText(5000),
  approvedAt: ZInstant,
  relatedRecordId: ZUuid.optional(),
});

/**
 * 法制审核意见 (审核办法 §12, §15: one copy into the case file). Filed only by the legal-review
 * service through `POST /internal/cases/{caseNumber}/records`; `opinionId` is its natural key.
 */
/** Filed by the legal-review service; the body is the shared contract both services use. */
export const ZLegalReviewOpinion = ZLegalReviewOpinionRecord;

// ---- Service (送达, §11–§12) ---------------------------------------------------------------------

const ZServedDocument = z.object({
  /** `decision` = the decision document of the current cycle: signals decisionServed. */
  kind: z.enum(['decision', 'rightsNotice', 'hearingNotice', 'preservationDecision', 'other']),
  title: ZText(200),
  documentNumber: z.string().trim().max(100).optional(),
});

const serviceCommon = {
  document: ZServedDocument,
  servedAt: ZInstant,
  servedBy: z.array(ZName).min(1).max(10),
  recipient: ZName,
  evidenceIds: ZEvidenceRefs,
};

/** The four forms of service; each carries what §12 requires for it. */
export const ZService = z.discriminatedUnion('method', [
  // 直接送达: signature on the receipt (送达回证)
  z.object({
    method: z.literal('direct'),
    ...serviceCommon,
    receiptSignedBy: ZName,
    signerRelation: z.enum([
      'party',
      'legalRepresentative',
      'agent',
      'adultFamilyMember',
      'authorisedRecipient',
    ]),
  }),
  // 邮寄送达: postal slip and returned receipt
  z.object({
    method: z.literal('post'),
    ...serviceCommon,
    trackingNumber: ZText(64),
    postedAt: ZInstant,
    receiptReturnedAt: ZInstant.optional(),
  }),
  // 留置送达: reason for refusal, date, witness, A/V of the whole service
  z.object({
    method: z.literal('leftAtAddress'),
    ...serviceCommon,
    refusalReason: ZText(1000),
    address: ZText(200),
    witnesses: z.array(z.object({ name: ZName, signed: z.boolean() })).min(1, '留置送达须有见证人'),
    evidenceIds: z.array(ZUuid).min(1, '留置送达须有音视频记录').max(100),
  }),
  // 公告送达: the notice, its channel, why and how
  z.object({
    method: z.literal('publicNotice'),
    ...serviceCommon,
    reason: ZText(1000),
    channel: ZText(200),
    noticeText: ZText(20000),
    publishedAt: ZInstant,
  }),
]);

// ---- After the decision ---------------------------------------------------------------------------

/** 当事人履行执法决定的情况 (§15). */
export const ZPerformance = z.object({
  status: z.enum(['fullyPerformed', 'partiallyPerformed', 'notPerformed']),
  recordedAt: ZInstant,
  performedAt: ZInstant.optional(),
  details: ZText(5000),
});

/**
 * 催告书 (记录规定 §11, 行政强制法 §35/§54): the written urging to perform, served before an
 * application to the court; what the party stated or argued and the remedies they were told of.
 */
export const ZUrgingNotice = z.object({
  documentNumber: ZText(100), // 催告书文号
  issuedAt: ZInstant,
  servedAt: ZInstant,
  serviceMethod: z.enum(['direct', 'post', 'leftAtAddress', 'publicNotice']),
  obligations: ZText(5000), // 履行义务的期限、方式和金额
  performBy: ZIsoDate, // 履行期限
  partyStatement: z.object({
    kind: z.enum(['statementOrDefence', 'waived', 'noResponse']), // 陈述申辩 / 放弃 / 未回应
    statements: z.string().trim().max(20000).optional(),
  }),
  remediesNotified: ZText(2000), // 告知的救济途径
  evidenceIds: ZEvidenceRefs,
});

/** 申请法院强制执行: application, court ruling and papers (§18); only after a 催告 (see file-record). */
export const ZCourtEnforcement = z.object({
  appliedAt: ZInstant,
  court: ZText(200),
  applicationDocumentNumber: z.string().trim().max(100).optional(),
  rulingDocumentNumber: z.string().trim().max(100).optional(),
  ruling: z.string().trim().max(20000).optional(),
  documents: z
    .array(z.object({ title: ZText(200), evidenceId: ZUuid.optional() }))
    .min(1)
    .max(100),
});

/**
 * Remedy outcomes that end the decision's publication (003 (六) 撤销、确认违法、要求重新作出), with the
 * lifecycle's reason for each: before publication the pending disclosure stops (signal
 * `decisionRevoked`), after it the withdrawal is requested in the disclosure service.
 */
export const revokingRemedyOutcomes: readonly string[] = ['revoked', 'confirmedIllegal', 'orderedRedo'];
export const withdrawalReasonOfRemedy = {
  revoked: 'revoked',
  confirmedIllegal: 'confirmedIllegal',
  orderedRedo: 'toBeRedone',
} as const;

/**
 * 行政救济 (记录规定 §11(三), §15): the party applied for reconsideration (复议) or sued (诉讼); the
 * outcome is filed as a new version of the record (`supersedesRecordId`) when it is known.
 */
export const ZRemedy = z
  .object({
    kind: z.enum(['reconsideration', 'litigation']), // 行政复议 / 行政诉讼
    filedAt: ZIsoDate, // 申请或起诉日期
    body: ZText(200), // 复议机关 / 人民法院
    reference: z.string().trim().max(100).optional(), // 案号
    claims: ZText(5000), // 请求事项
    outcome: z.enum([
      'pending', // 审理中
      'upheld', // 维持 / 驳回诉讼请求
      'revoked', // 撤销
      'confirmedIllegal', // 确认违法
      'orderedRedo', // 责令重新作出
      'modified', // 变更
      'withdrawnByParty', // 申请人撤回
      'settled', // 调解 / 和解
    ]),
    decidedAt: ZIsoDate.optional(),
    outcomeDocumentNumber: z.string().trim().max(100).optional(),
    outcomeSummary: z.string().trim().max(5000).optional(),
    evidenceIds: ZEvidenceRefs,
  })
  .superRefine((r, ctx) => {
    if (r.outcome !== 'pending' && !r.decidedAt)
      ctx.addIssue({ code: 'custom', path: ['decidedAt'], message: '已有结果的须填写决定或裁判日期' });
    if (r.outcome !== 'pending' && !r.outcomeSummary)
      ctx.addIssue({ code: 'custom', path: ['outcomeSummary'], message: '已有结果的须说明结果' });
    // The lifecycle stops a pending disclosure citing this document (#13 item 6, 003 (六)).
    if (revokingRemedyOutcomes.includes(r.outcome) && !r.outcomeDocumentNumber)
      ctx.addIssue({
        code: 'custom',
        path: ['outcomeDocumentNumber'],
        message: '撤销、确认违法或责令重新作出的，须填写复议决定书或判决书文号',
      });
  });

// ---- Audio/video (音视频记录, §13–§14) ---------------------------------------------------------

/**
 * 音视频记录中断 (§13): why recording stopped and when it resumed, explained when it resumes; when
 * it could not continue at all (`permanent`), the officer reports to the head at once and explains
 * in writing — the head reported to is named (the service checks the person is a head).
 */
export const ZAudioVisualInterruption = z
  .object({
    interruptedAt: ZInstant,
    cause: z.enum(['deviceFault', 'deviceDamage', 'battery', 'storage', 'weather', 'other']),
    explanation: ZText(2000),
    resumedAt: ZInstant.optional(),
    permanent: z.boolean(), // 确实无法继续记录
    reportedToHead: z
      .object({ personId: z.string().trim().min(1).max(128), name: ZName, at: ZInstant })
      .optional(),
    evidenceIds: ZEvidenceRefs,
  })
  .superRefine((r, ctx) => {
    if (r.permanent && !r.reportedToHead)
      ctx.addIssue({
        code: 'custom',
        path: ['reportedToHead'],
        message: '确实无法继续记录的，须立即向负责人报告并注明报告对象（记录规定第十三条）',
      });
    if (!r.permanent && !r.resumedAt)
      ctx.addIssue({ code: 'custom', path: ['resumedAt'], message: '中断后恢复记录的须填写恢复时间' });
  });

/** 未进行音视频记录的理由 (§14): an activity that required A/V without it; needs the head's approval. */
export const ZAudioVisualExemption = z.object({
  reason: ZText(2000),
  textRecordIds: z.array(ZUuid).max(50).optional(), // the text records that document the activity
});

/** 更正: an erratum to an earlier record; the original stays as it was. */
export const ZCorrection = z.object({
  correctsRecordId: ZUuid,
  field: ZText(200),
  corrected: ZText(20000),
  reason: ZText(2000),
});

// ---- The union ------------------------------------------------------------------------------------

const entry = <K extends TRecordKind, S extends z.ZodType>(kind: K, content: S) =>
  z.object({
    kind: z.literal(kind),
    content,
    /** The enforcement activity the record belongs to (site inspection, interview…). */
    activityId: ZUuid.optional(),
    /** A full re-filing that supersedes an earlier record of the same kind (which stays). */
    supersedesRecordId: ZUuid.optional(),
  });

/** A record as filed: `{ kind, content, activityId?, supersedesRecordId? }`. */
export const ZRecordInput = z.discriminatedUnion('kind', [
  entry('certificateShown', ZCertificateShown),
  entry('interview', ZInterview),
  entry('siteInspection', ZSiteInspection),
  entry('evidenceList', ZEvidenceList),
  entry('hearing', ZHearing),
  entry('rightsNotification', ZRightsNotification),
  entry('evidencePreservation', ZEvidencePreservation),
  entry('refusalToCooperate', ZRefusalToCooperate),
  entry('handlerOpinion', ZHandlerOpinion),
  entry('investigationReport', ZInvestigationReport),
  entry('decisionDocument', ZDecisionDocument),
  entry('collectiveDiscussion', ZCollectiveDiscussion),
  entry('headApproval', ZHeadApproval),
  entry('legalReviewOpinion', ZLegalReviewOpinion),
  entry('service', ZService),
  entry('performance', ZPerformance),
  entry('urgingNotice', ZUrgingNotice),
  entry('courtEnforcement', ZCourtEnforcement),
  entry('remedy', ZRemedy),
  entry('audioVisualInterruption', ZAudioVisualInterruption),
  entry('audioVisualExemption', ZAudioVisualExemption),
  entry('correction', ZCorrection),
]);
export type TRecordInput = z.infer<typeof ZRecordInput>;

// Every kind of the shared enum has a schema here (a compile error otherwise).
type TMissingKinds = Exclude<TRecordKind, TRecordInput['kind']>;
const _allKindsCovered: TMissingKinds extends never ? true : never = true;
void _allKindsCovered;
void ZRecordKind;

/** Staff-facing names of the record kinds (案卷 display, export). */

/** Evidence ids a record refers to (checked to belong to the same case). */
export function referencedEvidenceIds(record: TRecordInput): string[] {
  const c = record.content as {
    evidenceIds?: string[];
    items?: { evidenceId?: string }[];
    documents?: { evidenceId?: string }[];
  };
  const ids = [
    ...(c.evidenceIds ?? []),
    ...(c.items ?? []).flatMap((i) => (i.evidenceId ? [i.evidenceId] : [])),
    ...(c.documents ?? []).flatMap((d) => (d.evidenceId ? [d.evidenceId] : [])),
  ];
  return [...new Set(ids)];
}
