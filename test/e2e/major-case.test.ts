/**
 * End to end, through real servers: the three services in this process (each on its own fresh
 * database, built as its main.ts builds it, on a free port), the real worker on the test stack's
 * Temporal dev server, MinIO with Object Lock for the evidence. A major case is driven the way
 * staff would drive it — only through the services' HTTP APIs, with role tokens — from opening to
 * publication on the public platform; a minor party's case ends exempt. Workflow state is checked
 * through the Temporal client (status query, search attributes).
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import pino from 'pino';
import type { WorkflowHandle } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { caseSearchAttributes } from '@sanxiang/shared/src/contracts/search-attributes';
import { payloadCodecFrom, payloadKeyId, temporalDataConverter } from '@sanxiang/shared';
import { dateInShanghai } from '@sanxiang/shared/src/calendar';
import { lifecycleQueries, type TCaseLifecycleStatus } from '@sanxiang/shared/src/contracts';
import { lifecycleWorkflowId } from '@sanxiang/shared/src/domain';
import { bearer, cachedWorkflowBundle, testConfig, testStack } from '@sanxiang/testing';
import { createCodecServerApp } from '@sanxiang/workflows/src/codec-server/app';
import {
  saCaseNumber,
  saDeadlineAt,
  saMajor,
  saStage,
} from '@sanxiang/workflows/src/lifecycle/workflow/search-attributes';
import {
  assignReviewer,
  caseKeys,
  decidePlannedNonPublication,
  downloadEvidence,
  endActivity,
  fileRecord,
  getCaseFile,
  getDisclosure,
  getPublicDecision,
  getReview,
  issueOpinion,
  listDisclosures,
  listRecords,
  openCase,
  passInternalReview,
  publicPage,
  recordDecision,
  recordFindings,
  searchPublicDecisions,
  sha256Hex,
  startActivity,
  submitProposal,
  uploadEvidence,
  waitForCaseStage,
  waitForDisclosure,
  waitForReview,
  type TEvidenceView,
} from '../../scripts/demo/support/case-steps';
import { eventually } from '../../scripts/demo/support/eventually';
import { startInProcessSystem, type TInProcessSystem } from '../support/in-process-system';
import {
  certificateShown,
  collectiveDiscussion,
  decisionDocument,
  decisionServed,
  evidenceList,
  handlerOpinion,
  headApproval,
  hearing,
  interview,
  investigationReport,
  nineFindings,
  openCaseBody,
  rightsNotification,
  siteInspection,
  type TCaseStory,
} from '../../scripts/demo/support/sample-content';
import { pdfDocument, pngPhoto, textDocument } from '../../scripts/demo/support/sample-files';
import { seedDirectory, testEnforcementScope } from '../support/directory-seed';
import {
  ApiError,
  createStaffApi,
  type TStaffApi,
  type TStaffUser,
} from '../../scripts/demo/support/staff-api';

jest.setTimeout(120_000);

const staff = {
  officerA: {
    id: 'e2e-officer-zhangwei',
    unitId: 'test-unit',
    name: '张伟',
    roles: ['officer'],
    certificateNumber: '32040020231',
  },
  officerB: {
    id: 'e2e-officer-lina',
    unitId: 'test-unit',
    name: '李娜',
    roles: ['officer'],
    certificateNumber: '32040020232',
  },
  unitHead: { id: 'e2e-head-zhoujianguo', unitId: 'test-unit', name: '周建国', roles: ['head'] },
  officeHead: { id: 'e2e-head-wuzhigang', unitId: 'test-fazhi', name: '吴志刚', roles: ['head', 'reviewer'] },
  reviewer: { id: 'e2e-reviewer-liuxiaoyan', unitId: 'test-fazhi', name: '刘晓燕', roles: ['reviewer'] },
  discloser: { id: 'e2e-discloser-sunli', unitId: 'test-gongshi', name: '孙丽', roles: ['discloser'] },
} satisfies Record<string, TStaffUser>;

const repoRoot = path.resolve(__dirname, '../..');
const execFileAsync = promisify(execFile);
const run = randomUUID().slice(0, 6).toUpperCase();
const today = dateInShanghai(new Date());
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/** The representative's resident ID and mobile: in the records, never on the public platform. */
const ID_NUMBER = '320402197805123416';
const MOBILE = '13861234567';

