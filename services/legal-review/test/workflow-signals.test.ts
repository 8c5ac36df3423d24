import { randomUUID } from 'node:crypto';
import { NativeConnection, Worker } from '@temporalio/worker';
import { cachedWorkflowBundle, fromHistoryPayloads, testStack } from '@sanxiang/testing';
import { temporalDataConverter } from '@sanxiang/shared';
import { lifecycleWorkflowId } from '@sanxiang/shared/src/domain';
import {
  dutyClockWorkflowId,
  dutyClockWorkflowType,
  type TDutyClockInput,
} from '@sanxiang/shared/src/contracts';
import request from 'supertest';
import { createDutyClockActivities } from '@sanxiang/workflows/src/disclosure/duty-clock/activities';
import { createServiceClient } from '@sanxiang/workflows/src/http/service-client';
import { recordEscalation } from '@sanxiang/workflows/src/lifecycle/activities/record-escalation';
import type { TNotifyClockStepInput } from '@sanxiang/workflows/src/lifecycle/activities/notify-clock-step';
import type { TReceivedSignal } from './probe-workflow';
import {
  auditActions,
  baseInstant,
  eventually,
  intake,
  intakeBody,
  reviewReadyForOpinion,
  startTestService,
  uniqueCaseNumber,
  users,
  type TTestService,
} from './support';

/**
 * The path the workflow depends on: intake → materials requested/received → opinion, with the
 * signals arriving at a workflow started under the case's lifecycle workflow id on the real
 * Temporal server (a probe stands in for the lifecycle workflow), and the opinion filed into the
 * case file.
 */
