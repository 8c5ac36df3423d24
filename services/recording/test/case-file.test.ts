import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { formatDateTime } from '@sanxiang/shared/src/format';
import { verifyAuditChain } from '../src/data-access/audit-trail';
import { asDatabase } from '../src/data-access/prisma-client';
import { binary, mp4Bytes, sha256, uploadEvidence } from './support/evidence-helpers';
import {
  caseBody,
  eventually,
  majorAssessment,
  openCaseWithActivity,
  showCertificates,
  startRecordingTestEnv,
  uniqueCaseNumber,
  users,
  type TRecordingTestEnv,
} from './support/recording-test-env';

let env: TRecordingTestEnv;
beforeAll(async () => {
  env = await startRecordingTestEnv();
}, 120_000);
afterAll(async () => {
  await env?.stop();
});

const randomKey = () => randomUUID();
const casePath = (caseNumber: string) => `/cases/${encodeURIComponent(caseNumber)}`;
const officerPair = [
  { name: users.officerA.name, certificateNumber: users.officerA.certificateNumber },
  { name: users.officerB.name, certificateNumber: users.officerB.certificateNumber },
];
const interview = (activityId?: string) => ({
  kind: 'interview',
  ...(activityId ? { activityId } : {}),
  content: {
    startedAt: '2026-11-20T10:00:00+08:00',
    endedAt: '2026-11-20T10:40:00+08:00',
    place: '劳动保障监察支队询问室',
    interviewee: { name: '陈某', role: 'employee', phone: '13800000000' },
    interviewers: officerPair,
    recorder: users.officerB.name,
    questionsAndAnswers: [{ question: '你在该工地工作多久了？', answer: '八个月。' }],
    signature: { signed: true, signedBy: '陈某' },
  },
});