const majorCase: TCaseStory = {
  caseNumber: `常人社监察〔2026〕E${run}号`,
  title: '未按规定开设农民工工资专用账户、拖欠农民工工资',
  handlingUnit: '常州市劳动保障监察支队',
  party: { kind: 'legalPerson', name: '常州华建建设集团有限公司', idNumber: '91320400MA1W8XKQ3T' },
  officers: [staff.officerA, staff.officerB],
  representative: { name: '顾国平', role: 'legalRepresentative', idNumber: ID_NUMBER, phone: MOBILE },
  site: {
    place: '常州市新北区龙虎塘街道锦绣花园三期工地项目部',
    startedAt: minutesAgo(90),
    endedAt: minutesAgo(30),
  },
  siteFindings:
    '该项目施工总承包单位未在工程所在地银行开设农民工工资专用账户；项目部未设置维权信息告示牌；' +
    '现场 46 名农民工反映 2026 年 7 月至 9 月工资未足额发放。',
  interview: [
    {
      question: '你单位是否为该项目开设了农民工工资专用账户？',
      answer: '还没有开设，工资由公司基本户按月转给班组长。',
    },
    {
      question: '7 月至 9 月的农民工工资是否已足额支付？',
      answer: '拖欠了一部分，合计约 186 万元，因建设单位工程款未到位。',
    },
  ],
  facts:
    `经查，常州华建建设集团有限公司作为锦绣花园三期项目施工总承包单位，未按规定开设农民工工资专用账户，` +
    `并拖欠 46 名农民工 2026 年 7 月至 9 月工资共计人民币 1,862,400 元。法定代表人顾国平（身份证号 ${ID_NUMBER}，` +
    `联系电话 ${MOBILE}）对上述事实予以确认。`,
  legalBasis: '《保障农民工工资支付条例》第二十六条、第五十五条第（一）项；《劳动保障监察条例》第二十六条',
  proposedDecision:
    '责令限期支付拖欠的农民工工资 1,862,400 元，责令限期开设农民工工资专用账户，并处罚款人民币 80,000 元。',
  discretion:
    '涉及人数多、金额大，但当事人积极配合调查并已制定支付计划，按裁量基准在 5 万至 10 万元幅度内从中处罚。',
  decision: {
    kind: 'penalty',
    documentNumber: `常人社监罚字〔2026〕第E${run}号`,
    publication: {
      enforcementMethod: '现场检查、询问调查、调取书证、听证',
      content:
        `常州华建建设集团有限公司作为施工总承包单位未按规定开设农民工工资专用账户，拖欠 46 名农民工工资共计 1,862,400 元。` +
        `法定代表人顾国平（身份证号 ${ID_NUMBER}，联系电话 ${MOBILE}）对上述事实无异议。`,
      decision:
        '责令限期支付拖欠的农民工工资 1,862,400 元，责令限期开设农民工工资专用账户，并处罚款人民币 80,000 元。',
      penaltyKind: '罚款',
      legalBasis: '《保障农民工工资支付条例》第五十五条第（一）项',
      performance: '自收到本决定书之日起 15 日内缴纳罚款至指定银行，并于 10 日内支付拖欠工资',
      issuingAuthority: '常州市人力资源和社会保障局',
    },
    disclosure: { mode: 'publish' },
  },
  major: {
    criteria: ['majorRightsAffected', 'afterHearing'],
    hearing: {
      heldAt: minutesAgo(20),
      place: '常州市人力资源和社会保障局听证室',
      presiding: '陈立新',
      clerk: '许静',
      minutes: '当事人对违法事实无异议，请求考虑建设单位拖欠工程款的情况从轻处罚。',
      findings: '违法事实清楚，当事人所述情况已在裁量中考虑。',
    },
  },
};

const minorCaseNumber = `常人社监察〔2026〕M${run}号`;

let system: TInProcessSystem;
let api: TStaffApi;

beforeAll(async () => {
  system = await startInProcessSystem();
  api = createStaffApi({ baseUrls: system.urls, authorization: (user) => bearer(user) });
  await seedDirectory(system.urls.directory, Object.values(staff));
}, 90_000);

afterAll(async () => {
  await system?.terminateCases([majorCase.caseNumber, minorCaseNumber]);
  await system?.stop();
});

const lifecycle = (caseNumber: string): WorkflowHandle =>
  system.temporal.client.workflow.getHandle(lifecycleWorkflowId(caseNumber));
const statusOf = (caseNumber: string) =>
  lifecycle(caseNumber).query<TCaseLifecycleStatus>(lifecycleQueries.status);
const searchAttributesOf = async (caseNumber: string) => {
  const { typedSearchAttributes: sa } = await lifecycle(caseNumber).describe();
  return {
    caseNumber: sa.get(saCaseNumber),
    stage: sa.get(saStage),
    major: sa.get(saMajor),
    deadlineAt: sa.get(saDeadlineAt)?.toISOString(),
  };
};
/** Waits for the workflow's own view of the stage (status query) and returns the status. */
const waitForStage = (caseNumber: string, stage: string, timeoutMs = 20_000) =>
  eventually(
    async () => {
      const s = await statusOf(caseNumber);
      if (s.stage !== stage) throw new Error(`workflow stage is ${s.stage}, want ${stage}`);
      return s;
    },
    { timeoutMs, what: `workflow of ${caseNumber} at ${stage}` },
  );