describe('legal review signals the case workflow', () => {
  let svc: TTestService;
  let worker: Worker;
  let workerRun: Promise<void>;
  let connection: NativeConnection;
  const taskQueue = `legal-review-test-${randomUUID()}`;
  const probes: string[] = [];
  const clocks: string[] = [];
  // The materials clocks run on the service's task queue: the real dutyClockWorkflow and its
  // activities; recording is the stub the service files to; the notifications steps are recorded.
  let clockWorker: Worker;
  let clockWorkerRun: Promise<void>;
  const clockSteps: TNotifyClockStepInput[] = [];

  beforeAll(async () => {
    svc = await startTestService();
    connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS });
    worker = await Worker.create({
      connection,
      namespace: 'default',
      taskQueue,
      workflowBundle: await cachedWorkflowBundle(require.resolve('./probe-workflow')),
      dataConverter: temporalDataConverter({ TEMPORAL_CODEC_KEYS: testStack().temporalCodecKeys }),
    });
    workerRun = worker.run();
    const recording = createServiceClient({
      baseUrl: svc.recordingStub.url,
      token: async () => 'test-system-token',
    });
    clockWorker = await Worker.create({
      connection,
      namespace: 'default',
      taskQueue: svc.domain.taskQueue,
      workflowBundle: await cachedWorkflowBundle(
        require.resolve('@sanxiang/workflows/src/disclosure/duty-clock/workflow'),
      ),
      activities: {
        ...createDutyClockActivities({ calendar: () => svc.domain.calendar() }),
        recordEscalation: recordEscalation({ recording }),
        notifyClockStep: async (input: TNotifyClockStepInput) => {
          clockSteps.push(input);
          return { people: [] };
        },
        reportClockEvent: async () => undefined,
      },
      dataConverter: temporalDataConverter({ TEMPORAL_CODEC_KEYS: testStack().temporalCodecKeys }),
    });
    clockWorkerRun = clockWorker.run();
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled(
      [...probes, ...clocks].map((id) =>
        svc.temporal.client.workflow.getHandle(id).terminate('test finished'),
      ),
    );
    worker?.shutdown();
    clockWorker?.shutdown();
    await workerRun;
    await clockWorkerRun;
    await connection?.close();
    await svc?.close();
  });

  beforeEach(() => svc.clock.set(baseInstant));

  async function startProbe(caseNumber: string) {
    const workflowId = lifecycleWorkflowId(caseNumber);
    await svc.temporal.client.workflow.start('lifecycleProbe', { taskQueue, workflowId, args: [] });
    probes.push(workflowId);
    return () => svc.temporal.client.workflow.getHandle(workflowId).query<TReceivedSignal[]>('received');
  }

  /** A materials clock run (no worker polls its queue): its input and the dutyDone signals it got. */
  async function clockRun(workflowId: string) {
    const handle = svc.temporal.client.workflow.getHandle(workflowId);
    const description = await handle.describe();
    const { events } = await handle.fetchHistory();
    const started = events!.find((e) => e.workflowExecutionStartedEventAttributes)!;
    const [input] = (await fromHistoryPayloads(
      started.workflowExecutionStartedEventAttributes!.input!.payloads,
    )) as [TDutyClockInput];
    const done: unknown[] = [];
    for (const e of events!) {
      const signalled = e.workflowExecutionSignaledEventAttributes;
      if (signalled?.signalName === 'dutyDone')
        done.push(...(await fromHistoryPayloads(signalled.input!.payloads)));
    }
    return {
      type: description.type,
      taskQueue: description.taskQueue,
      runId: description.runId,
      input,
      done,
    };
  }

  it('issues the opinion once, signals reviewOpinionIssued with the intake round and files the opinion', async () => {
    const caseNumber = uniqueCaseNumber();
    const received = await startProbe(caseNumber);
    const reviewId = await reviewReadyForOpinion(svc, caseNumber, 3);
    svc.recordingStub.failNextRequests(1); // the recording service is briefly down

    const res = await request(svc.app)
      .post(`/reviews/${reviewId}/opinion`)
      .set(await svc.as(users.reviewerA))
      .send({ outcome: 'approve', reasons: '事实清楚，证据确凿，程序合法，适用法律准确' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ outcome: 'approve', outcomeLabel: '同意', round: 3, caseNumber });
    expect(res.body.documentText).toContain('审核意见：同意');
    expect(res.body.contentSha256).toMatch(/^[0-9a-f]{64}$/);

    const signals = await eventually(async () => {
      const s = await received();
      expect(s).toHaveLength(1);
      return s;
    });
    expect(signals[0]).toEqual({
      name: 'reviewOpinionIssued',
      payload: {
        round: 3,
        outcome: 'approve',
        reasons: '事实清楚，证据确凿，程序合法，适用法律准确',
        issuedAt: res.body.issuedAt,
        reviewerId: users.reviewerA.id,
        opinionId: res.body.id,
      },
    });

    // The first filing attempt met a 503; the retry (backoff elapsed) files it.
    await svc.outbox.drain();
    expect(svc.recordingStub.received).toHaveLength(0);
    svc.clock.advance(60_000);
    await svc.outbox.runOnce();
    expect(svc.recordingStub.received).toHaveLength(1);
    const filed = svc.recordingStub.received[0]!;
    expect(filed.path).toBe(`/internal/cases/${caseNumber}/records`);
    expect(decodeURIComponent(String(filed.headers['idempotency-key']))).toBe(
      `legal-review:file-opinion:${res.body.id}`,
    );
    expect(filed.headers.authorization).toBe('Bearer test-system-token');
    expect(filed.body).toEqual({
      kind: 'legalReviewOpinion',
      content: expect.objectContaining({
        reviewId,
        opinionId: res.body.id,
        round: 3,
        outcome: 'approve',
        reasons: '事实清楚，证据确凿，程序合法，适用法律准确',
        reviewerId: users.reviewerA.id,
        reviewerName: users.reviewerA.name,
        issuedAt: res.body.issuedAt,
      }),
    });
    expect((filed.body as { content: { reviewPoints: unknown[] } }).content.reviewPoints).toHaveLength(9);
    const opinion = await request(svc.app)
      .get(`/reviews/${reviewId}/opinion`)
      .set(await svc.as(users.handler));
    expect(opinion.body.caseFileCopy).toMatchObject({ status: 'filed', recordId: 'rec-1', attempts: 2 });

    // A second opinion on the same round is refused.
    const again = await request(svc.app)
      .post(`/reviews/${reviewId}/opinion`)
      .set(await svc.as(users.reviewerA))
      .send({ outcome: 'modify', reasons: '改变主意' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'conflict', reason: 'opinionExists' });
    expect(again.body.detail).toContain('不可更改');
    expect(again.body.detail).toMatch(/已于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 出具审核意见/u);
    expect(await received()).toHaveLength(1);

    // The archive copy cannot be changed even by SQL.
    await expect(
      svc.db.$executeRaw`UPDATE "Opinion" SET "reasons" = 'x' WHERE "reviewId" = ${reviewId}::uuid`,
    ).rejects.toThrow(/immutable/);
    expect(await auditActions(svc.db, reviewId)).toEqual([
      'review.received',
      'review.assigned',
      'review.findingsRecorded',
      'review.opinionIssued',
    ]);
    // Each delivery is on the audit trail too: the workflow was told, the case file has its copy.
    expect(await auditActions(svc.db, reviewId, { deliveries: true })).toEqual([
      'outbox.workflowSignalled',
      'outbox.filedToCaseFile',
    ]);
    const filedEvent = await svc.db.auditEvent.findFirstOrThrow({
      where: { subject: `review:${reviewId}`, action: 'outbox.filedToCaseFile' },
    });
    expect(filedEvent.details).toMatchObject({ attempts: 2, result: { recordId: 'rec-1' } });
  });

  it('stops the clock while materials are awaited and restarts it on receipt, signalling both in order', async () => {
    const caseNumber = uniqueCaseNumber();
    const received = await startProbe(caseNumber);
    const reviewId = await reviewReadyForOpinion(svc, caseNumber);
    const reviewer = await svc.as(users.reviewerA);

    const ask = await request(svc.app)
      .post(`/reviews/${reviewId}/material-requests`)
      .set(reviewer)
      .send({ missing: ['evidence'], dueDate: '2026-03-06', note: '请补充工资支付凭证原件' });
    expect(ask.status).toBe(201);
    expect(ask.body).toMatchObject({
      seq: 1,
      missing: ['evidence'],
      dueDate: '2026-03-06',
      receivedAt: null,
    });

    const paused = await request(svc.app).get(`/reviews/${reviewId}`).set(reviewer);
    expect(paused.body).toMatchObject({ status: 'awaitingMaterials', clock: 'paused', overdue: false });

    const blocked = await request(svc.app)
      .post(`/reviews/${reviewId}/opinion`)
      .set(reviewer)
      .send({ outcome: 'approve', reasons: '同意' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.reason).toBe('materialsIncomplete');
    expect(blocked.body.detail).toContain('相关证据材料');

    // Three days later the handler supplies them: the 10 working days count from this receipt.
    svc.clock.set(new Date('2026-03-05T03:00:00Z'));
    const answer = await request(svc.app)
      .post(`/reviews/${reviewId}/material-requests/${ask.body.id}/receipt`)
      .set(await svc.as(users.handler))
      .send({ materials: [{ kind: 'evidence', documentId: 'ev-9', title: '工资支付凭证' }] });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ late: false, receivedBy: { id: users.handler.id } });
    const running = await request(svc.app).get(`/reviews/${reviewId}`).set(reviewer);
    expect(running.body).toMatchObject({
      status: 'inReview',
      clock: 'running',
      clockStartAt: '2026-03-05T03:00:00.000Z',
      dueDate: '2026-03-19',
      dueAt: '2026-03-19T16:00:00.000Z',
    });

    const signals = await eventually(async () => {
      const s = await received();
      expect(s).toHaveLength(2);
      return s;
    });
    expect(signals).toEqual([
      {
        name: 'reviewMaterialsRequested',
        payload: {
          round: 1,
          requestedAt: '2026-03-02T02:00:00.000Z',
          dueDate: '2026-03-06',
          missing: ['evidence'],
          note: '请补充工资支付凭证原件',
        },
      },
      { name: 'reviewMaterialsReceived', payload: { round: 1, receivedAt: '2026-03-05T03:00:00.000Z' } },
    ]);

    const issued = await request(svc.app)
      .post(`/reviews/${reviewId}/opinion`)
      .set(reviewer)
      .send({ outcome: 'supplementInvestigation', reasons: '部分事实尚需补充调查' });
    expect(issued.status).toBe(201);
    await eventually(async () => expect(await received()).toHaveLength(3));
    expect((await received())[2]).toMatchObject({
      name: 'reviewOpinionIssued',
      payload: { round: 1, outcome: 'supplementInvestigation' },
    });
  });

  it('starts the materials clock with the request (its escalation kept in the case file, once) and stops it on receipt; no sweep', async () => {
    const caseNumber = uniqueCaseNumber();
    await startProbe(caseNumber);
    svc.clock.set(new Date('2026-03-02T02:00:00Z'));
    const reviewId = await intake(svc, intakeBody(caseNumber));
    const head = await svc.as(users.head);
    const ask = await request(svc.app)
      .post(`/reviews/${reviewId}/material-requests`)
      .set(head)
      .send({ missing: ['otherMaterials', 'evidence'], dueDate: '2026-03-04' });
    expect(ask.status).toBe(201);
    const before = svc.recordingStub.received.length;
    const clockId = dutyClockWorkflowId('reviewMaterials', ask.body.id);
    clocks.push(clockId);
    await svc.outbox.drain();

    // One run, started in the request's commit, on the service's task queue, for the date set.
    const run = await clockRun(clockId);
    expect(run.type).toBe(dutyClockWorkflowType);
    expect(run.taskQueue).toBe(svc.domain.taskQueue);
    const review = await svc.db.review.findUniqueOrThrow({ where: { id: reviewId } });
    expect(run.input).toEqual({
      kind: 'reviewMaterials',
      subjectId: ask.body.id,
      title: '第 1 轮法制审核要求补充的材料（其他材料、相关证据材料）',
      link: `/reviews/${reviewId}`,
      caseNumber,
      dueDate: '2026-03-04',
      // The case officers by name; the clock's escalation adds their unit head (notifyClockStep).
      assigneeIds: review.handlerIds,
      // Its escalation goes into the case file as the sweep's did: the case's workflow, the legal-review clock.
      caseFile: {
        workflowId: lifecycleWorkflowId(caseNumber),
        clockId: 'legalReviewMaterials:1:1',
        clock: 'legalReview',
        round: 1,
        cycle: review.cycle,
      },
    });
    expect(review.handlerIds.length).toBeGreaterThan(0);

    // A repeated delivery (at-least-once) does not start a second run, and so no second escalation:
    // the escalation's idempotency key is the run's id (`<run>:escalation:1`).
    const reset = await svc.db.outboxMessage.updateMany({
      where: { dedupeKey: `materials-clock-start:${ask.body.id}` },
      data: { deliveredAt: null, nextAttemptAt: new Date('2026-03-02T02:00:00Z') },
    });
    expect(reset.count).toBe(1);
    await svc.outbox.runOnce();
    expect(
      await svc.db.outboxMessage.count({
        where: { dedupeKey: `materials-clock-start:${ask.body.id}`, deliveredAt: { not: null } },
      }),
    ).toBe(1);
    expect((await clockRun(clockId)).runId).toBe(run.runId);

    // The date set (2026-03-04) is past on the Temporal server's clock: the run escalates at once —
    // the case officers and their head told by name, the escalation kept in the case file, once.
    const escalations = () =>
      svc.recordingStub.received
        .slice(before)
        .filter((r) => decodeURIComponent(String(r.headers['idempotency-key'] ?? '')).startsWith(clockId));
    const [escalation] = await eventually(async () => {
      expect(escalations()).toHaveLength(1);
      return escalations();
    });
    expect(escalation?.path).toBe(`/internal/cases/${caseNumber}/escalations`);
    expect(decodeURIComponent(String(escalation?.headers['idempotency-key']))).toBe(
      `${clockId}:escalation:1`,
    );
    expect(escalation?.body).toMatchObject({
      workflowId: lifecycleWorkflowId(caseNumber),
      clockId: 'legalReviewMaterials:1:1',
      clock: 'legalReview',
      level: 1,
      notified: { audience: 'unitHead', roles: ['head'] },
      round: 1,
      dueAt: '2026-03-04T16:00:00.000Z',
    });
    expect((escalation?.body as { reason: string }).reason).toContain('应于 2026-03-04 前完成');
    const steps = clockSteps.filter((c) => c.clockKey.startsWith(clockId));
    expect(steps.map((c) => [c.level, c.assigneeIds])).toEqual([[1, review.handlerIds]]);
    // The service itself posts no escalation any more (no sweep).
    svc.clock.set(new Date('2026-03-05T01:00:00Z'));
    await svc.outbox.drain();
    await svc.outbox.runOnce();
    expect(svc.recordingStub.received.slice(before).filter((r) => r.path.endsWith('/escalations'))).toEqual([
      escalation,
    ]);

    const overdue = await request(svc.app).get('/reviews/overdue').set(head);
    expect(overdue.status).toBe(200);
    expect(overdue.body.items.find((i: { id: string }) => i.id === reviewId)).toMatchObject({
      attention: 'materialsLate',
      attentionAt: '2026-03-04T16:00:00.000Z',
    });

    const late = await request(svc.app)
      .post(`/reviews/${reviewId}/material-requests/${ask.body.id}/receipt`)
      .set(await svc.as(users.handler))
      .send({
        materials: [
          { kind: 'otherMaterials', documentId: 'rec-8', title: '补充说明' },
          { kind: 'evidence', documentId: 'ev-8', title: '补充证据' },
        ],
      });
    expect(late.status).toBe(200);
    expect(late.body.late).toBe(true);
    await svc.outbox.drain();
    // The receipt stops the clock: one dutyDone, with the receipt's instant.
    expect((await clockRun(clockId)).done).toEqual([
      { subjectId: ask.body.id, doneAt: '2026-03-05T01:00:00.000Z', outcome: '材料已逾期提交' },
    ]);
    expect(await auditActions(svc.db, reviewId)).toEqual([
      'review.received',
      'review.materialsRequested',
      'review.materialsReceivedLate',
    ]);
  });
});
