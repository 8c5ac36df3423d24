import type { TDisclosurePlan, TPublicationContent } from '@sanxiang/shared/src/contracts';
import type { TDecisionKind, TMajorCriterion, TReviewPoint } from '@sanxiang/shared/src/domain';
import type { TFinding, TOpenCase } from './case-steps';
import type { TStaffUser } from './staff-api';

/**
 * What one enforcement case is about, in the words staff would write (labour inspection, 劳动保障
 * 监察), and the typed records (docs/recording.md §Records) built from it. The e2e tests and the
 * demo loader describe their cases with this, so both file the same, realistic records.
 */
export interface TCaseStory {
  caseNumber: string;
  /** 案由 */
  title: string;
  handlingUnit: string;
  /** 执法类别 / 执法区域 (default 劳动保障监察, 常州市). */
  enforcementCategory?: string;
  enforcementArea?: string;
  party: TOpenCase['party'];
  /** The two certified officers (the first opens the case and acts as handler). */
  officers: [TStaffUser, TStaffUser];
  /** The person who spoke for the party on site (法定代表人 / 本人). */
  representative: {
    name: string;
    role: 'party' | 'legalRepresentative' | 'agent';
    idNumber: string;
    phone: string;
    address?: string;
  };
  site: { place: string; startedAt: string; endedAt: string };
  /** 现场检查情况 */
  siteFindings: string;
  interview: { question: string; answer: string }[];
  /** 承办人意见 */
  facts: string;
  legalBasis: string;
  proposedDecision: string;
  discretion?: string;
  decision: {
    kind: TDecisionKind;
    documentNumber: string;
    publication: TPublicationContent;
    disclosure: TDisclosurePlan;
  };
  /** Present for a major case (重大执法决定): the criteria and the hearing held. */
  major?: {
    criteria: TMajorCriterion[];
    hearing: {
      heldAt: string;
      place: string;
      presiding: string;
      clerk: string;
      minutes: string;
      findings: string;
    };
  };
}

export const caseOfficers = (story: TCaseStory) =>
  story.officers.map((o) => ({ userId: o.id, name: o.name, certificateNumber: o.certificateNumber ?? '' }));

const named = (story: TCaseStory) =>
  story.officers.map((o) => ({ name: o.name, certificateNumber: o.certificateNumber ?? '' }));

/** 立案 body. */
export const openCaseBody = (story: TCaseStory): TOpenCase => ({
  caseNumber: story.caseNumber,
  title: story.title,
  handlingUnit: story.handlingUnit,
  enforcementCategory: story.enforcementCategory ?? '劳动保障监察',
  enforcementArea: story.enforcementArea ?? '常州市',
  party: story.party,
  officers: caseOfficers(story),
});

export type TRecordInput = { kind: string; content: object; activityId?: string };

/** 出示执法证件 on arrival. */
export const certificateShown = (story: TCaseStory, activityId: string): TRecordInput => ({
  kind: 'certificateShown',
  activityId,
  content: {
    shownAt: story.site.startedAt,
    place: story.site.place,
    officers: named(story),
    shownTo: story.representative.name,
    note: '执法人员出示执法证件，表明身份，告知检查事由。',
  },
});

/** 现场检查笔录, signed by the party's representative, with the site photos. */
export const siteInspection = (
  story: TCaseStory,
  activityId: string,
  evidenceIds: string[],
): TRecordInput => ({
  kind: 'siteInspection',
  activityId,
  content: {
    startedAt: story.site.startedAt,
    endedAt: story.site.endedAt,
    place: story.site.place,
    inspectedSubject: story.party.name,
    present: [
      {
        name: story.representative.name,
        role: story.representative.role,
        idNumber: story.representative.idNumber,
        phone: story.representative.phone,
      },
    ],
    inspectors: named(story),
    findings: story.siteFindings,
    signature: { signed: true, signedBy: story.representative.name },
    evidenceIds,
  },
});