it('runs a major case from opening to publication through all three services and the worker', async () => {
  const story = majorCase;
  const { caseNumber } = story;
  const [officerA, officerB] = story.officers;
  const key = caseKeys(`e2e-${run}`, caseNumber);

  // ---- 立案: two certified officers open the case; recording starts its lifecycle -------------
  const opened = await openCase(api, officerA, openCaseBody(story), key('open'));
  expect(opened).toMatchObject({ caseNumber, status: 'open', stage: 'investigation' });
  expect(opened.lifecycle.workflowId).toBe(lifecycleWorkflowId(caseNumber));
  await waitForStage(caseNumber, 'investigation');
  expect(await searchAttributesOf(caseNumber)).toMatchObject({
    caseNumber,
    stage: 'investigation',
    major: false,
  });

  // ---- 现场检查: an activity; its end opens the 2-working-day upload clock; the upload closes it --
  const activity = await startActivity(
    api,
    officerA,
    caseNumber,
    {
      kind: 'siteInspection',
      title: '锦绣花园三期工地现场检查',
      place: story.site.place,
      startedAt: story.site.startedAt,
    },
    key('activity'),
  );
  // 出示执法证件 in the activity: its end is refused without it (000 §10, 004 §5, 记录规定 §9(一)).
  await fileRecord(
    api,
    officerA,
    caseNumber,
    certificateShown(story, activity.id),
    key('record', 'certificate'),
  );
  await endActivity(api, officerB, caseNumber, activity.id, story.site.endedAt, key('activity-end'));
  const evidenceClock = await eventually(async () => {
    const s = await statusOf(caseNumber);
    const clock = s.clocks.find((c) => c.id === `evidenceUpload:${activity.id}`);
    if (!clock) throw new Error('no evidence-upload clock yet');
    return { clock, open: s.openEvidenceActivities };
  });
  expect(evidenceClock.clock).toMatchObject({ kind: 'evidenceUpload', status: 'running', workingDays: 2 });
  expect(evidenceClock.open).toEqual([activity.id]);

  const photoBytes = pngPhoto(96, 64, 7);
  const photo = await uploadEvidence(
    api,
    officerA,
    caseNumber,
    {
      activityId: activity.id,
      mediaKind: 'photo',
      fileName: '现场照片-项目部公示栏.png',
      contentType: 'image/png',
      data: photoBytes,
      description: '项目部未设置维权信息告示牌',
    },
    key('evidence', 'photo'),
  );
  expect(photo).toMatchObject({
    size: photoBytes.length,
    sha256: sha256Hex(photoBytes),
    retention: { locked: true },
  });
  const documents: Record<string, TEvidenceView> = {};
  for (const [name, file] of Object.entries({
    report: {
      fileName: '调查终结报告.txt',
      contentType: 'text/plain',
      data: textDocument(`调查终结报告\n${story.facts}`),
    },
    draft: {
      fileName: '行政处罚决定书（代拟稿）.pdf',
      contentType: 'application/pdf',
      data: pdfDocument('Administrative penalty decision (draft)', [
        story.decision.documentNumber,
        'Fine: CNY 80,000',
      ]),
    },
    payroll: {
      fileName: '农民工工资发放表（2026年7-9月）.pdf',
      contentType: 'application/pdf',
      data: pdfDocument('Payroll July-September 2026', ['46 workers', 'Unpaid: CNY 1,862,400']),
    },
  })) {
    documents[name] = await uploadEvidence(
      api,
      officerA,
      caseNumber,
      { activityId: activity.id, mediaKind: 'document', ...file },
      key('evidence', name),
    );
  }
  await eventually(async () => {
    const s = await statusOf(caseNumber);
    if (s.openEvidenceActivities.length > 0 || s.clocks.some((c) => c.kind === 'evidenceUpload'))
      throw new Error('evidence clock still open');
  });
  // The original comes back byte for byte from the Object Lock store, hash-checked by the service.
  const download = await downloadEvidence(api, officerB, photo.id);
  expect(download.sha256).toBe(sha256Hex(photoBytes));
  expect(Buffer.compare(download.data, photoBytes)).toBe(0);

  // ---- investigation records ------------------------------------------------------------------
  await fileRecord(
    api,
    officerA,
    caseNumber,
    siteInspection(story, activity.id, [photo.id]),
    key('record', 'site'),
  );
  await fileRecord(api, officerB, caseNumber, interview(story, activity.id), key('record', 'interview'));
  const list = await fileRecord(
    api,
    officerB,
    caseNumber,
    evidenceList(
      story,
      [
        { title: '现场照片', evidenceId: photo.id, source: '现场拍摄' },
        { title: '农民工工资发放表', evidenceId: documents.payroll!.id, source: '当事人提供' },
      ],
      today,
    ),
    key('record', 'evidence-list'),
  );
  const rights = await fileRecord(
    api,
    officerA,
    caseNumber,
    rightsNotification(story, minutesAgo(25), `常人社监告字〔2026〕第E${run}号`),
    key('record', 'rights'),
  );
  const hearingRecord = await fileRecord(api, officerA, caseNumber, hearing(story), key('record', 'hearing'));
  const opinion = await fileRecord(
    api,
    officerA,
    caseNumber,
    handlerOpinion(story),
    key('record', 'opinion'),
  );
  const report = await fileRecord(
    api,
    officerA,
    caseNumber,
    investigationReport(story, minutesAgo(20), [documents.report!.id]),
    key('record', 'report'),
  );
  const draftDocument = await fileRecord(
    api,
    officerA,
    caseNumber,
    decisionDocument(story, undefined, [documents.draft!.id]),
    key('record', 'draft'),
  );

  // ---- 拟作出决定: a major proposal with the six materials goes to legal review -----------------
  const proposal = await submitProposal(
    api,
    officerA,
    caseNumber,
    {
      officers: opened.officers,
      decisionKind: 'penalty',
      summary: story.proposedDecision,
      major: true,
      majorCriteria: story.major!.criteria,
      hearingOrAssessmentHeld: true,
      materials: [
        { kind: 'investigationReport', documentId: report.id, title: '调查终结报告' },
        { kind: 'proposedDecision', documentId: opinion.id, title: '拟作出处罚决定及情况说明' },
        { kind: 'draftDecisionDocument', documentId: draftDocument.id, title: '行政处罚决定书（代拟稿）' },
        { kind: 'evidence', documentId: list.id, title: '证据材料清单及证据' },
        { kind: 'hearingOrAssessment', documentId: hearingRecord.id, title: '听证笔录及听证报告' },
        { kind: 'otherMaterials', documentId: rights.id, title: '行政处罚告知书及送达回证' },
      ],
    },
    key('proposal', 1),
  );
  expect(proposal).toEqual({ stage: 'legalReview', cycle: 1, round: 1 });
  expect(await searchAttributesOf(caseNumber)).toMatchObject({ stage: 'legalReview', major: true });

  // A decision cannot be made while the review is open: the workflow's validator says so (409).
  await expect(
    recordDecision(api, officerA, caseNumber, {
      decisionDate: today,
      documentNumber: story.decision.documentNumber,
      decisionKind: 'penalty',
      publication: story.decision.publication,
      disclosure: { mode: 'publish' },
    }),
  ).rejects.toMatchObject({ status: 409 });

  // ---- 法制审核: the worker's activity hands the round to legal-review ---------------------------
  const intake = await waitForReview(api, staff.officeHead, caseNumber, 1);
  expect(intake).toMatchObject({ status: 'pending', cycle: 1, clock: 'running', assignee: null });
  const inReview = await statusOf(caseNumber);
  expect(inReview.rounds).toEqual([
    expect.objectContaining({ round: 1, cycle: 1, reviewId: intake.id, submittedBy: officerA.id }),
  ]);
  // Both sides count the same 10 working days from the same receipt.
  const reviewClock = await eventually(async () => {
    const c = (await statusOf(caseNumber)).clocks.find((x) => x.id === 'legalReview:1');
    if (!c) throw new Error('no legal-review clock yet');
    return c;
  });
  expect(reviewClock).toMatchObject({
    kind: 'legalReview',
    status: 'running',
    workingDays: 10,
    dueAt: intake.dueAt,
  });
  expect((await searchAttributesOf(caseNumber)).deadlineAt).toBe(new Date(intake.dueAt).toISOString());
  const detail = await getReview(api, staff.reviewer, intake.id);
  expect(detail.missingMaterials).toEqual([]);
  expect(detail.materials).toHaveLength(6);

  await assignReviewer(api, staff.officeHead, intake.id, staff.reviewer, key('assign', 1));
  await recordFindings(api, staff.reviewer, intake.id, nineFindings());
  const issued = await issueOpinion(
    api,
    staff.reviewer,
    intake.id,
    {
      outcome: 'approve',
      reasons: '主体合法，程序合法，事实清楚，证据确凿，适用法律正确，裁量适当，同意作出处罚决定。',
    },
    key('opinion', 1),
  );
  expect(issued).toMatchObject({ outcome: 'approve', outcomeLabel: '同意', round: 1 });
  expect(issued.findings).toHaveLength(9);

  // The opinion signal moves the workflow on, and the case-file copy reaches recording.
  const afterReview = await waitForStage(caseNumber, 'decision');
  expect(afterReview.rounds[0]).toMatchObject({ round: 1, outcome: 'approve' });
  expect(afterReview.clocks.find((c) => c.kind === 'legalReview')).toBeUndefined();
  expect(await searchAttributesOf(caseNumber)).toMatchObject({ stage: 'decision', major: true });
  const filed = await eventually(async () => {
    const [record] = await listRecords(api, officerA, caseNumber, 'legalReviewOpinion');
    if (!record) throw new Error('opinion not filed into the case file yet');
    return record;
  });
  expect(filed.content).toMatchObject({
    reviewId: intake.id,
    opinionId: issued.id,
    round: 1,
    outcome: 'approve',
    reviewerId: staff.reviewer.id,
  });
  expect(filed.content.reviewPoints).toHaveLength(9);
  const archiveCopy = await eventually(async () => {
    const o = (await getReview(api, staff.reviewer, intake.id)).opinion;
    if (o?.caseFileCopy?.status !== 'filed') throw new Error(`case-file copy ${o?.caseFileCopy?.status}`);
    return o;
  });
  expect(archiveCopy.caseFileCopy?.recordId).toBe(filed.id);

  // ---- 集体讨论, 负责人审批, 决定 -------------------------------------------------------------------
  const discussion = await fileRecord(
    api,
    staff.unitHead,
    caseNumber,
    collectiveDiscussion(story, minutesAgo(5), staff.unitHead.name, [
      '周建国',
      '吴志刚',
      '张伟',
      '李娜',
      '刘晓燕',
    ]),
    key('record', 'discussion'),
  );
  const approval = await fileRecord(
    api,
    staff.unitHead,
    caseNumber,
    headApproval(story, minutesAgo(4)),
    key('record', 'approval'),
  );
  const decided = await recordDecision(
    api,
    officerA,
    caseNumber,
    {
      decisionDate: today,
      documentNumber: story.decision.documentNumber,
      decisionKind: story.decision.kind,
      collectiveDiscussionRecordId: discussion.id,
      headApprovalRecordId: approval.id,
      publication: story.decision.publication,
      disclosure: story.decision.disclosure,
    },
    key('decision', 1),
  );
  expect(decided).toEqual({ stage: 'disclosure', cycle: 1 });
  await fileRecord(
    api,
    officerB,
    caseNumber,
    decisionServed(story, new Date().toISOString()),
    key('record', 'served'),
  );

  // ---- 公示: the worker drafts the disclosure; internal review and the head's approval there -----
  const draft = await waitForDisclosure(api, staff.discloser, caseNumber, 1);
  expect(draft).toMatchObject({
    kind: 'decision',
    status: 'draft',
    reviewStage: 'editing',
    documentNumber: story.decision.documentNumber,
    decisionDate: today,
    workflowId: lifecycleWorkflowId(caseNumber),
    // The case's unit, from recording's case summary: its heads approve, the 公示 office's 孙丽 edits.
    unitId: 'test-unit',
  });
  const inDisclosure = await statusOf(caseNumber);
  const disclosureClock = inDisclosure.clocks.find((c) => c.id === 'disclosure:1');
  expect(disclosureClock).toMatchObject({ kind: 'disclosure', status: 'running', workingDays: 7 });
  expect(draft.dueAt).toBe(disclosureClock!.dueAt);
  expect(inDisclosure.cycles[0]).toMatchObject({ cycle: 1, documentNumber: story.decision.documentNumber });
  // 决定备案 (审核办法 §16, #13 item 8): the lifecycle filed the decision with the legal-review office.
  const filing = await eventually(
    async () => {
      const page = await api.call<{ items: { id: string; caseNumber: string }[] }>(
        'legalReview',
        'GET',
        `/decision-filings?decidedFrom=${today}&decidedTo=${today}&limit=100`,
        { as: staff.reviewer },
      );
      const found = page.body.items.find((f) => f.caseNumber === caseNumber);
      if (!found) throw new Error('decision not filed with the office yet');
      return found;
    },
    { timeoutMs: 20_000, what: 'decision filed with the legal-review office' },
  );
  expect(filing).toMatchObject({
    caseNumber,
    documentNumber: story.decision.documentNumber,
    decisionKind: story.decision.kind,
    decisionDate: today,
    handlingUnit: story.handlingUnit,
  });
  expect((await statusOf(caseNumber)).cycles[0]?.filedWithOffice).toEqual({
    filingId: filing.id,
    at: expect.any(String),
  });
  expect(await searchAttributesOf(caseNumber)).toMatchObject({
    stage: 'disclosure',
    deadlineAt: new Date(disclosureClock!.dueAt).toISOString(),
  });
  await eventually(async () => {
    if (!(await statusOf(caseNumber)).cycles[0]?.servedAt) throw new Error('decisionServed not recorded yet');
  });

  const approved = await passInternalReview(
    api,
    { discloser: staff.discloser, checker: staff.reviewer, head: staff.unitHead },
    draft,
    (step) => key('disclosure', step),
  );
  expect(approved).toMatchObject({ status: 'approved', approvedVersion: 1 });

  // ---- the workflow publishes (POST /internal/disclosures/{id}/publish) -------------------------
  const published = await waitForStage(caseNumber, 'published');
  expect(published.cycles[0]).toMatchObject({ cycle: 1, disclosureId: draft.id });
  expect(published.cycles[0]?.publishedAt).toBeDefined();
  expect(published.clocks).toEqual([]);
  expect(await searchAttributesOf(caseNumber)).toMatchObject({ caseNumber, stage: 'published', major: true });
  expect((await getDisclosure(api, staff.discloser, draft.id)).status).toBe('published');
  // The Temporal UI's filter finds it by its attributes.
  await eventually(async () => {
    const found = [];
    for await (const w of system.temporal.client.workflow.list({
      query: `CaseNumber = "${caseNumber}" AND Stage = "published" AND Major = true`,
    }))
      found.push(w.workflowId);
    if (!found.includes(lifecycleWorkflowId(caseNumber))) throw new Error('not in the visibility store yet');
  });

  // ---- the public platform: found by keyword and by document number, personal data redacted ----
  const byKeyword = await searchPublicDecisions(api, { q: '华建建设' });
  expect(byKeyword.items).toEqual([
    expect.objectContaining({
      id: draft.id,
      state: 'published',
      documentNumber: story.decision.documentNumber,
      partyName: story.party.name,
      issuingAuthority: '常州市人力资源和社会保障局',
    }),
  ]);
  const byNumber = await searchPublicDecisions(api, { q: story.decision.documentNumber });
  expect(byNumber.items.map((i) => i.id)).toEqual([draft.id]);
  // An ID number cannot be searched for: only the redacted text is indexed.
  expect((await searchPublicDecisions(api, { q: ID_NUMBER })).items).toEqual([]);
  const publicRecord = await getPublicDecision(api, draft.id);
  expect(publicRecord).toMatchObject({ state: 'published', documentNumber: story.decision.documentNumber });
  // #14 item 7: the credit code entered at opening reaches the platform through the draft activity.
  expect(publicRecord).toMatchObject({ creditCode: story.party.idNumber });
  expect(publicRecord.content).toContain('3204**********3416');
  expect(publicRecord.content).toContain('138****4567');
  for (const text of [JSON.stringify(byKeyword), JSON.stringify(publicRecord)]) {
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(MOBILE);
  }
  const searchPage = await publicPage(api, '/public', { q: '华建建设' });
  expect(searchPage).toContain(story.decision.documentNumber);
  const decisionPage = await publicPage(api, `/public/decisions/${draft.id}`);
  expect(decisionPage).toContain('3204**********3416');
  for (const html of [searchPage, decisionPage]) {
    expect(html).not.toContain(ID_NUMBER);
    expect(html).not.toContain(MOBILE);
  }

  // ---- the case file tells the same story -------------------------------------------------------
  const file = await waitForCaseStage(api, staff.unitHead, caseNumber, 'published');
  expect(file.stageTransitions?.map((t) => `${t.from}→${t.to}`)).toEqual([
    'investigation→legalReview',
    'legalReview→decision',
    'decision→disclosure',
    'disclosure→published',
  ]);
  expect(file.records?.map((r) => r.kind)).toEqual([
    'certificateShown',
    'siteInspection',
    'interview',
    'evidenceList',
    'rightsNotification',
    'hearing',
    'handlerOpinion',
    'investigationReport',
    'decisionDocument',
    'legalReviewOpinion',
    'collectiveDiscussion',
    'headApproval',
    'service',
  ]);
  expect(file.evidence).toHaveLength(4);
  expect(file.evidence?.every((e) => e.retention.locked)).toBe(true);
});

