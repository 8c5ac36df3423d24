import request from 'supertest';
import { createUpload, uploadEvidence, mp4Bytes } from './support/evidence-helpers';
import {
  caseBody,
  eventually,
  majorAssessment,
  openCaseWithActivity,
  showCertificates,
  startRecordingTestEnv,
  users,
  type TRecordingTestEnv,
} from './support/recording-test-env';

/**
 * Issue #13 items 5 and 8 (docs/rules.md): mandatory audio/video (seeds/004 记录规定 §13–§14,
 * seeds/001 二(二)3) and the records the rules name — 催告 before court enforcement, the party's
 * remedies (记录规定 §11, §15, §18).
 */

let env: TRecordingTestEnv;
beforeAll(async () => {
  env = await startRecordingTestEnv();
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

const casePath = (caseNumber: string) => `/cases/${encodeURIComponent(caseNumber)}`;
const post = async (path: string, body: object, as: (typeof users)[keyof typeof users] = users.officerA) =>
  request(env.app)
    .post(path)
    .set('authorization', await env.auth(as))
    .send(body);

const startActivity = async (caseNumber: string, body: object) => {
  const res = await post(`${casePath(caseNumber)}/activities`, {
    title: '抽样取证',
    place: '常州市新北区某工地',
    startedAt: '2026-11-20T09:00:00+08:00',
    ...body,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; audioVisualRequired: boolean };
};

const proposal = (caseNumber: string) => ({
  officers: caseBody(caseNumber).officers,
  decisionKind: 'handling',
  summary: '责令支付拖欠工资',
  major: false,
  majorCriteria: [],
  majorAssessment: majorAssessment(),
  hearingOrAssessmentHeld: false,
  materials: [],
});

describe('mandatory audio/video (记录规定 §13–§14, 001 二(二)3)', () => {
  it('audioVisualMandatory: a sampling activity cannot end nor the proposal go without A/V or a head-approved reason (记录规定 §14(三))', async () => {
    const { caseNumber } = await openCaseWithActivity(env, 'interview');
    const sampling = await startActivity(caseNumber, { kind: 'sampling' });
    expect(sampling.audioVisualRequired).toBe(true);
    await showCertificates(env, caseNumber, sampling.id);
    const end = (body: object = {}) =>
      post(`${casePath(caseNumber)}/activities/${sampling.id}/end`, {
        endedAt: '2026-11-20T10:00:00+08:00',
        ...body,
      });
    const refused = await end();
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('记录规定第十四条');
    expect(refused.body.detail).toContain('抽样取证');

    // The proposal is refused as well while the sampling has no A/V.
    const early = await post(`${casePath(caseNumber)}/proposals`, proposal(caseNumber));
    expect(early.status).toBe(422);
    expect(early.body.detail).toContain('记录规定第十四条');

    // A reason for the missing A/V is not enough until a head approves it.
    const reason = await post(`${casePath(caseNumber)}/records`, {
      kind: 'audioVisualExemption',
      activityId: sampling.id,
      content: { reason: '执法记录仪进水损坏，备用设备未到，抽样过程以笔录和照片记录' },
    });
    expect(reason.status).toBe(201);
    expect((await end()).status).toBe(422);
    const officerApproves = await post(`${casePath(caseNumber)}/records`, {
      kind: 'headApproval',
      content: {
        subject: 'audioVisualExemption',
        approved: true,
        opinion: '同意',
        approvedAt: '2026-11-20T09:50:00+08:00',
        relatedRecordId: reason.body.id,
      },
    });
    expect(officerApproves.status).toBe(403);
    const approval = await post(
      `${casePath(caseNumber)}/records`,
      {
        kind: 'headApproval',
        content: {
          subject: 'audioVisualExemption',
          approved: true,
          opinion: '同意，事后补充书面说明',
          approvedAt: '2026-11-20T09:50:00+08:00',
          relatedRecordId: reason.body.id,
        },
      },
      users.head,
    );
    expect(approval.status).toBe(201);
    expect((await end()).status).toBe(200);
  });

  it('audioVisualMandatory: A/V on record, or declared at the end, lets the activity end; non-cooperation makes it mandatory (记录规定 §14(二))', async () => {
    const { caseNumber, activityId } = await openCaseWithActivity(env, 'siteInspection');
    await showCertificates(env, caseNumber, activityId);
    const refusal = await post(`${casePath(caseNumber)}/records`, {
      kind: 'refusalToCooperate',
      activityId,
      content: {
        at: '2026-11-20T09:30:00+08:00',
        place: '工地项目部',
        refusedBy: '王某',
        refused: 'providingEvidence',
        reason: '称工资表不在现场',
      },
    });
    expect(refusal.status).toBe(201);
    const ended = await post(`${casePath(caseNumber)}/activities/${activityId}/end`, {
      endedAt: '2026-11-20T10:00:00+08:00',
    });
    expect(ended.status).toBe(422);
    // Recorded, to be uploaded within 2 working days: the end is accepted, the proposal still waits.
    const declared = await post(`${casePath(caseNumber)}/activities/${activityId}/end`, {
      endedAt: '2026-11-20T10:00:00+08:00',
      audioVisualRecorded: true,
    });
    expect(declared.status).toBe(200);
    const early = await post(`${casePath(caseNumber)}/proposals`, proposal(caseNumber));
    expect(early.status).toBe(422);
    const video = await uploadEvidence(env, {
      caseNumber,
      activityId,
      content: mp4Bytes(2048),
      extra: { recordedFrom: '2026-11-20T09:00:00+08:00', recordedUntil: '2026-11-20T10:00:00+08:00' },
    });
    expect(video.res.status).toBe(201);
    const submitted = await post(`${casePath(caseNumber)}/proposals`, proposal(caseNumber));
    expect(submitted.status).toBe(200);
  });

  it('textSuffices: an interview the agency lists as documented by text alone needs no A/V (001 二(二)3)', async () => {
    const { caseNumber, activityId } = await openCaseWithActivity(env, 'interview');
    await showCertificates(env, caseNumber, activityId);
    const ended = await post(`${casePath(caseNumber)}/activities/${activityId}/end`, {
      endedAt: '2026-11-20T10:00:00+08:00',
    });
    expect(ended.status).toBe(200);
    expect(ended.body.audioVisualRequired).toBe(false);
    // The agency's list adds kinds (听证), the statutory ones stay whatever the list says.
    const hearing = await startActivity(caseNumber, { kind: 'hearing', title: '听证会' });
    expect(hearing.audioVisualRequired).toBe(true);
    const preservation = await startActivity(caseNumber, { kind: 'evidencePreservation' });
    expect(preservation.audioVisualRequired).toBe(true);
  });

  it('audioVisualInterruption: a recording that cannot continue names the head it was reported to (记录规定 §13)', async () => {
    const { caseNumber, activityId } = await openCaseWithActivity(env, 'sampling');
    const unreported = await post(`${casePath(caseNumber)}/records`, {
      kind: 'audioVisualInterruption',
      activityId,
      content: {
        interruptedAt: '2026-11-20T09:20:00+08:00',
        cause: 'battery',
        explanation: '执法记录仪电量耗尽',
        permanent: true,
      },
    });
    expect(unreported.status).toBe(400);
    expect(JSON.stringify(unreported.body)).toContain('记录规定第十三条');
    const noActivity = await post(`${casePath(caseNumber)}/records`, {
      kind: 'audioVisualInterruption',
      content: {
        interruptedAt: '2026-11-20T09:20:00+08:00',
        cause: 'battery',
        explanation: '执法记录仪电量耗尽',
        permanent: false,
        resumedAt: '2026-11-20T09:25:00+08:00',
      },
    });
    expect(noActivity.status).toBe(400);
    const reported = await post(`${casePath(caseNumber)}/records`, {
      kind: 'audioVisualInterruption',
      activityId,
      content: {
        interruptedAt: '2026-11-20T09:20:00+08:00',
        cause: 'battery',
        explanation: '执法记录仪电量耗尽，备用电池亦无电，无法继续记录',
        permanent: true,
        reportedToHead: { personId: users.head.id, name: users.head.name, at: '2026-11-20T09:22:00+08:00' },
      },
    });
    expect(reported.status).toBe(201);
    const audit = await env.db.auditEvent.findFirst({
      where: { action: 'audioVisual.reportedToHead', subject: `record:${reported.body.id}` },
    });
    expect(audit).not.toBeNull();
  });
});

describe('records the rules name (记录规定 §11, §15, §18)', () => {
  it('urgingBeforeCourtEnforcement: the court is applied to only after a 催告书 was served (记录规定 §11, §18)', async () => {
    const { caseNumber } = await openCaseWithActivity(env, 'interview');
    const court = {
      kind: 'courtEnforcement',
      content: {
        appliedAt: '2026-12-20T09:00:00+08:00',
        court: '常州市新北区人民法院',
        documents: [{ title: '强制执行申请书' }],
      },
    };
    const early = await post(`${casePath(caseNumber)}/records`, court);
    expect(early.status).toBe(422);
    expect(early.body.detail).toContain('催告');
    const urging = await post(`${casePath(caseNumber)}/records`, {
      kind: 'urgingNotice',
      content: {
        documentNumber: '常人社催〔2026〕3号',
        issuedAt: '2026-12-01T09:00:00+08:00',
        servedAt: '2026-12-02T10:00:00+08:00',
        serviceMethod: 'direct',
        obligations: '十日内缴纳罚款人民币五万元',
        performBy: '2026-12-12',
        partyStatement: { kind: 'noResponse' },
        remediesNotified: '可依法申请行政复议或提起行政诉讼',
      },
    });
    expect(urging.status).toBe(201);
    const beforeServed = await post(`${casePath(caseNumber)}/records`, {
      ...court,
      content: { ...court.content, appliedAt: '2026-12-01T09:00:00+08:00' },
    });
    expect(beforeServed.status).toBe(422);
    expect((await post(`${casePath(caseNumber)}/records`, court)).status).toBe(201);
  });

  it('remedy: reconsideration and litigation are recorded with their outcome as a new version (记录规定 §11(三))', async () => {
    const { caseNumber } = await openCaseWithActivity(env, 'interview');
    const remedy = {
      kind: 'reconsideration',
      filedAt: '2026-12-05',
      body: '常州市人民政府',
      claims: '撤销行政处罚决定',
      outcome: 'pending',
    };
    const pending = await post(`${casePath(caseNumber)}/records`, { kind: 'remedy', content: remedy });
    expect(pending.status).toBe(201);
    const noSummary = await post(`${casePath(caseNumber)}/records`, {
      kind: 'remedy',
      supersedesRecordId: pending.body.id,
      content: { ...remedy, outcome: 'upheld' },
    });
    expect(noSummary.status).toBe(400);
    const decided = await post(`${casePath(caseNumber)}/records`, {
      kind: 'remedy',
      supersedesRecordId: pending.body.id,
      content: {
        ...remedy,
        outcome: 'upheld',
        decidedAt: '2027-01-20',
        outcomeDocumentNumber: '常政复决〔2027〕5号',
        outcomeSummary: '维持原行政处罚决定',
      },
    });
    expect(decided.status).toBe(201);
    expect(decided.body.kind).toBe('remedy');
  });

  // #13 item 6, revokedBeforePublication (003 (六), 004 §14): a revoking outcome cites its document and
  // tells the lifecycle (signal decisionRevoked), which stops a disclosure still pending.
  it('revokedBeforePublication: a revoked decision names its document and the lifecycle is told (003 (六))', async () => {
    const { caseNumber } = await openCaseWithActivity(env, 'interview');
    const remedy = {
      kind: 'reconsideration',
      filedAt: '2026-12-05',
      body: '常州市人民政府',
      claims: '撤销行政处罚决定',
      outcome: 'revoked',
      decidedAt: '2027-01-20',
      outcomeSummary: '复议机关以认定事实不清为由撤销原行政处罚决定。',
    };
    const noDocument = await post(`${casePath(caseNumber)}/records`, { kind: 'remedy', content: remedy });
    expect(noDocument.status).toBe(400);
    expect(JSON.stringify(noDocument.body)).toContain('须填写复议决定书或判决书文号');
    const upheld = await post(`${casePath(caseNumber)}/records`, {
      kind: 'remedy',
      content: { ...remedy, outcome: 'upheld', outcomeSummary: '维持原行政处罚决定' },
    });
    expect(upheld.status).toBe(201);
    const revoked = await post(`${casePath(caseNumber)}/records`, {
      kind: 'remedy',
      content: { ...remedy, outcomeDocumentNumber: '常政复决〔2027〕6号' },
    });
    expect(revoked.status).toBe(201);
    const signals = await eventually(async () => {
      const s = (await env.probe(caseNumber)).filter(
        (e) => e.type === 'signal' && e.name === 'decisionRevoked',
      );
      expect(s).toHaveLength(1); // the upheld outcome sent nothing
      return s;
    });
    expect(signals[0]!.payload).toEqual({
      cycle: 1,
      reason: 'revoked',
      document: { documentNumber: '常政复决〔2027〕6号', date: '2027-01-20', authority: '常州市人民政府' },
      explanation: '复议机关以认定事实不清为由撤销原行政处罚决定。',
      recordId: revoked.body.id,
      recordedBy: users.officerA.id,
      at: expect.any(String),
    });
  });
});

describe('whether a case is major is not the handler’s word alone (审核办法 §4–§5, §19)', () => {
  const hearingRecord = {
    kind: 'hearing',
    content: {
      heldAt: '2026-11-25T09:00:00+08:00',
      place: '听证室',
      presidingOfficer: '吴主持',
      clerk: '郑书记',
      participants: [{ name: '刘某', role: 'legalRepresentative' }],
      minutes: '当事人对违法事实无异议，对罚款数额提出异议。',
      report: { findings: '事实清楚', opinion: '维持拟处罚意见' },
    },
  };

  it('majorAnswers: the proposal answers all six criteria; a hearing held or a catalogue entry makes it major (审核办法 §4(四), 重大执法决定事项目录)', async () => {
    const { caseNumber } = await openCaseWithActivity(env, 'interview');
    const unanswered = await post(`${casePath(caseNumber)}/proposals`, {
      ...proposal(caseNumber),
      majorAssessment: undefined,
    });
    expect(unanswered.status).toBe(400);
    const fiveAnswers = await post(`${casePath(caseNumber)}/proposals`, {
      ...proposal(caseNumber),
      majorAssessment: majorAssessment().slice(1),
    });
    expect(fiveAnswers.status).toBe(400);
    expect(JSON.stringify(fiveAnswers.body)).toContain('审核办法第四条');
    const inCatalogue = await post(`${casePath(caseNumber)}/proposals`, {
      ...proposal(caseNumber),
      decisionKind: 'penalty',
      penaltyKind: '罚款',
      fineAmountYuan: 80_000,
    });
    expect(inCatalogue.status).toBe(422);
    expect(inCatalogue.body.detail).toContain('重大执法决定事项目录');
    expect(inCatalogue.body.detail).toContain('五万元以上罚款');
    expect((await post(`${casePath(caseNumber)}/records`, hearingRecord)).status).toBe(201);
    const afterHearing = await post(`${casePath(caseNumber)}/proposals`, proposal(caseNumber));
    expect(afterHearing.status).toBe(422);
    expect(afterHearing.body.detail).toContain('审核办法第四条第（四）项');
  });

  it('majorDesignated / majorDowngrade: the unit’s head designates, only that head downgrades, with the reason (审核办法 §4–§5)', async () => {
    const { caseNumber } = await openCaseWithActivity(env, 'interview');
    const designation = {
      reason: '涉及三十二名劳动者工资，直接关系重大权益',
      criteria: ['majorRightsAffected'],
    };
    const byOfficer = await post(`${casePath(caseNumber)}/major-designations`, designation);
    expect(byOfficer.status).toBe(403);
    // Reviewers reach only cases submitted to legal review; a head of another unit none of this one.
    const byReviewer = await post(`${casePath(caseNumber)}/major-designations`, designation, users.reviewer);
    expect(byReviewer.status).toBe(404);
    const byOtherHead = await post(
      `${casePath(caseNumber)}/major-designations`,
      designation,
      users.otherUnitHead,
    );
    expect(byOtherHead.status).toBe(404);
    const byHead = await post(`${casePath(caseNumber)}/major-designations`, designation, users.head);
    expect(byHead.status).toBe(200);
    expect(byHead.body).toEqual({ stage: 'proposal', major: true });
    const downgrade = { reason: '经核查仅涉及一名劳动者，不属于重大情形' };
    expect((await post(`${casePath(caseNumber)}/major-downgrades`, downgrade, users.reviewer)).status).toBe(
      403, // the route is for heads alone: refused by role before any case is looked up
    );
    expect((await post(`${casePath(caseNumber)}/major-downgrades`, { reason: '' }, users.head)).status).toBe(
      400,
    );
    const downgraded = await post(`${casePath(caseNumber)}/major-downgrades`, downgrade, users.head);
    expect(downgraded.status).toBe(200);
    const log = (await env.probe(caseNumber)).filter((e) => e.type === 'update');
    expect(log.map((e) => [e.name, (e.payload as { reason: string }).reason])).toEqual([
      ['designateMajor', designation.reason],
      ['downgradeMajor', downgrade.reason],
    ]);
    expect(log[0]!.payload).toMatchObject({ designatedBy: users.head.id, role: 'head' });
    expect(log[1]!.payload).toMatchObject({ approvedBy: users.head.id });
    const audit = await env.db.auditEvent.findMany({
      where: { action: { in: ['major.designated', 'major.downgraded'] } },
    });
    expect(audit.length).toBeGreaterThanOrEqual(2);
    // A hearing on record: no downgrade.
    expect((await post(`${casePath(caseNumber)}/records`, hearingRecord)).status).toBe(201);
    const refused = await post(`${casePath(caseNumber)}/major-downgrades`, downgrade, users.head);
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('听证');
  });
});

/**
 * The rules docs/rules.md listed without code (#13): certificates shown in every activity
 * (seeds/000 §10, seeds/004 §5, 记录规定 §9(一)), A/V recorded without gaps (记录规定 §13), no
 * private copies of A/V (记录规定 §16), and an exempt plan's explanation that is a sentence
 * (003 (三), 004 §10).
 */
describe('rules of the activity and its records (000 §10, 004 §5, 记录规定 §9, §13, §16)', () => {
  const officers = [
    { name: users.officerA.name, certificateNumber: users.officerA.certificateNumber },
    { name: users.officerB.name, certificateNumber: users.officerB.certificateNumber },
  ];
  const certificateRecord = (activityId: string, list = officers) => ({
    kind: 'certificateShown',
    activityId,
    content: {
      shownAt: '2026-11-20T09:01:00+08:00',
      place: '常州市新北区某工地项目部',
      officers: list,
      shownTo: '某某建筑工程有限公司项目经理王某',
    },
  });

  it('certificateShown: an activity ends only once its officers showed their certificates, and shows the numbers (000 §10, 004 §5, 记录规定 §9(一))', async () => {
    const { caseNumber, activityId } = await openCaseWithActivity(env, 'siteInspection');
    const end = () =>
      post(`${casePath(caseNumber)}/activities/${activityId}/end`, { endedAt: '2026-11-20T10:00:00+08:00' });
    const refused = await end();
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('certificateShown');
    expect(refused.body.detail).toContain(
      '不符合“执法活动中出示执法证件”规则（000 §10，004 §5，记录规定 §9(一)）',
    );
    expect(refused.body.detail).toContain('“现场检查工地”');

    // Only the officers registered on the case, with their own certificate numbers.
    const stranger = await post(
      `${casePath(caseNumber)}/records`,
      certificateRecord(activityId, [
        officers[0]!,
        { name: users.otherOfficer.name, certificateNumber: users.otherOfficer.certificateNumber },
      ]),
    );
    expect(stranger.status).toBe(422);
    expect(stranger.body.rule).toBe('certificateShown');
    expect(stranger.body.errors[0].path).toBe('body.content.officers');
    expect(stranger.body.detail).toContain(
      `${users.otherOfficer.name}（执法证号 ${users.otherOfficer.certificateNumber}）`,
    );

    const shown = await post(`${casePath(caseNumber)}/records`, certificateRecord(activityId));
    expect(shown.status).toBe(201);
    const ended = await end();
    expect(ended.status).toBe(200);
    const expected = officers.map((o) => ({
      ...o,
      shownAt: '2026-11-20T09:01:00+08:00',
      recordId: shown.body.id,
    }));
    expect(ended.body.certificatesShown).toEqual(expected);
    const file = await request(env.app)
      .get(casePath(caseNumber))
      .set('authorization', await env.auth(users.head));
    expect(file.body.activities.find((a: { id: string }) => a.id === activityId).certificatesShown).toEqual(
      expected,
    );
  });

  it('audioVisualContinuous: the A/V of an activity covers it from start to end, each gap explained (记录规定 §13)', async () => {
    const { caseNumber } = await openCaseWithActivity(env, 'interview');
    const sampling = await startActivity(caseNumber, { kind: 'sampling' }); // 09:00
    await showCertificates(env, caseNumber, sampling.id);
    const ended = await post(`${casePath(caseNumber)}/activities/${sampling.id}/end`, {
      endedAt: '2026-11-20T10:00:00+08:00',
      audioVisualRecorded: true,
    });
    expect(ended.status).toBe(200);
    const video = (fileName: string, recordedFrom?: string, recordedUntil?: string) =>
      uploadEvidence(env, {
        caseNumber,
        activityId: sampling.id,
        content: mp4Bytes(2048),
        fileName,
        extra: recordedFrom ? { recordedFrom, recordedUntil } : {},
      });
    const submit = () => post(`${casePath(caseNumber)}/proposals`, proposal(caseNumber));

    // 09:00–09:30 recorded, nothing from 09:30 to 10:00.
    expect(
      (await video('执法记录仪-1.mp4', '2026-11-20T09:00:20+08:00', '2026-11-20T09:30:00+08:00')).res.status,
    ).toBe(201);
    const gap = await submit();
    expect(gap.status).toBe(422);
    expect(gap.body.rule).toBe('audioVisualContinuous');
    expect(gap.body.detail).toContain('不符合“音视频不间断记录”规则（记录规定 §13）');
    expect(gap.body.detail).toContain('“抽样取证”2026年11月20日 09:30至2026年11月20日 10:00');
    expect(gap.body.gaps).toEqual([
      expect.objectContaining({ from: '2026-11-20T01:30:00.000Z', until: '2026-11-20T02:00:00.000Z' }),
    ]);

    // A file whose span is not declared cannot show it was recorded: named as such.
    expect((await video('执法记录仪-2.mp4')).res.status).toBe(201);
    const unknown = await submit();
    expect(unknown.status).toBe(422);
    expect(unknown.body.detail).toContain('“执法记录仪-2.mp4”未登记录制起止时间');

    // The rest recorded from 09:40; the ten minutes between explained by a resumed interruption.
    expect(
      (await video('执法记录仪-3.mp4', '2026-11-20T09:40:00+08:00', '2026-11-20T10:00:30+08:00')).res.status,
    ).toBe(201);
    const still = await submit();
    expect(still.status).toBe(422);
    expect(still.body.detail).toContain('09:30至2026年11月20日 09:40');
    const interruption = await post(`${casePath(caseNumber)}/records`, {
      kind: 'audioVisualInterruption',
      activityId: sampling.id,
      content: {
        interruptedAt: '2026-11-20T09:30:00+08:00',
        resumedAt: '2026-11-20T09:40:00+08:00',
        cause: 'battery',
        explanation: '执法记录仪电量不足，更换电池后继续录像，并在录像开头作了语音说明',
        permanent: false,
      },
    });
    expect(interruption.status).toBe(201);
    expect((await submit()).status).toBe(200);
  });

  it('noPrivateCopies: audio and video are uploaded only with the officer’s word that no copy is kept (记录规定 §16)', async () => {
    const { caseNumber, activityId } = await openCaseWithActivity(env);
    const undeclared = await uploadEvidence(env, {
      caseNumber,
      activityId,
      content: mp4Bytes(2048),
      extra: { noPersonalCopyKept: false },
    }).catch((err: Error) => err);
    expect(undeclared).toBeInstanceOf(Error);
    const refused = await createUpload(env, {
      caseNumber,
      activityId,
      content: mp4Bytes(2048),
      extra: { noPersonalCopyKept: undefined },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('noPrivateCopies');
    expect(refused.body.detail).toContain(
      '不符合“执法人员不得自行保存音视频记录”规则（记录规定 §16、§17、§19）',
    );
    expect(refused.body.errors[0].path).toBe('body.noPersonalCopyKept');
    // A photo needs no such statement; a declared video is stored, the statement audited.
    const photo = await createUpload(env, {
      caseNumber,
      activityId,
      content: Buffer.from('\x89PNG\r\n\x1a\n0000'),
      mediaKind: 'photo',
      contentType: 'image/png',
      fileName: 'a.png',
    });
    expect(photo.status).toBe(201);
    const declared = await uploadEvidence(env, { caseNumber, activityId, content: mp4Bytes(2048) });
    expect(declared.res.status).toBe(201);
    const audit = await env.db.auditEvent.findFirstOrThrow({
      where: { action: 'evidenceUpload.created', subject: `upload:${declared.uploadId}` },
    });
    expect(audit.details).toMatchObject({ noPersonalCopyKept: true });
  });

  it('nonPublicationDecided: an exempt plan whose explanation is not a sentence is refused beside its field (003 (三), 004 §10)', async () => {
    const { caseNumber } = await openCaseWithActivity(env);
    const decision = (explanation: string) => ({
      decisionDate: '2026-11-25',
      documentNumber: '常人社监令〔2026〕9号',
      decisionKind: 'handling',
      publication: {
        enforcementMethod: '责令改正',
        content: '拖欠劳动者工资',
        decision: '责令十五日内支付',
        legalBasis: '《劳动保障监察条例》第二十六条',
        performance: '十五日内',
        issuingAuthority: '常州市人力资源和社会保障局',
      },
      disclosure: { mode: 'exempt', reason: 'tradeSecret', explanation },
    });
    const refused = await post(`${casePath(caseNumber)}/decisions`, decision('涉及商业秘密'));
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('nonPublicationDecided');
    expect(refused.body.detail).toContain('不符合“不予公开须经审核和负责人批准”规则');
    expect(refused.body.errors[0].path).toBe('body.disclosure.explanation');
    expect(await env.probe(caseNumber).then((log) => log.map((e) => e.name))).toEqual(['start']);
  });
});