/** 询问笔录 of the representative. */
export const interview = (story: TCaseStory, activityId: string): TRecordInput => ({
  kind: 'interview',
  activityId,
  content: {
    startedAt: story.site.startedAt,
    endedAt: story.site.endedAt,
    place: story.site.place,
    interviewee: {
      name: story.representative.name,
      role: story.representative.role,
      idNumber: story.representative.idNumber,
      phone: story.representative.phone,
      ...(story.representative.address ? { address: story.representative.address } : {}),
    },
    interviewers: named(story),
    recorder: story.officers[1].name,
    questionsAndAnswers: story.interview,
    signature: { signed: true, signedBy: story.representative.name },
  },
});

/** 证据材料清单 over uploaded evidence. */
export const evidenceList = (
  story: TCaseStory,
  items: { title: string; evidenceId: string; source: string }[],
  providedOn: string,
): TRecordInput => ({
  kind: 'evidenceList',
  content: {
    items: items.map((i) => ({
      title: i.title,
      provider: story.representative.name,
      providedOn,
      source: i.source,
      copies: 1,
      evidenceId: i.evidenceId,
    })),
  },
});

/** 权利告知 (陈述、申辩, and for a major penalty 听证) and what the party answered. */
export const rightsNotification = (
  story: TCaseStory,
  notifiedAt: string,
  documentNumber: string,
): TRecordInput => ({
  kind: 'rightsNotification',
  content: {
    notifiedAt,
    method: 'writtenNotice',
    documentNumber,
    rights: story.major ? ['statement', 'defence', 'hearing'] : ['statement', 'defence'],
    response: story.major
      ? { kind: 'hearingRequested', respondedAt: notifiedAt, statements: '当事人书面申请举行听证。' }
      : { kind: 'waived', respondedAt: notifiedAt, statements: '当事人表示对事实无异议，放弃陈述、申辩。' },
  },
});

/** 听证笔录及听证报告 (major cases decided after a hearing). */
export const hearing = (story: TCaseStory): TRecordInput => {
  const h = story.major?.hearing;
  if (!h) throw new Error(`${story.caseNumber}: no hearing in this story`);
  return {
    kind: 'hearing',
    content: {
      heldAt: h.heldAt,
      place: h.place,
      presidingOfficer: h.presiding,
      clerk: h.clerk,
      participants: [
        { name: story.representative.name, role: story.representative.role },
        { name: story.officers[0].name, role: 'other' },
      ],
      minutes: h.minutes,
      report: { findings: h.findings, opinion: '建议维持拟作出的行政处罚决定。' },
    },
  };
};

/** 承办人意见: facts, legal basis, proposed decision. */
export const handlerOpinion = (story: TCaseStory): TRecordInput => ({
  kind: 'handlerOpinion',
  content: {
    facts: story.facts,
    legalBasis: story.legalBasis,
    proposedDecision: story.proposedDecision,
    ...(story.discretion ? { discretionReasoning: story.discretion } : {}),
  },
});

/** 调查终结报告 at the end of the investigation; `evidenceIds` = the signed report's scan. */
export const investigationReport = (
  story: TCaseStory,
  concludedAt: string,
  evidenceIds: string[] = [],
): TRecordInput => ({
  kind: 'investigationReport',
  content: {
    concludedAt,
    caseSource: `${story.handlingUnit}在日常巡查中发现线索，依法立案调查。`,
    investigation: `执法人员于${story.site.place}进行现场检查，询问了${story.representative.name}，调取了相关材料。`,
    facts: story.facts,
    evidenceSummary: '现场检查笔录、询问笔录、证据材料清单所列证据及现场照片。',
    legalBasis: story.legalBasis,
    proposedHandling: story.proposedDecision,
    investigators: named(story),
    ...(evidenceIds.length > 0 ? { evidenceIds } : {}),
  },
});