it('records a minor party’s decision as exempt (不予公开): nothing reaches the public platform', async () => {
  const caseNumber = minorCaseNumber;
  const key = caseKeys(`e2e-${run}`, caseNumber);
  const [officerA, officerB] = [staff.officerA, staff.officerB];
  const opened = await openCase(
    api,
    officerA,
    {
      caseNumber,
      title: '未经许可擅自从事职业中介活动',
      handlingUnit: '常州市劳动保障监察支队',
      ...testEnforcementScope,
      party: { kind: 'naturalPerson', name: '刘子涵', isMinor: true },
      officers: [
        { userId: officerA.id, name: officerA.name, certificateNumber: officerA.certificateNumber },
        { userId: officerB.id, name: officerB.name, certificateNumber: officerB.certificateNumber },
      ],
    },
    key('open'),
  );
  const proposal = await submitProposal(
    api,
    officerA,
    caseNumber,
    {
      officers: opened.officers,
      decisionKind: 'penalty',
      summary: '当事人未满十八周岁，初次违法且危害后果轻微，拟予以警告。',
      major: false,
      majorCriteria: [],
      hearingOrAssessmentHeld: false,
      materials: [],
    },
    key('proposal', 1),
  );
  expect(proposal).toEqual({ stage: 'decision', cycle: 1, round: null });
  expect(await searchAttributesOf(caseNumber)).toMatchObject({ caseNumber, stage: 'decision', major: false });

  const decision = {
    decisionDate: today,
    documentNumber: `常人社监罚字〔2026〕第M${run}号`,
    decisionKind: 'penalty' as const,
    publication: {
      enforcementMethod: '网络巡查、询问调查',
      content: '当事人刘子涵通过网络平台发布招聘信息并收取求职者中介费，未取得人力资源服务许可证。',
      decision: '警告',
      penaltyKind: '警告',
      legalBasis: '《人力资源市场暂行条例》第四十二条',
      performance: '自收到决定书之日起立即停止违法行为',
      issuingAuthority: '常州市人力资源和社会保障局',
    },
  };
  // Recording refuses to publish a minor's decision.
  const refused = await recordDecision(api, officerA, caseNumber, {
    ...decision,
    disclosure: { mode: 'publish' },
  }).catch((err: unknown) => err);
  expect(refused).toBeInstanceOf(ApiError);
  expect((refused as ApiError).status).toBe(400);

  const exemption = {
    mode: 'exempt' as const,
    reason: 'minorParty' as const,
    explanation: '当事人系未成年人（17 周岁）',
  };
  expect(
    await recordDecision(
      api,
      officerA,
      caseNumber,
      { ...decision, disclosure: exemption },
      key('decision', 1),
    ),
  ).toEqual({
    stage: 'disclosure',
    cycle: 1,
  });

  // Not exempt at once (#13 item 2, 003 (三), 004 §10、§16): the plan is a pending non-publication
  // request; the reviewer checks it and the head approves; then the workflow ends as exempt.
  const pending = await waitForDisclosure(api, staff.discloser, caseNumber, 1);
  expect(pending).toMatchObject({ status: 'draft', exemption: null });
  expect((await statusOf(caseNumber)).clocks.map((c) => c.kind)).toEqual(['disclosure']);
  await decidePlannedNonPublication(api, { checker: staff.reviewer, head: staff.unitHead }, pending.id);
  const result = (await lifecycle(caseNumber).result()) as { stage: string };
  expect(result.stage).toBe('exempt');
  const [record] = await listDisclosures(api, staff.discloser, { caseNumber });
  expect(record).toMatchObject({ status: 'exempt', exemption: { reason: 'minorParty' } });
  expect((await searchPublicDecisions(api, { q: '职业中介' })).items).toEqual([]);
  await expect(getPublicDecision(api, record!.id)).rejects.toMatchObject({ status: 404 });
  const file = await waitForCaseStage(api, staff.unitHead, caseNumber, 'exempt');
  expect(file.stageTransitions?.map((t) => t.to)).toEqual(['decision', 'disclosure', 'exempt']);
  expect(await getCaseFile(api, officerB, caseNumber)).toMatchObject({ party: { isMinor: true } });
});

