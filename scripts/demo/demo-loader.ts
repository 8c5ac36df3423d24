/**
 * Loads the demo data set (demo-data.ts) into a running system through the services' real HTTP
 * APIs — never into their databases — as staff would enter it: cases opened by their officers,
 * evidence uploaded into the Object Lock store, records, proposals, legal reviews, decisions,
 * internal review of disclosures; the worker does the rest (review intake, disclosure drafts,
 * publication).
 *
 * Idempotent: every step first checks whether it is already done (the case by its number,
 * activities, evidence and records by name and kind, review and disclosure by their state), and
 * sends an Idempotency-Key anyway, so a second run — or a run after an interrupted one — creates
 * nothing twice. One line per thing created (+) or found (=).
 *
 * The CLI is load-demo-data.ts; test/e2e/demo-data.test.ts loads it twice into the in-process system.
 */
import { createHash } from 'node:crypto';
import { dateInShanghai, type WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { caseStageLabel } from '@sanxiang/shared/src/domain';
import { formatDate, formatDateShort } from '@sanxiang/shared/src/format';
import type { TSubmissionMaterial } from '@sanxiang/shared/src/contracts';
import {
  assignReviewer,
  caseKeys,
  createCatalogueEntry,
  endActivity,
  fileRecord,
  getCaseFile,
  getReview,
  listDisclosures,
  openCase,
  passInternalReview,
  recordDecision,
  recordFindings,
  requestMaterials,
  startActivity,
  submitProposal,
  uploadEvidence,
  uploadEvidenceInParts,
  waitForCaseStage,
  waitForDisclosure,
  waitForReview,
  withdrawDisclosure,
  decidePlannedNonPublication,
  type TCaseFileView,
  type TDisclosureView,
  type TEvidenceView,
  type TRecordView,
} from './support/case-steps';
import { eventually } from './support/eventually';
import {
  certificateShown,
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
  type TRecordInput,
} from './support/sample-content';
import { mp4Video, pdfDocument, pngPhoto, textDocument } from './support/sample-files';
import type { TStaffApi } from './support/staff-api';
import {
  catalogueEntries,
  demoCases,
  users,
  type TDemoCase,
  type TDemoCaseTemplate,
  type TDemoFile,
} from './demo-data';

export interface TDemoOutput {
  heading(text: string): void;
  created(what: string, detail?: string): void;
  found(what: string, detail?: string): void;
  /** Where a thing stands (not counted). */
  info(what: string, detail?: string): void;
}

export interface TDemoLoadOptions {
  api: TStaffApi;
  /** The working-day calendar (for the demo's dates and the materials' due date). */
  calendar: WorkingDayCalendar;
  /** Where the lines go; console by default. */
  log?: (line: string) => void;
  /** The cases to load; the demo set by default (tests rename them, see `renameDemoCases`). */
  cases?: TDemoCaseTemplate[];
  /** Also the 事前公开目录 entries (default true; the soak drives cases only). */
  catalogue?: boolean;
  now?: Date;
}

export interface TDemoLoadResult {
  created: number;
  found: number;
  /** Decisions on the public platform: case number and disclosure id. */
  published: { caseNumber: string; disclosureId: string }[];
}

interface TLoadContext {
  api: TStaffApi;
  t: TTimeline;
  out: TDemoOutput;
}

const stageLabel: Record<string, string> = caseStageLabel;
const disclosureStatusLabel: Record<string, string> = {
  draft: '草稿',
  approved: '已批准，待流程发布',
  published: '已公示',
  withdrawn: '已撤下',
  expired: '公示期满',
  exempt: '不予公开',
};
const reviewStatusLabel: Record<string, string> = {
  pending: '待分配',
  inReview: '审核中',
  awaitingMaterials: '待补充材料',
  issued: '已出具意见',
};

const recordKindLabel: Record<string, string> = {
  certificateShown: '出示证件',
  siteInspection: '现场检查笔录',
  interview: '询问笔录',
  evidenceList: '证据清单',
  rightsNotification: '权利告知',
  hearing: '听证笔录',
  handlerOpinion: '承办人意见',
};

const size = (n: number) => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`);

/** Waits for what the worker does (intake, drafts, publication) may take this long each. */
const WORKER_WAIT_MS = 30_000;

/** A problem the person running the demo can act on (printed without a stack). */
export class DemoError extends Error {}

// ---- times ---------------------------------------------------------------------------------------

/**
 * The demo's site visits happened on the last working day whose morning is over (09:30–11:00
 * Beijing time) and the decisions are dated that day: upload and disclosure clocks then start from a
 * plausible moment and are not born overdue.
 */
function timeline(calendar: WorkingDayCalendar, now = new Date()) {
  const today = dateInShanghai(now);
  const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
  const day =
    calendar.isWorkingDay(today) && now.getTime() > Date.parse(at(today, '11:30'))
      ? today
      : calendar.subtractWorkingDays(today, 1).date;
  return {
    today,
    day,
    at: (hhmm: string) => at(day, hhmm),
    workingDaysFromToday: (n: number) => calendar.addWorkingDays(today, n).date,
  };
}
type TTimeline = ReturnType<typeof timeline>;

/** The story with its times filled in from the timeline. */
function withTimes(c: TDemoCaseTemplate, t: TTimeline): TDemoCase {
  const { site, major, ...rest } = c.story;
  const story: TCaseStory = {
    ...rest,
    site: { place: site.place, startedAt: t.at('09:30'), endedAt: t.at('11:00') },
    ...(major ? { major: { ...major, hearing: { ...major.hearing, heldAt: t.at('15:00') } } } : {}),
  };
  return { ...c, story };
}

/** Files larger than this are uploaded in parts (resumable), as the console does. */
const PARTS_ABOVE_BYTES = 8 * 1024 * 1024;

function fileBytes(f: TDemoFile, seed: number): Buffer {
  if (f.contentType === 'video/mp4') return mp4Video(f.size ?? 1024 * 1024, seed);
  if (f.contentType === 'image/png') return pngPhoto(96, 64, seed);
  if (f.contentType === 'application/pdf') return pdfDocument(f.text[0] ?? f.fileName, f.text.slice(1));
  return textDocument(f.text.join('\n'));
}

// ---- one case ------------------------------------------------------------------------------------

async function loadCase(ctx: TLoadContext, c: TDemoCase, index: number): Promise<string | undefined> {
  const { api, t, out } = ctx;
  const { story } = c;
  const { caseNumber } = story;
  const [officerA, officerB] = story.officers;
  const key = caseKeys('demo', caseNumber);
  out.heading(`[${caseNumber}] ${c.label}`);

  // 立案
  let file = await getCaseFile(api, users.unitHead, caseNumber);
  if (file) {
    out.found(
      `案件 ${caseNumber}`,
      `${story.party.name} — ${story.title}（当前阶段：${stageLabel[file.stage] ?? file.stage}）`,
    );
  } else {
    await openCase(api, officerA, openCaseBody(story), key('open'));
    file = await getCaseFile(api, users.unitHead, caseNumber);
    out.created(
      `案件 ${caseNumber}`,
      `${story.party.name} — ${story.title}（立案：${officerA.name}、${officerB.name}）`,
    );
  }
  if (!file) throw new DemoError(`${caseNumber}: the case file was not found after opening it`);

  // 执法活动 and its evidence
  let activity = file.activities?.find((a) => a.title === c.activity.title);
  if (activity) out.found(`执法活动 ${c.activity.title}`);
  else {
    activity = await startActivity(
      api,
      officerA,
      caseNumber,
      { ...c.activity, startedAt: story.site.startedAt },
      key('activity'),
    );
    out.created(`执法活动 ${c.activity.title}`, `${story.site.place}`);
  }
  // 出示执法证件 in the activity, before it ends (000 §10, 004 §5: the end is refused without it).
  const shownBefore = (file.records ?? []).find((r) => r.kind === 'certificateShown');
  const shown =
    shownBefore ??
    (await fileRecord(
      api,
      officerA,
      caseNumber,
      certificateShown(story, activity.id),
      key('record', 'certificateShown'),
    ));
  if (!activity.endedAt)
    await endActivity(api, officerA, caseNumber, activity.id, story.site.endedAt, key('activity-end'));

  const evidence: Record<string, TEvidenceView> = {};
  for (const [i, f] of c.files.entries()) {
    const existing = file.evidence?.find((e) => e.fileName === f.fileName);
    if (existing) {
      out.found(`证据 ${f.fileName}`, `${size(existing.size)}，SHA-256 ${existing.sha256.slice(0, 12)}…`);
      evidence[f.fileName] = existing;
      continue;
    }
    const data = fileBytes(f, index * 10 + i + 1);
    const upload = {
      activityId: activity.id,
      mediaKind: f.mediaKind,
      fileName: f.fileName,
      contentType: f.contentType,
      data,
      description: f.description,
      ...(f.mediaKind === 'video'
        ? { recordedFrom: story.site.startedAt, recordedUntil: story.site.endedAt }
        : {}),
    };
    const e =
      data.length > PARTS_ABOVE_BYTES
        ? await uploadEvidenceInParts(api, officerA, caseNumber, upload, key('evidence', i))
        : await uploadEvidence(api, officerA, caseNumber, upload, key('evidence', i));
    evidence[f.fileName] = e;
    out.created(
      `证据 ${f.fileName}`,
      `${size(e.size)}，已存入对象锁定存储${e.retention.retainUntil ? `（保留至 ${formatDate(e.retention.retainUntil)}）` : ''}`,
    );
  }
  const byRole = (role: TDemoFile['role']) =>
    c.files.filter((f) => f.role === role).map((f) => evidence[f.fileName]!);
  const photos = byRole('sitePhoto');

  // Investigation records (one of each kind).
  const records = new Map<string, TRecordView>((file.records ?? []).map((r) => [r.kind, r]));
  records.set('certificateShown', shown);
  const wanted: TRecordInput[] = [
    certificateShown(story, activity.id),
    siteInspection(
      story,
      activity.id,
      photos.map((p) => p.id),
    ),
    interview(story, activity.id),
    evidenceList(
      story,
      Object.values(evidence).map((e) => ({
        title: e.fileName,
        evidenceId: e.id,
        source: e.description ?? '现场调取',
      })),
      t.day,
    ),
    rightsNotification(
      story,
      t.at('14:00'),
      `常人社监告字〔2026〕第${caseNumber.match(/〕(\d+)/u)?.[1] ?? '1'}号`,
    ),
    ...(story.major ? [hearing(story)] : []),
    handlerOpinion(story),
    ...(story.major
      ? [
          investigationReport(
            story,
            t.at('16:00'),
            byRole('investigationReport').map((e) => e.id),
          ),
          decisionDocument(
            story,
            undefined,
            byRole('draftDecisionDocument').map((e) => e.id),
          ),
        ]
      : []),
  ];
  let newRecords = shownBefore ? 0 : 1;
  for (const r of wanted) {
    if (records.has(r.kind)) continue;
    const filedRecord = await fileRecord(
      api,
      r.kind === 'interview' ? officerB : officerA,
      caseNumber,
      r,
      key('record', r.kind),
    );
    records.set(r.kind, filedRecord);
    newRecords += 1;
  }
  (newRecords > 0 ? out.created : out.found)(
    `调查记录 ${wanted.length} 份`,
    wanted.map((r) => recordKindLabel[r.kind] ?? r.kind).join('、') +
      (newRecords > 0 && newRecords < wanted.length ? `（新登记 ${newRecords} 份）` : ''),
  );

  // 拟作出决定
  if (file.stage === 'investigation') {
    const materials: TSubmissionMaterial[] = story.major
      ? [
          {
            kind: 'investigationReport',
            documentId: records.get('investigationReport')!.id,
            title: '调查终结报告',
          },
          {
            kind: 'proposedDecision',
            documentId: records.get('handlerOpinion')!.id,
            title: '拟作出处罚决定及情况说明',
          },
          {
            kind: 'draftDecisionDocument',
            documentId: records.get('decisionDocument')!.id,
            title: '行政处罚决定书（代拟稿）',
          },
          { kind: 'evidence', documentId: records.get('evidenceList')!.id, title: '证据材料清单及证据' },
          {
            kind: 'hearingOrAssessment',
            documentId: records.get('hearing')!.id,
            title: '听证笔录及听证报告',
          },
          {
            kind: 'otherMaterials',
            documentId: records.get('rightsNotification')!.id,
            title: '行政处罚告知书',
          },
        ]
      : [{ kind: 'proposedDecision', documentId: records.get('handlerOpinion')!.id, title: '承办人意见' }];
    const result = await submitProposal(
      api,
      officerA,
      caseNumber,
      {
        officers: file.officers,
        decisionKind: story.decision.kind,
        summary: story.proposedDecision,
        major: Boolean(story.major),
        majorCriteria: story.major?.criteria ?? [],
        hearingOrAssessmentHeld: Boolean(story.major),
        materials,
      },
      key('proposal', 1),
    );
    out.created(
      '拟作出决定',
      `${story.major ? '重大执法决定，' : ''}流程进入“${stageLabel[result.stage] ?? result.stage}”`,
    );
    file = await waitForCaseStage(api, users.unitHead, caseNumber, result.stage, WORKER_WAIT_MS);
  }

  if (story.major) return loadReview(ctx, c, key);
  return loadDecisionAndDisclosure(ctx, c, file, key);
}

/** A major case stays in legal review: assigned, partly answered, or waiting for materials. */
async function loadReview(
  ctx: TLoadContext,
  c: TDemoCase,
  key: ReturnType<typeof caseKeys>,
): Promise<undefined> {
  const { api, t, out } = ctx;
  const { caseNumber } = c.story;
  const plan = c.review!;
  const queued = await waitForReview(api, users.officeHead, caseNumber, 1, WORKER_WAIT_MS);
  if (queued.assignee) out.found(`法制审核 第 1 轮`, `承办：${queued.assignee.name}`);
  else {
    await assignReviewer(api, users.officeHead, queued.id, plan.reviewer, key('assign', 1));
    out.created(`法制审核 第 1 轮`, `已受理，分配给 ${plan.reviewer.name}（${users.officeHead.name} 分配）`);
  }
  let review = await getReview(api, plan.reviewer, queued.id);
  if (plan.answered && (review.findings ?? []).length === 0) {
    await recordFindings(
      api,
      plan.reviewer,
      queued.id,
      nineFindings().filter((f) => plan.answered!.includes(f.point)),
    );
    out.created(`审核要点`, `已填写 ${plan.answered.length} / 9 项`);
  }
  if (plan.materialRequest) {
    if (review.materialRequests.length > 0)
      out.found('补充材料要求', `期限 ${review.materialRequests[0]!.dueDate}`);
    else {
      const dueDate = t.workingDaysFromToday(plan.materialRequest.workingDays);
      await requestMaterials(
        api,
        plan.reviewer,
        queued.id,
        { missing: plan.materialRequest.missing, dueDate, note: plan.materialRequest.note },
        key('material-request', 1),
      );
      out.created('补充材料要求', `${plan.materialRequest.note}（期限 ${dueDate}，审核期限暂停）`);
    }
  }
  review = await getReview(api, plan.reviewer, queued.id);
  out.info(
    `审核状态`,
    `${reviewStatusLabel[review.status] ?? review.status}，审核期限 ${review.dueDate}${review.clock === 'paused' ? '（已暂停）' : ''}`,
  );
  return undefined;
}

/** Non-major cases: decision, service, internal review of the disclosure, publication, withdrawal. */
async function loadDecisionAndDisclosure(
  ctx: TLoadContext,
  c: TDemoCase,
  initial: TCaseFileView,
  key: ReturnType<typeof caseKeys>,
): Promise<string | undefined> {
  const { api, t, out } = ctx;
  const { story } = c;
  const { caseNumber } = story;
  const [officerA, officerB] = story.officers;
  let file = initial;
  const hasRecord = async (kind: string) =>
    ((await getCaseFile(api, users.unitHead, caseNumber))?.records ?? []).find((r) => r.kind === kind);

  // Cycle 1's decision (a redone case back at `decision` in cycle 2 is decided in loadRedoneDecision).
  const decidedNow = file.stage === 'decision' && file.cycle === 1;
  if (decidedNow) {
    const approval =
      (await hasRecord('headApproval')) ??
      (await fileRecord(
        api,
        users.unitHead,
        caseNumber,
        headApproval(story, t.at('16:00')),
        key('record', 'headApproval'),
      ));
    const decided = await recordDecision(
      api,
      officerA,
      caseNumber,
      {
        decisionDate: t.day,
        documentNumber: story.decision.documentNumber,
        decisionKind: story.decision.kind,
        headApprovalRecordId: approval.id,
        publication: story.decision.publication,
        disclosure: story.decision.disclosure,
      },
      key('decision', 1),
    );
    out.created(
      `决定 ${story.decision.documentNumber}`,
      `${t.day}，负责人 ${users.unitHead.name} 批准；流程进入“${stageLabel[decided.stage]}”`,
    );
    file = await eventually(
      async () => {
        const f = await getCaseFile(api, users.unitHead, caseNumber);
        if (!f || f.stage === 'decision') throw new Error(`case file still at ${f?.stage}`);
        return f;
      },
      { timeoutMs: WORKER_WAIT_MS, what: `${caseNumber} past the decision` },
    );
  } else {
    out.found(`决定 ${story.decision.documentNumber}`);
  }
  if (story.decision.disclosure.mode !== 'exempt' && !(await hasRecord('service'))) {
    await fileRecord(
      api,
      officerB,
      caseNumber,
      decisionServed(story, t.at('16:30')),
      key('record', 'service'),
    );
    out.created('送达记录', `直接送达，${story.representative.name} 签收`);
  }

  let disclosure = await waitForDisclosure(api, users.discloser, caseNumber, 1, WORKER_WAIT_MS);
  if (story.decision.disclosure.mode === 'exempt' && disclosure.status === 'draft') {
    // The plan's 不予公开 is a request: checked and approved like a publication (#13 item 2).
    await decidePlannedNonPublication(
      api,
      { checker: users.reviewerLiu, head: users.unitHead },
      disclosure.id,
      key('non-publication', 1),
    );
    disclosure = await currentDisclosure(api, caseNumber);
  }
  if (disclosure.status === 'exempt') {
    (decidedNow ? out.created : out.found)(
      '公示',
      `不予公开（${users.reviewerLiu.name} 审核、${users.unitHead.name} 批准）：${disclosure.exemption?.explanation ?? disclosure.exemption?.reason}`,
    );
    await waitForCaseStage(api, users.unitHead, caseNumber, 'exempt', WORKER_WAIT_MS);
    return undefined;
  }
  if (disclosure.status === 'draft' && c.target === 'disclosureDraft') {
    out.info('公示', `草稿待公示人员编辑、提交审核（${disclosure.title}）`);
    return disclosure.id;
  }
  if (disclosure.status === 'draft') {
    disclosure = await passInternalReview(
      api,
      { discloser: users.discloser, checker: users.reviewerLiu, head: users.unitHead },
      disclosure,
      (step) => key('disclosure', step),
    );
    await waitForCaseStage(api, users.unitHead, caseNumber, 'published', WORKER_WAIT_MS);
    disclosure = await currentDisclosure(api, caseNumber);
    out.created(
      '公示',
      `${users.discloser.name} 提交、${users.reviewerLiu.name} 审核、${users.unitHead.name} 批准，流程已发布（${disclosure.publishedAt ? formatDate(disclosure.publishedAt) : ''}）`,
    );
  } else {
    if (disclosure.status === 'approved') {
      // Approved, and the workflow has not published it yet (its publish call may be waiting out a
      // retry): wait for the publication — "approved" is neither published nor withdrawn.
      await waitForCaseStage(api, users.unitHead, caseNumber, 'published', WORKER_WAIT_MS);
      disclosure = await currentDisclosure(api, caseNumber);
    }
    out.found(
      '公示',
      `${disclosureStatusLabel[disclosure.status] ?? disclosure.status}` +
        (disclosure.publishedAt ? `，发布于 ${formatDate(disclosure.publishedAt)}` : ''),
    );
  }

  if (c.target === 'withdrawnToBeRedone' || c.target === 'redonePublished') {
    if (disclosure.status !== 'published' && disclosure.status !== 'withdrawn')
      throw new DemoError(
        `${caseNumber}: disclosure is ${disclosure.status}, neither published (to withdraw) nor withdrawn`,
      );
    if (disclosure.status === 'published') {
      await withdrawDisclosure(
        api,
        { requester: users.discloser, checker: users.reviewerLiu, head: users.unitHead },
        disclosure.id,
        {
          reason: 'toBeRedone',
          explanation: c.withdrawal!.explanation,
          // The 复议决定 came today (it cannot predate the decision nor be in the future).
          revokingDocument: { ...c.withdrawal!.revokingDocument, date: formatDateShort(new Date()) },
        },
        key('withdrawal', 1),
      );
      out.created('撤下', '经复议撤销，要求重新作出；流程开启第 2 次决定');
    } else {
      out.found('撤下', disclosure.withdrawal?.explanation?.slice(0, 40) ?? '');
    }
    const redone = await eventually(
      async () => {
        const f = await getCaseFile(api, users.unitHead, caseNumber);
        const cycle = f?.cycle ?? 1;
        // Back at proposal in cycle 2, or (redonePublished) already further in it.
        if (!f || cycle < 2 || (f.stage !== 'proposal' && c.target !== 'redonePublished'))
          throw new Error(`case file at ${f?.stage}/${cycle}`);
        return f;
      },
      { timeoutMs: WORKER_WAIT_MS, what: `${caseNumber} back at proposal (cycle 2)` },
    );
    if (c.target === 'redonePublished') return loadRedoneDecision(ctx, c, redone, key);
  }
  return disclosure.id;
}

/**
 * The decision redone (重新作出, cycle 2) after the 复议 decision: a new proposal, a new decision
 * document (its number marked 重), the disclosure's internal review again, and the publication of
 * the new decision — the withdrawn one stays withdrawn.
 */
async function loadRedoneDecision(
  ctx: TLoadContext,
  c: TDemoCase,
  initial: TCaseFileView,
  key: ReturnType<typeof caseKeys>,
): Promise<string> {
  const { api, t, out } = ctx;
  const { story } = c;
  const { caseNumber } = story;
  const [officerA] = story.officers;
  const documentNumber = story.decision.documentNumber.replace(/号$/u, '（重）号');
  let file = initial;
  if (file.stage === 'proposal') {
    const records = file.records ?? [];
    const opinion = records.find((r) => r.kind === 'handlerOpinion');
    if (!opinion) throw new DemoError(`${caseNumber}: no handler opinion to propose again`);
    const result = await submitProposal(
      api,
      officerA,
      caseNumber,
      {
        officers: file.officers,
        decisionKind: story.decision.kind,
        summary: story.proposedDecision,
        major: false,
        majorCriteria: [],
        hearingOrAssessmentHeld: false,
        materials: [{ kind: 'proposedDecision', documentId: opinion.id, title: '承办人意见（重新作出）' }],
      },
      key('proposal', 2),
    );
    out.created('拟重新作出决定', `第 2 次决定，流程进入“${stageLabel[result.stage] ?? result.stage}”`);
    file = await waitForCaseStage(api, users.unitHead, caseNumber, result.stage, WORKER_WAIT_MS);
  }
  if (file.stage === 'decision') {
    const approval = (file.records ?? []).find((r) => r.kind === 'headApproval');
    if (!approval) throw new DemoError(`${caseNumber}: no head approval record`);
    await recordDecision(
      api,
      officerA,
      caseNumber,
      {
        decisionDate: t.today,
        documentNumber,
        decisionKind: story.decision.kind,
        headApprovalRecordId: approval.id,
        publication: story.decision.publication,
        disclosure: story.decision.disclosure,
      },
      key('decision', 2),
    );
    out.created(`重新作出决定 ${documentNumber}`, t.today);
  } else out.found(`重新作出决定 ${documentNumber}`);
  let disclosure = await waitForDisclosure(api, users.discloser, caseNumber, 2, WORKER_WAIT_MS);
  if (disclosure.status === 'draft') {
    disclosure = await passInternalReview(
      api,
      { discloser: users.discloser, checker: users.reviewerLiu, head: users.unitHead },
      disclosure,
      (step) => key('disclosure', 2, step),
    );
    out.created('公示（第 2 次决定）', `${users.unitHead.name} 批准`);
  }
  await waitForCaseStage(api, users.unitHead, caseNumber, 'published', WORKER_WAIT_MS);
  out.found('公示（第 2 次决定）', '流程已发布');
  return disclosure.id;
}

const currentDisclosure = async (api: TStaffApi, caseNumber: string): Promise<TDisclosureView> => {
  const [d] = await listDisclosures(api, users.discloser, { caseNumber, kind: 'decision' });
  if (!d) throw new DemoError(`${caseNumber}: no disclosure record`);
  return d;
};

// ---- catalogue -----------------------------------------------------------------------------------

async function loadCatalogue(ctx: TLoadContext): Promise<void> {
  const { api, out } = ctx;
  out.heading('事前公开目录');
  const existing = await listDisclosures(api, users.discloser, { kind: 'catalogueEntry' });
  for (const content of catalogueEntries) {
    const title = 'name' in content ? content.name : content.title;
    // Keyed by the entry, not its place in the list: entries come and go between releases, and a
    // demo stack loaded by an older release must not see a key reused for another entry.
    const key = `demo-catalogue-${createHash('sha256').update(String(title)).digest('hex').slice(0, 16)}`;
    let entry = existing.find((d) => d.title === title);
    if (entry?.status === 'published') {
      out.found(`目录条目 ${title}`, `已发布`);
      continue;
    }
    const wasThere = Boolean(entry);
    entry ??= await createCatalogueEntry(api, users.discloser, { ...content }, key);
    entry = await passInternalReview(
      api,
      { discloser: users.discloser, checker: users.reviewerLiu, head: users.unitHead },
      entry,
      (step) => `${key}:${step}`,
    );
    (wasThere ? out.found : out.created)(
      `目录条目 ${title}`,
      entry.status === 'published' ? '已审核发布' : entry.status,
    );
  }
}

// ---- the whole set -------------------------------------------------------------------------------

export async function loadDemoData(options: TDemoLoadOptions): Promise<TDemoLoadResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const counts = { created: 0, found: 0 };
  const line = (mark: '+' | '=' | '·', what: string, detail?: string) =>
    log(`  ${mark} ${what}${detail ? `  ${detail}` : ''}`);
  const out: TDemoOutput = {
    heading: (text) => log(`\n${text}`),
    created: (what, detail) => {
      counts.created += 1;
      line('+', what, detail);
    },
    found: (what, detail) => {
      counts.found += 1;
      line('=', what, detail);
    },
    info: (what, detail) => line('·', what, detail),
  };
  const ctx: TLoadContext = { api: options.api, t: timeline(options.calendar, options.now), out };
  const published: TDemoLoadResult['published'] = [];
  for (const [i, template] of (options.cases ?? demoCases).entries()) {
    const disclosureId = await loadCase(ctx, withTimes(template, ctx.t), i + 1);
    if (disclosureId && template.target === 'published')
      published.push({ caseNumber: template.story.caseNumber, disclosureId });
  }
  if (options.catalogue !== false) await loadCatalogue(ctx);
  return { ...counts, published };
}

/** The demo cases with `suffix` in their case and document numbers (workflow ids are global). */
export const renameDemoCases = (suffix: string, cases = demoCases): TDemoCaseTemplate[] =>
  cases.map((c) => ({
    ...c,
    story: {
      ...c.story,
      caseNumber: c.story.caseNumber.replace(/号$/u, `-${suffix}号`),
      decision: {
        ...c.story.decision,
        documentNumber: c.story.decision.documentNumber.replace(/号$/u, `-${suffix}号`),
      },
    },
  }));