describe('case files', () => {
  it('opens a case with at least two certified officers and starts its lifecycle once', async () => {
    const caseNumber = uniqueCaseNumber();
    const officer = await env.auth(users.officerA);
    const tooFew = await request(env.app)
      .post('/cases')
      .set('authorization', officer)
      .send({
        ...caseBody(caseNumber),
        officers: [caseBody(caseNumber).officers[0]],
        party: { name: '某公司' },
      });
    expect(tooFew.status).toBe(400);
    expect(tooFew.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.officers',
      'body.party.kind',
    ]);
    const duplicateCert = caseBody(caseNumber, {
      officers: caseBody(caseNumber).officers.map((o) => ({ ...o, certificateNumber: '32019999' })),
    });
    expect(
      (await request(env.app).post('/cases').set('authorization', officer).send(duplicateCert)).body
        .errors[0],
    ).toMatchObject({
      path: 'body.officers',
      message: '执法人员：执法证号不得重复',
    });
    expect(
      (
        await request(env.app)
          .post('/cases')
          .set('authorization', await env.auth(users.reviewer))
          .send(caseBody(caseNumber))
      ).status,
    ).toBe(403);
    expect(
      (
        await request(env.app)
          .post('/cases')
          .set('authorization', await env.auth(users.otherOfficer))
          .send(caseBody(caseNumber))
      ).status,
    ).toBe(403);

    const openKey = `open-${randomKey()}`;
    const opened = await request(env.app)
      .post('/cases')
      .set('authorization', officer)
      .set('idempotency-key', openKey)
      .send(caseBody(caseNumber));
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      caseNumber,
      status: 'open',
      stage: 'investigation',
      lifecycle: { workflowId: `case-lifecycle:${caseNumber}` },
    });
    expect(opened.body.lifecycle.startedAt).not.toBeNull();
    const replay = await request(env.app)
      .post('/cases')
      .set('authorization', officer)
      .set('idempotency-key', openKey)
      .send(caseBody(caseNumber));
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(opened.body.id);
    const reused = await request(env.app)
      .post('/cases')
      .set('authorization', officer)
      .set('idempotency-key', openKey)
      .send(caseBody(caseNumber, { title: '另一个案由' }));
    expect(reused.status).toBe(422);
    const duplicate = await request(env.app)
      .post('/cases')
      .set('authorization', officer)
      .send(caseBody(caseNumber));
    expect(duplicate.status).toBe(409);

    const probe = await env.probe(caseNumber);
    expect(probe.filter((e) => e.type === 'start')).toEqual([
      {
        type: 'start',
        name: 'start',
        payload: {
          caseNumber,
          title: '拖欠劳动报酬',
          party: { kind: 'legalPerson', name: '某某建筑工程有限公司' },
          openedBy: users.officerA.id,
          openedAt: expect.any(String),
        },
      },
    ]);
    const audit = await env.db.auditEvent.findFirstOrThrow({
      where: { action: 'caseFile.opened', caseId: opened.body.id },
    });
    expect(audit.actorId).toBe(users.officerA.id);
  });

  it('files typed records, validates each kind, and keeps originals: a correction is a new record', async () => {
    const { caseNumber, activityId } = await openCaseWithActivity(env);
    const officer = await env.auth(users.officerA);
    const post = (auth: string, body: object) =>
      request(env.app)
        .post(`${casePath(caseNumber)}/records`)
        .set('authorization', auth)
        .send(body);

    const incomplete = await post(officer, {
      kind: 'interview',
      content: { ...interview().content, questionsAndAnswers: [], interviewers: [officerPair[0]] },
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.content.interviewers',
      'body.content.questionsAndAnswers',
    ]);
    const unknownKind = await post(officer, { kind: 'diary', content: {} });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.errors[0].path).toBe('body.kind');
    const leftWithoutWitness = await post(officer, {
      kind: 'service',
      content: {
        method: 'leftAtAddress',
        document: { kind: 'decision', title: '劳动保障监察行政处理决定书' },
        servedAt: '2026-11-21T10:00:00+08:00',
        servedBy: [users.officerA.name],
        recipient: '某某建筑工程有限公司',
        refusalReason: '拒绝签收',
        address: '常州市新北区某路1号',
        witnesses: [],
        evidenceIds: [],
      },
    });
    expect(leftWithoutWitness.status).toBe(400);
    expect(leftWithoutWitness.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.content.evidenceIds',
      'body.content.witnesses',
    ]);

    const filed = await post(officer, interview(activityId));
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      seq: 1,
      kind: 'interview',
      activityId,
      filedBy: { id: users.officerA.id },
    });
    expect((await post(await env.auth(users.otherOfficer), interview())).status).toBe(403);
    expect(
      (
        await post(officer, {
          kind: 'headApproval',
          content: {
            subject: 'decision',
            approved: true,
            opinion: '同意',
            approvedAt: '2026-11-21T09:00:00+08:00',
          },
        })
      ).status,
    ).toBe(403);
    const opinion = {
      kind: 'legalReviewOpinion',
      content: {
        reviewId: 'r1',
        opinionId: 'o1',
        round: 1,
        outcome: 'approve',
        reasons: '事实清楚',
        reviewerId: users.reviewer.id,
        reviewerName: users.reviewer.name,
        issuedAt: '2026-11-21T09:00:00+08:00',
      },
    };
    expect((await post(officer, opinion)).status).toBe(403);

    const correction = await post(officer, {
      kind: 'correction',
      content: {
        correctsRecordId: filed.body.id,
        field: 'questionsAndAnswers.0.answer',
        corrected: '九个月。',
        reason: '被询问人核对笔录时更正',
      },
    });
    expect(correction.status).toBe(201);
    expect(correction.body).toMatchObject({ seq: 2, correctsRecordId: filed.body.id });
    const refiled = await post(officer, { ...interview(), supersedesRecordId: filed.body.id });
    expect(refiled.body).toMatchObject({ seq: 3, correctsRecordId: filed.body.id });
    const wrongRef = await post(officer, {
      kind: 'correction',
      content: {
        correctsRecordId: '6f1c2e0a-3b7d-4c1e-9a63-0d2f5b8e7a41',
        field: 'x',
        corrected: 'y',
        reason: 'z',
      },
    });
    expect(wrongRef.status).toBe(400);
    expect(wrongRef.body.errors[0].path).toBe('body.content.correctsRecordId');

    // The original is untouched, and the database refuses to change it.
    const list = await request(env.app)
      .get(`${casePath(caseNumber)}/records`)
      .set('authorization', await env.auth(users.otherOfficer));
    expect(list.body.map((r: { seq: number }) => r.seq)).toEqual([1, 2, 3]);
    expect(list.body[0].content.questionsAndAnswers[0].answer).toBe('八个月。');
    await expect(
      env.db.caseRecord.update({ where: { id: filed.body.id }, data: { kind: 'hearing' } }),
    ).rejects.toThrow(/append-only/);
    await expect(env.db.caseRecord.delete({ where: { id: filed.body.id } })).rejects.toThrow(/append-only/);
  });

  it('forwards officer actions to the lifecycle: activity end, service of the decision, proposal, decision, close', async () => {
    const { caseNumber, activityId } = await openCaseWithActivity(env);
    const officer = await env.auth(users.officerA);
    await showCertificates(env, caseNumber, activityId);
    const ended = await request(env.app)
      .post(`${casePath(caseNumber)}/activities/${activityId}/end`)
      .set('authorization', officer)
      .send({ endedAt: '2026-11-20T11:30:00+08:00' });
    expect(ended.status).toBe(200);
    const again = await request(env.app)
      .post(`${casePath(caseNumber)}/activities/${activityId}/end`)
      .set('authorization', officer)
      .send({ endedAt: '2026-11-20T11:30:00+08:00' });
    expect(again.status).toBe(200);
    const otherEnd = await request(env.app)
      .post(`${casePath(caseNumber)}/activities/${activityId}/end`)
      .set('authorization', officer)
      .send({ endedAt: '2026-11-20T12:00:00+08:00' });
    expect(otherEnd.status).toBe(409);
    expect(otherEnd.body.detail).toBe('该执法活动已于 2026年11月20日 11:30 结束');

    const interviewRecord = (
      await request(env.app)
        .post(`${casePath(caseNumber)}/records`)
        .set('authorization', officer)
        .send(interview())
    ).body;
    const served = await request(env.app)
      .post(`${casePath(caseNumber)}/records`)
      .set('authorization', officer)
      .send({
        kind: 'service',
        content: {
          method: 'direct',
          document: {
            kind: 'decision',
            title: '劳动保障监察责令改正决定书',
            documentNumber: '常人社监令〔2026〕1号',
          },
          servedAt: '2026-11-21T10:00:00+08:00',
          servedBy: [users.officerA.name, users.officerB.name],
          recipient: '某某建筑工程有限公司',
          receiptSignedBy: '刘某',
          signerRelation: 'legalRepresentative',
        },
      });
    expect(served.status).toBe(201);

    const proposal = {
      officers: caseBody(caseNumber).officers,
      decisionKind: 'handling',
      summary: '责令支付拖欠工资',
      major: false,
      majorCriteria: [],
      majorAssessment: majorAssessment(),
      hearingOrAssessmentHeld: false,
      materials: [{ kind: 'evidence', documentId: interviewRecord.id, title: '询问笔录' }],
    };
    const foreign = await request(env.app)
      .post(`${casePath(caseNumber)}/proposals`)
      .set('authorization', officer)
      .send({ ...proposal, materials: [{ kind: 'evidence', documentId: 'not-ours', title: 'x' }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].path).toBe('body.materials.0.documentId');
    const major = await request(env.app)
      .post(`${casePath(caseNumber)}/proposals`)
      .set('authorization', officer)
      .send({ ...proposal, major: true });
    expect(major.status).toBe(422);
    expect(major.body.problems.map((p: { code: string }) => p.code)).toContain('major.noCriteria');
    const refused = await request(env.app)
      .post(`${casePath(caseNumber)}/proposals`)
      .set('authorization', officer)
      .send({ ...proposal, summary: 'wrong stage' });
    expect(refused.status).toBe(409);
    expect(refused.body.workflowError).toBe('WrongStage');
    const accepted = await request(env.app)
      .post(`${casePath(caseNumber)}/proposals`)
      .set('authorization', officer)
      .set('idempotency-key', 'p-1')
      .send(proposal);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ stage: 'legalReview', cycle: 1, round: 1 });
    const repeated = await request(env.app)
      .post(`${casePath(caseNumber)}/proposals`)
      .set('authorization', officer)
      .set('idempotency-key', 'p-1')
      .send(proposal);
    expect(repeated.body).toEqual(accepted.body);

    const decision = {
      decisionDate: '2026-11-21',
      documentNumber: '常人社监令〔2026〕1号',
      decisionKind: 'handling',
      publication: {
        enforcementMethod: '责令改正',
        content: '拖欠劳动者工资',
        decision: '责令十五日内支付',
        legalBasis: '《劳动保障监察条例》第二十六条',
        performance: '十五日内',
        issuingAuthority: '常州市人力资源和社会保障局',
      },
      disclosure: { mode: 'publish' },
    };
    const notApproval = await request(env.app)
      .post(`${casePath(caseNumber)}/decisions`)
      .set('authorization', officer)
      .send({ ...decision, headApprovalRecordId: interviewRecord.id });
    expect(notApproval.status).toBe(400);
    const decided = await request(env.app)
      .post(`${casePath(caseNumber)}/decisions`)
      .set('authorization', officer)
      .send(decision);
    expect(decided.status).toBe(200);
    expect(decided.body).toEqual({ stage: 'disclosure', cycle: 1 });

    const log = await eventually(async () => {
      const entries = await env.probe(caseNumber);
      expect(entries.map((e) => e.name)).toEqual([
        'start',
        'enforcementActivityEnded',
        'decisionServed',
        'submitProposal',
        'decisionMade',
      ]);
      return entries;
    });
    expect(log[1]!.payload).toEqual({
      activityId,
      endedAt: '2026-11-20T03:30:00.000Z',
      officerIds: [users.officerA.id, users.officerB.id],
    });
    expect(log[2]!.payload).toEqual({
      cycle: 1,
      servedAt: '2026-11-21T10:00:00+08:00',
      method: 'direct',
      recordId: served.body.id,
    });
    expect(log[3]!.payload).toMatchObject({ submittedBy: users.officerA.id, summary: '责令支付拖欠工资' });
    expect(log[4]!.payload).toMatchObject({
      recordedBy: users.officerA.id,
      documentNumber: '常人社监令〔2026〕1号',
    });
    expect(
      await env.db.auditEvent.count({
        where: { action: { in: ['proposal.submitted', 'decision.recorded'] } },
      }),
    ).toBeGreaterThanOrEqual(2);
  });

  it('checks each proposal material by its kind in this case file, and accepts 无 for other materials', async () => {
    const { caseNumber, activityId } = await openCaseWithActivity(env);
    const officer = await env.auth(users.officerA);
    const file = async (body: object) => {
      const res = await request(env.app)
        .post(`${casePath(caseNumber)}/records`)
        .set('authorization', officer)
        .send(body);
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const text = Buffer.from('调查材料汇总（文本）\n', 'utf8');
    const textFile = await uploadEvidence(env, {
      caseNumber,
      activityId,
      content: text,
      mediaKind: 'document',
      contentType: 'text/plain',
      fileName: '材料.txt',
    });
    expect(textFile.res.status).toBe(201);
    const opinion = await file({
      kind: 'handlerOpinion',
      content: { facts: '拖欠工资', legalBasis: '《劳动保障监察条例》第二十六条', proposedDecision: '罚款' },
    });
    const report = await file({
      kind: 'investigationReport',
      content: {
        concludedAt: '2026-11-21T09:00:00+08:00',
        caseSource: '举报',
        investigation: '现场检查、询问',
        facts: '拖欠32名农民工工资',
        evidenceSummary: '工资表、询问笔录',
        legalBasis: '《劳动保障监察条例》第二十六条',
        proposedHandling: '罚款二万元',
        investigators: officerPair,
      },
    });
    const draft = await file({
      kind: 'decisionDocument',
      content: {
        status: 'draft',
        title: '行政处罚决定书',
        decisionKind: 'penalty',
        party: '某某建筑工程有限公司',
        facts: '拖欠32名农民工工资',
        legalBasis: '《劳动保障监察条例》第二十六条',
        decision: '罚款人民币二万元',
        fineAmountYuan: 20000,
        performance: '十五日内缴纳',
        remedies: '六十日内申请行政复议或六个月内提起行政诉讼',
        issuingAuthority: '常州市人力资源和社会保障局',
      },
    });
    const proposal = {
      officers: caseBody(caseNumber).officers,
      decisionKind: 'penalty',
      summary: '罚款',
      major: true,
      majorCriteria: ['majorRightsAffected'],
      majorAssessment: majorAssessment(['majorRightsAffected']),
      hearingOrAssessmentHeld: false,
    };
    const submit = (materials: object[]) =>
      request(env.app)
        .post(`${casePath(caseNumber)}/proposals`)
        .set('authorization', officer)
        .send({ ...proposal, materials });

    // One text file named as all five required materials: refused, naming each wrong one.
    const kinds = [
      'investigationReport',
      'proposedDecision',
      'draftDecisionDocument',
      'evidence',
      'otherMaterials',
    ];
    const oneFile = await submit(
      kinds.map((kind) => ({ kind, documentId: textFile.res.body.id, title: '材料' })),
    );
    expect(oneFile.status).toBe(400);
    expect(oneFile.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'body.materials.0.documentId',
      'body.materials.1.documentId',
      'body.materials.2.documentId',
      'body.materials.4.documentId',
    ]);
    expect(oneFile.body.errors[0].message).toContain('应为调查终结报告');
    expect(oneFile.body.errors[3].message).toContain('同一材料不能充当两种送审材料');

    // A record of the wrong kind is refused too (the opinion is not an investigation report).
    const wrongRecord = await submit(
      kinds.map((kind, n) => ({ kind, documentId: n === 0 ? opinion : textFile.res.body.id, title: '材料' })),
    );
    expect(wrongRecord.status).toBe(400);
    expect(wrongRecord.body.errors[0].message).toContain('所指材料是承办人意见');

    // 无 is an answer for other materials only, and names no document.
    const noneElsewhere = await submit([{ kind: 'evidence', none: true, title: '无' }]);
    expect(noneElsewhere.status).toBe(400);
    expect(noneElsewhere.body.errors[0].path).toBe('body.materials.0.none');

    const right = await submit([
      { kind: 'investigationReport', documentId: report, title: '调查终结报告' },
      { kind: 'proposedDecision', documentId: opinion, title: '拟作出处罚决定及情况说明' },
      { kind: 'draftDecisionDocument', documentId: draft, title: '行政处罚决定书（代拟稿）' },
      { kind: 'evidence', documentId: textFile.res.body.id, title: '证据材料' },
      { kind: 'otherMaterials', none: true, title: '无' },
    ]);
    expect(right.status).toBe(200);
    const sent = await eventually(async () => {
      const log = await env.probe(caseNumber);
      const update = log.find((e) => e.name === 'submitProposal');
      expect(update).toBeDefined();
      return update!.payload as { materials: object[] };
    });
    expect(sent.materials[4]).toEqual({ kind: 'otherMaterials', none: true, title: '无' });
  });

  it('implements the internal endpoints the workflow and the legal-review service call, idempotently', async () => {
    const { caseNumber, caseId } = await openCaseWithActivity(env);
    const system = await env.auth(users.system);
    const escalation = {
      workflowId: `case-lifecycle:${caseNumber}`,
      clockId: 'evidenceUpload:a1',
      clock: 'evidenceUpload',
      level: 1,
      notified: { audience: 'unitHead', roles: ['head'], userIds: [] },
      reason: '执法活动结束已满 2 个工作日，音视频尚未上传',
      dueAt: '2026-11-24T16:00:00.000Z',
      at: '2026-11-24T16:00:00.000Z',
      activityId: 'a1',
    };
    const url = `/internal/cases/${encodeURIComponent(caseNumber)}`;
    expect(
      (await request(env.app).post(`${url}/escalations`).set('authorization', system).send(escalation)).body
        .errors[0].path,
    ).toBe('headers.idempotency-key');
    expect(
      (
        await request(env.app)
          .post(`${url}/escalations`)
          .set('authorization', await env.auth(users.head))
          .set('idempotency-key', 'k')
          .send(escalation)
      ).status,
    ).toBe(403);
    const first = await request(env.app)
      .post(`${url}/escalations`)
      .set('authorization', system)
      .set('idempotency-key', 'wf:escalation:1')
      .send(escalation);
    expect(first.status).toBe(201);
    const replay = await request(env.app)
      .post(`${url}/escalations`)
      .set('authorization', system)
      .set('idempotency-key', 'wf:escalation:1')
      .send(escalation);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    const natural = await request(env.app)
      .post(`${url}/escalations`)
      .set('authorization', system)
      .set('idempotency-key', 'wf:escalation:other')
      .send(escalation);
    expect(natural.status).toBe(200);
    expect(natural.body).toEqual(first.body);
    expect(await env.db.escalation.count({ where: { caseId } })).toBe(1);
    const unknownCase = await request(env.app)
      .post(`/internal/cases/${encodeURIComponent(uniqueCaseNumber())}/escalations`)
      .set('authorization', system)
      .set('idempotency-key', 'x')
      .send(escalation);
    expect(unknownCase.status).toBe(404);

    const transition = {
      workflowId: `case-lifecycle:${caseNumber}`,
      from: 'investigation',
      to: 'legalReview',
      at: '2026-11-22T02:00:00.000Z',
      cycle: 1,
      round: 1,
    };
    const moved = await request(env.app)
      .post(`${url}/stage-transitions`)
      .set('authorization', system)
      .set('idempotency-key', 'wf:stage:1')
      .send(transition);
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({ ok: true });
    await request(env.app)
      .post(`${url}/stage-transitions`)
      .set('authorization', system)
      .set('idempotency-key', 'wf:stage:1b')
      .send(transition)
      .expect(200);
    expect(await env.db.stageTransition.count({ where: { caseId } })).toBe(1);
    expect((await env.db.caseFile.findUniqueOrThrow({ where: { id: caseId } })).stage).toBe('legalReview');

    const opinion = {
      kind: 'legalReviewOpinion',
      content: {
        reviewId: 'rev-1',
        opinionId: 'op-1',
        round: 1,
        outcome: 'approve',
        reasons: '事实清楚，证据确凿，程序合法',
        reviewerId: users.reviewer.id,
        reviewerName: users.reviewer.name,
        issuedAt: '2026-11-23T02:00:00.000Z',
      },
    };
    const filed = await request(env.app)
      .post(`${url}/records`)
      .set('authorization', system)
      .set('idempotency-key', 'lr:op-1')
      .send(opinion);
    expect(filed.status).toBe(201);
    expect(filed.body.kind).toBe('legalReviewOpinion');
    expect(filed.body.recordId).toBe(filed.body.id);
    const sameOpinion = await request(env.app)
      .post(`${url}/records`)
      .set('authorization', system)
      .set('idempotency-key', 'lr:op-1:again')
      .send(opinion);
    expect(sameOpinion.status).toBe(200);
    expect(sameOpinion.body.id).toBe(filed.body.id);
    const other = await request(env.app)
      .post(`${url}/records`)
      .set('authorization', system)
      .set('idempotency-key', 'lr:x')
      .send(interview());
    expect(other.status).toBe(400);
    expect(other.body.errors.map((e: { path: string }) => e.path)).toContain('body.kind');

    const view = await request(env.app)
      .get(casePath(caseNumber))
      .set('authorization', await env.auth(users.head));
    expect(view.status).toBe(200);
    expect(view.body.escalations).toHaveLength(1);
    expect(view.body.stageTransitions).toEqual([
      expect.objectContaining({ from: 'investigation', to: 'legalReview' }),
    ]);
  });

  it('closes and archives a case; nothing more is filed into it', async () => {
    const { caseNumber } = await openCaseWithActivity(env);
    const officer = await env.auth(users.officerA);
    expect(
      (
        await request(env.app)
          .post(`${casePath(caseNumber)}/archive`)
          .set('authorization', officer)
      ).status,
    ).toBe(409);
    const closed = await request(env.app)
      .post(`${casePath(caseNumber)}/close`)
      .set('authorization', officer)
      .send({ reason: '当事人已主动改正，撤销立案' });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const late = await request(env.app)
      .post(`${casePath(caseNumber)}/records`)
      .set('authorization', officer)
      .send(interview());
    expect(late.status).toBe(409);
    const archived = await request(env.app)
      .post(`${casePath(caseNumber)}/archive`)
      .set('authorization', await env.auth(users.head));
    expect(archived.body.status).toBe('archived');
  });

  it('exports the whole case file as a zip with JSON, HTML, the evidence and a manifest of hashes', async () => {
    const { caseNumber, activityId } = await openCaseWithActivity(env);
    await request(env.app)
      .post(`${casePath(caseNumber)}/records`)
      .set('authorization', await env.auth(users.officerA))
      .send(interview(activityId))
      .expect(201);
    const content = mp4Bytes(300_000);
    const { res } = await uploadEvidence(env, {
      caseNumber,
      activityId,
      content,
      fileName: '现场<检查>.mp4',
    });
    expect(res.status).toBe(201);
    expect(
      (
        await request(env.app)
          .get(`${casePath(caseNumber)}/export`)
          .set('authorization', await env.auth(users.discloser))
      ).status,
    ).toBe(404);
    const exported = await request(env.app)
      .get(`${casePath(caseNumber)}/export`)
      .set('authorization', await env.auth(users.head))
      .buffer(true)
      .parse(binary);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toBe('application/zip');
    const dir = mkdtempSync(path.join(tmpdir(), 'recording-export-'));
    const zipPath = path.join(dir, 'case.zip');
    writeFileSync(zipPath, exported.body as Buffer);
    // Read it with an independent zip implementation and check every file against the manifest.
    const check = spawnSync(
      'python3',
      [
        '-c',
        `import zipfile,hashlib,json,sys
z=zipfile.ZipFile(sys.argv[1]); m=json.loads(z.read('manifest.json'))
bad=[f['path'] for f in m['files'] if hashlib.sha256(z.read(f['path'])).hexdigest()!=f['sha256']]
print(json.dumps({'names':z.namelist(),'bad':bad,'html':z.read('case-file.html').decode()[:4000]}))`,
        zipPath,
      ],
      { encoding: 'utf8' },
    );
    expect(check.stderr).toBe('');
    const out = JSON.parse(check.stdout) as { names: string[]; bad: string[]; html: string };
    expect(out.bad).toEqual([]);
    expect(out.names).toEqual(
      expect.arrayContaining([
        'case-file.json',
        'case-file.html',
        'records/001-interview.json',
        'manifest.json',
        'SHA256SUMS',
        expect.stringMatching(/^evidence\/001-.*现场_检查_\.mp4$/),
      ]),
    );
    expect(out.html).toContain('询问笔录');
    expect(out.html).toContain('张三（执法证号 32010001）');
    expect(out.html).toContain('2026-11-20 10:00'); // the interview's start, Beijing time
    for (const english of ['T02:00:00', 'legalPerson', 'interviewee', '：open', 'investigation'])
      expect(out.html).not.toContain(english);
    // The archive's PDF: Chinese labels and Beijing times, no English keys or codes, page numbers.
    expect(out.names).toContain('case-file.pdf');
    const pdfPath = path.join(dir, 'case-file.pdf');
    spawnSync('python3', [
      '-c',
      `import zipfile,sys; open(sys.argv[2],'wb').write(zipfile.ZipFile(sys.argv[1]).read('case-file.pdf'))`,
      zipPath,
      pdfPath,
    ]);
    const pdfText = spawnSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).stdout;
    for (const heading of ['行政执法案卷', '卷内文件目录', '询问笔录', '证据文件目录', '文件哈希清单'])
      expect(pdfText).toContain(heading);
    expect(pdfText).toContain('被询问人');
    expect(pdfText).toContain(res.body.sha256);
    expect(pdfText.replace(/\s+/gu, '')).toMatch(/第1页共\d+页/u);
    expect(pdfText).toContain('2026-11-20 10:00'); // the interview's start, Beijing time
    for (const english of [
      'questionsAndAnswers',
      'interviewee',
      'signedBy',
      'employee',
      'T02:00:00',
      'investigation',
    ])
      expect(pdfText).not.toContain(english);
    const zipBuf = exported.body as Buffer;
    expect(zipBuf.includes(content.subarray(1000, 1100))).toBe(true); // stored, not recompressed
    expect(sha256(content)).toBe(res.body.sha256);
    expect(
      await env.db.auditEvent.count({ where: { action: 'caseFile.exported', actorId: users.head.id } }),
    ).toBe(1);
  });
});