// ---- issue #16: personal data is not in Temporal in plain text -------------------------------------

/**
 * Every Payload object (has `data` and `metadata`) anywhere in a history's events: those the codec
 * encodes, or (`searchAttributes: true`) those under `searchAttributes`, which the server indexes
 * and so are never encoded.
 */
function payloadsIn(value: unknown, options: { searchAttributes: boolean }, inside = false): Payload[] {
  if (!value || typeof value !== 'object' || value instanceof Uint8Array) return [];
  if (Array.isArray(value)) return value.flatMap((v) => payloadsIn(v, options, inside));
  const o = value as Record<string, unknown>;
  if (o.data instanceof Uint8Array && o.metadata && typeof o.metadata === 'object')
    return inside === options.searchAttributes ? [o as Payload] : [];
  return Object.entries(o).flatMap(([k, v]) => payloadsIn(v, options, inside || k === 'searchAttributes'));
}

const personalData = [majorCase.party.name, majorCase.representative!.name, ID_NUMBER, MOBILE] as const;

/** The history exactly as the server stores and serves it (no codec on this path). */
async function rawHistory(caseNumber: string, runId?: string) {
  const events: temporal.api.history.v1.IHistoryEvent[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await system.temporal.connection.workflowService.getWorkflowExecutionHistory({
      namespace: 'default',
      execution: { workflowId: lifecycleWorkflowId(caseNumber), ...(runId ? { runId } : {}) },
      ...(nextPageToken ? { nextPageToken } : {}),
    });
    events.push(...(page.history?.events ?? []));
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return temporal.api.history.v1.History.create({ events });
}

/**
 * Every run of the case's lifecycle, first run first: a published case continues as new, so the
 * latest run's history alone holds little; each run names the one it continues.
 */
async function rawHistories(caseNumber: string) {
  const runs = [await rawHistory(caseNumber)];
  for (;;) {
    const previous =
      runs[0]!.events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId ?? undefined;
    if (!previous) return runs;
    runs.unshift(await rawHistory(caseNumber, previous));
  }
}

it('stores the major case in Temporal with every payload encrypted: no name, ID number or phone in the raw history', async () => {
  const runs = await rawHistories(majorCase.caseNumber);
  expect(runs.length).toBeGreaterThan(1); // published: continued as new
  const history = temporal.api.history.v1.History.create({ events: runs.flatMap((r) => r.events) });
  const bytes = Buffer.from(temporal.api.history.v1.History.encode(history).finish());
  const found = (haystack: Buffer) => personalData.filter((s) => haystack.includes(Buffer.from(s, 'utf8')));
  expect(found(bytes)).toEqual([]);
  // Every payload is encrypted but the SDK's own patch markers (`{"id":"<patch name>"}`, written by
  // the core, no case data).
  const patchMarker = (e: temporal.api.history.v1.IHistoryEvent) =>
    e.markerRecordedEventAttributes?.markerName === 'core_patch';
  const payloads = payloadsIn(
    history.events.filter((e) => !patchMarker(e)),
    { searchAttributes: false },
  );
  expect(payloads.length).toBeGreaterThan(5);
  expect(payloads.filter((p) => payloadKeyId(p) === undefined)).toEqual([]);

  // The check can fail: decoded with the key, the same payloads hold every one of them.
  const codec = payloadCodecFrom({ TEMPORAL_CODEC_KEYS: testStack().temporalCodecKeys });
  const decoded = await codec.decode(payloads);
  expect(found(Buffer.concat(decoded.map((p) => Buffer.from(p.data ?? new Uint8Array()))))).toEqual([
    ...personalData,
  ]);

  // Search attributes are stored and listed unencrypted: only the case's plain facts, none personal
  // (neither the current ones nor any the workflow ever upserted into its history).
  const { raw } = await lifecycle(majorCase.caseNumber).describe();
  const indexed = raw.workflowExecutionInfo?.searchAttributes?.indexedFields ?? {};
  // Ours, plus the server's own BuildIds (worker build ids, no case data).
  const allowed = new Set<string>([...caseSearchAttributes.map((a) => a.name), 'BuildIds']);
  expect(Object.keys(indexed).filter((name) => !allowed.has(name) && !name.startsWith('Temporal'))).toEqual(
    [],
  );
  const upserted = history.events.flatMap((e) =>
    Object.keys(e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {}),
  );
  expect(upserted.length).toBeGreaterThan(0);
  expect(upserted.filter((name) => !allowed.has(name) && !name.startsWith('Temporal'))).toEqual([]);
  const saPayloads = [...Object.values(indexed), ...payloadsIn(history.events, { searchAttributes: true })];
  expect(found(Buffer.concat(saPayloads.map((p) => Buffer.from(p.data ?? new Uint8Array()))))).toEqual([]);
});

it('replays that history after a new key is put first (rotation), and refuses it without the old key', async () => {
  // The first run: from opening to publication, every kind of message and activity.
  const [history] = await rawHistories(majorCase.caseNumber);
  const workflowBundle = await cachedWorkflowBundle(require.resolve('@sanxiang/workflows/src/workflows'));
  const keyA = testStack().temporalCodecKeys;
  const keyB = `rotated-${run.toLowerCase()}:${randomBytes(32).toString('base64')}`;
  const replay = (keys: string) =>
    Worker.runReplayHistory(
      { workflowBundle, dataConverter: temporalDataConverter({ TEMPORAL_CODEC_KEYS: keys }) },
      history!,
      lifecycleWorkflowId(majorCase.caseNumber),
    );
  await expect(replay(`${keyB},${keyA}`)).resolves.toBeUndefined();
  // Without the old key the replay fails. Its workflow-task failure is itself encrypted (failure
  // messages are encoded too, with the replaying worker's first key), so the missing key is named
  // by the codec: it refuses the history's payloads saying which key it lacks.
  await expect(replay(keyB)).rejects.toThrow(/Replay failed/u);
  const encrypted = payloadsIn(history!.events, { searchAttributes: false }).filter(
    (p) => payloadKeyId(p) !== undefined,
  );
  expect(encrypted.length).toBeGreaterThan(0);
  const [codec] = temporalDataConverter({ TEMPORAL_CODEC_KEYS: keyB }).payloadCodecs ?? [];
  await expect(codec!.decode(encrypted.slice(0, 1))).rejects.toThrow(/TEMPORAL_CODEC_KEYS does not list/u);
});

it('shows that history decoded to an admin through the codec server (the Temporal CLI), to nobody else', async () => {
  const logged: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    }),
  );
  const app = createCodecServerApp({ config: testConfig('codec-server'), logger });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const show = async (authorization?: string) => {
    const args = ['workflow', 'show', '--workflow-id', lifecycleWorkflowId(majorCase.caseNumber)];
    args.push('--address', testStack().temporalAddress, '--namespace', 'default', '--output', 'json');
    args.push('--codec-endpoint', endpoint, ...(authorization ? ['--codec-auth', authorization] : []));
    try {
      const { stdout } = await execFileAsync(path.join(repoRoot, '.local/bin/temporal'), args, {
        maxBuffer: 64 * 1024 * 1024,
      });
      // JSON output shows each payload's data in base64: read it as the operator's tools would.
      const data = [...stdout.matchAll(/"data": "([A-Za-z0-9+/=]+)"/gu)].map((m) =>
        Buffer.from(m[1]!, 'base64').toString('utf8'),
      );
      return [stdout, ...data].join('\n');
    } catch (err) {
      return `failed: ${String((err as { stderr?: string }).stderr ?? err)}`;
    }
  };
  try {
    const admin = { id: 'e2e-admin-wang', name: '王管理', roles: ['admin'] } satisfies TStaffUser;
    const asAdmin = await show(await bearer(admin));
    expect(asAdmin).toContain(ID_NUMBER);
    expect(asAdmin).toContain(MOBILE);
    expect(logged.filter((l) => l.event === 'payloads.decoded').map((l) => l.who)).toContainEqual({
      id: 'e2e-admin-wang',
      name: '王管理',
      roles: ['admin'],
    });
    const decodedCount = logged.filter((l) => l.event === 'payloads.decoded').length;
    for (const authorization of [undefined, await bearer(staff.officerA)]) {
      const out = await show(authorization);
      expect({
        authorization: Boolean(authorization),
        leaked: out.includes(ID_NUMBER) || out.includes(MOBILE),
      }).toEqual({
        authorization: Boolean(authorization),
        leaked: false,
      });
    }
    expect(logged.filter((l) => l.event === 'payloads.decoded')).toHaveLength(decodedCount);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