/** 行政执法决定书: the draft for legal review, or (with a date) the issued document. */
export const decisionDocument = (
  story: TCaseStory,
  issued?: { decisionDate: string; evidenceIds?: string[] },
  draftEvidenceIds: string[] = [],
): TRecordInput => {
  const p = story.decision.publication;
  const evidenceIds = issued?.evidenceIds ?? draftEvidenceIds;
  return {
    kind: 'decisionDocument',
    content: {
      status: issued ? 'issued' : 'draft',
      title: story.decision.kind === 'penalty' ? '行政处罚决定书' : '行政执法决定书',
      ...(issued ? { documentNumber: story.decision.documentNumber, decisionDate: issued.decisionDate } : {}),
      decisionKind: story.decision.kind,
      party: story.party.name,
      facts: p.content,
      legalBasis: p.legalBasis,
      decision: p.decision,
      ...(p.penaltyKind ? { penaltyKind: p.penaltyKind } : {}),
      performance: p.performance,
      remedies:
        '如不服本决定，可在收到本决定书之日起六十日内申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
      issuingAuthority: p.issuingAuthority,
      ...(evidenceIds.length > 0 ? { evidenceIds } : {}),
    },
  };
};

/** 集体讨论记录 (major cases), filed by the head. */
export const collectiveDiscussion = (
  story: TCaseStory,
  heldAt: string,
  chair: string,
  participants: string[],
): TRecordInput => ({
  kind: 'collectiveDiscussion',
  content: {
    heldAt,
    place: '局三楼会议室',
    chair,
    participants,
    discussion: `承办人汇报案件事实、证据、法律依据和法制审核意见。与会人员认为：${story.facts.slice(0, 120)}……事实清楚，证据确凿，程序合法。`,
    conclusion: `同意承办人意见：${story.proposedDecision}`,
  },
});

/** 负责人审批意见 on the decision. */
export const headApproval = (story: TCaseStory, approvedAt: string): TRecordInput => ({
  kind: 'headApproval',
  content: {
    subject: 'decision',
    approved: true,
    opinion: `同意。按拟定意见作出决定，文号 ${story.decision.documentNumber}。`,
    approvedAt,
  },
});

/** 送达 of the decision document, directly to the representative (signals decisionServed). */
export const decisionServed = (story: TCaseStory, servedAt: string): TRecordInput => ({
  kind: 'service',
  content: {
    method: 'direct',
    document: {
      kind: 'decision',
      title: '行政处理（处罚）决定书',
      documentNumber: story.decision.documentNumber,
    },
    servedAt,
    servedBy: story.officers.map((o) => o.name),
    recipient: story.representative.name,
    receiptSignedBy: story.representative.name,
    signerRelation: story.representative.role,
  },
});

/** The nine review points (审核办法 §10), all answered. */
export const nineFindings = (details: Partial<Record<TReviewPoint, string>> = {}): TFinding[] => {
  const defaults: Record<TReviewPoint, [TFinding['conclusion'], string]> = {
    lawfulSubjectAndPowers: ['noIssue', '执法主体为本局，属于法定职权范围。'],
    certifiedOfficers: ['noIssue', '两名执法人员均持有有效执法证件，无单人执法。'],
    lawfulProcedure: ['noIssue', '立案、调查、告知、听证等程序符合规定。'],
    factsAndEvidence: ['noIssue', '违法事实清楚，证据确凿充分，证据之间相互印证。'],
    lawAndDiscretion: ['noIssue', '适用法律正确，处罚幅度在裁量基准范围内。'],
    documentsComplete: ['noIssue', '执法文书齐全，制作规范。'],
    audioVisualRecorded: ['noIssue', '现场检查全程音视频记录已上传。'],
    possibleCrime: ['notApplicable', '未发现涉嫌犯罪、需移送司法机关的情形。'],
    other: ['notApplicable', '无其他需要说明的事项。'],
  };
  return (Object.keys(defaults) as TReviewPoint[]).map((point) => ({
    point,
    conclusion: defaults[point][0],
    findings: details[point] ?? defaults[point][1],
  }));
};