describe('audit trail', () => {
  it('is append-only, chained, and the verifier names the first edited entry', async () => {
    await openCaseWithActivity(env);
    const intact = await verifyAuditChain(asDatabase(env.db));
    expect(intact.ok).toBe(true);
    expect(intact.checked).toBeGreaterThan(3);
    const head = await request(env.app)
      .get('/audit/verification')
      .set('authorization', await env.auth(users.admin));
    expect(head.body).toMatchObject({ ok: true });

    await expect(env.db.auditEvent.updateMany({ data: { actorName: 'x' } })).rejects.toThrow(/append-only/);
    const victim = (await env.db.auditEvent.findMany({ orderBy: { id: 'asc' }, take: 3 }))[2]!;
    // Someone with the table owner's rights switches the trigger off and edits an entry.
    await env.db.$transaction([
      env.db.$executeRawUnsafe('ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"'),
      env.db.$executeRaw`UPDATE "AuditEvent" SET "actorName" = '某人' WHERE id = ${victim.id}`,
      env.db.$executeRawUnsafe('ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"'),
    ]);
    const broken = await verifyAuditChain(asDatabase(env.db));
    expect(broken.ok).toBe(false);
    expect(broken.firstBroken).toMatchObject({
      id: victim.id.toString(),
      problem: expect.stringContaining('altered'),
    });
    expect(broken.checked).toBe(2);

    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, '../src/cli/verify-audit-chain.ts')],
      {
        env: { ...process.env, DATABASE_URL: env.databaseUrl },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(cli.status).toBe(1);
    // The operator reads Chinese and Beijing time (the entry's instant, not UTC).
    expect(cli.stdout).toContain(`审计链在第 ${victim.id} 条断开（${formatDateTime(victim.at)}`);
    expect(cli.stdout).toContain('内容与其哈希不符');
  });
});

describe('case summary for other services (GET /internal/cases/{c}/summary)', () => {
  it('answers the handling unit and officers to the system only, 404 for an unknown case', async () => {
    const { caseNumber } = await openCaseWithActivity(env);
    const path = `/internal/cases/${encodeURIComponent(caseNumber)}/summary`;
    const asSystem = await request(env.app)
      .get(path)
      .set('authorization', await env.auth(users.system));
    expect(asSystem.status).toBe(200);
    expect(asSystem.body).toEqual({
      caseNumber,
      // 案件名称: the published decision names the case (004 §9(1)).
      title: '拖欠劳动报酬',
      handlingUnit: '常州市劳动保障监察支队',
      // The unit the case belongs to (the disclosure is authorised by it, #10).
      unitId: 'test-unit',
      status: 'open',
      officers: expect.arrayContaining([
        { userId: users.officerA.id, name: users.officerA.name },
        { userId: users.officerB.id, name: users.officerB.name },
      ]),
      // The party as opened (the disclosure service takes the credit code from here; never public).
      party: {
        kind: 'legalPerson',
        name: '某某建筑工程有限公司',
        idNumber: '91320400MA1XXXXX',
        legalRepresentative: null,
      },
    });
    expect(asSystem.body.officers).toHaveLength(2);
    const asOfficer = await request(env.app)
      .get(path)
      .set('authorization', await env.auth(users.officerA));
    const unknown = await request(env.app)
      .get(`/internal/cases/${encodeURIComponent(uniqueCaseNumber())}/summary`)
      .set('authorization', await env.auth(users.system));
    expect([asOfficer.status, unknown.status]).toEqual([403, 404]);
  });
});
