import request from 'supertest';
import { inspectionResultsWorkflowId, inspectionResultsWorkflowType } from '@sanxiang/shared/src/contracts';
import { usccCheckCharacter } from '../src/domain/objects/uscc';
import { inspectors, scope, startTestService, type TTestService, users, validUscc } from './support';

// 抽查结果公示 (000 §17, 003 (六); #13 items 3, 4): publishing a task starts its results workflow (the
// 20-working-day clock; its time-skipping test is workflows/src/inspection/workflow.test.ts); the
// results are checked by the disclosure office and approved by a head — never by one of the task's
// inspectors, nor the checker approving — then the workflow publishes them through the internal API.
describe('inspection results: check, head approval, publication by the task workflow', () => {
  let svc: TTestService;
  let head: { authorization: string };
  let discloser: { authorization: string };
  let system: { authorization: string };
  let taskId: string;
  let drawn: { objectId: string; inspectors: { id: string }[] }[];
  const codes = Array.from({ length: 3 }, (_, i) => validUscc(100 + i, usccCheckCharacter));
  const inspectorOf = (id: string) => inspectors.find((i) => i.id === id)!;

  beforeAll(async () => {
    svc = await startTestService();
    const admin = await svc.as(users.admin);
    head = await svc.as(users.head);
    discloser = await svc.as(users.discloser);
    system = await svc.as({ id: 'worker', name: '工作流', roles: ['system'] });
    expect(
      (
        await request(svc.app)
          .put('/items/LD-009')
          .set(admin)
          .send({
            name: '工资支付情况检查',
            subject: '常州市劳动保障监察支队',
            basis: '《劳动保障监察条例》第十一条',
            objectScope: '本市用人单位',
            content: '工资支付',
            ratio: '不低于5%',
            method: '现场检查',
            frequency: '每年1次',
            ...scope,
          })
      ).status,
    ).toBe(201);
    const csv = ['统一社会信用代码,名称', ...codes.map((c, i) => `${c},结果测试${i + 1}号有限公司`)].join(
      '\n',
    );
    const imported = await request(svc.app)
      .post('/object-imports')
      .set(admin)
      .set('content-type', 'text/csv')
      .send(csv);
    expect(imported.status).toBe(201);
    const plan = await request(svc.app)
      .post('/plans')
      .set(head)
      .send({ name: '2026年度工资支付抽查计划', year: 2026 });
    const task = await request(svc.app).post(`/plans/${plan.body.id}/tasks`).set(head).send({
      itemCode: 'LD-009',
      name: '2026年第二季度工资支付检查',
      objectCount: 3,
      startDate: '2026-06-01',
      endDate: '2026-06-30',
    });
    taskId = task.body.id;
    const draw = await request(svc.app).post(`/tasks/${taskId}/draws`).set(head).send({ seed: 42 });
    expect(draw.status).toBe(201);
    drawn = draw.body.assignments;
    expect((await request(svc.app).post(`/plans/${plan.body.id}/publication`).set(head)).status).toBe(200);
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('publishing a task starts its results workflow (20 working days from the end of the inspection)', async () => {
    expect((await request(svc.app).post(`/tasks/${taskId}/publication`).set(head)).status).toBe(200);
    const handle = svc.temporal.workflow.getHandle(inspectionResultsWorkflowId(taskId));
    const described = await handle.describe();
    expect(described.type).toBe(inspectionResultsWorkflowType);
    expect(described.taskQueue).toBe(svc.taskQueue);
    expect(described.status.name).toBe('RUNNING');
    // Publishing again starts nothing new.
    expect((await request(svc.app).post(`/tasks/${taskId}/publication`).set(head)).status).toBe(200);
    expect((await handle.describe()).runId).toBe(described.runId);
  });

  it('refuses the check until every object has its result, and to one of the task’s inspectors (审核办法 §3)', async () => {
    const early = await request(svc.app)
      .post(`/tasks/${taskId}/results/check`)
      .set(discloser)
      .set('idempotency-key', 'c0');
    expect(early.status).toBe(409);
    expect(early.body.detail).toBe('检查结果尚未登记完毕（还有 3 个检查对象），不能核对');
    for (const [i, o] of drawn.entries()) {
      const res = await request(svc.app)
        .put(`/tasks/${taskId}/results/${o.objectId}`)
        .set(await svc.as(inspectorOf(o.inspectors[0]!.id)))
        .set('idempotency-key', `r${i}`)
        .send(
          i === 0
            ? { result: 'rectificationOrdered', note: '工资表未按月公示，已责令整改' }
            : { result: 'noProblem' },
        );
      expect(res.status).toBe(200);
    }
    // An inspector of this task who also works in the disclosure office may not check it.
    const inspectorAsDiscloser = await svc.as({
      ...inspectorOf(drawn[1]!.inspectors[1]!.id),
      roles: ['discloser'],
    });
    const own = await request(svc.app)
      .post(`/tasks/${taskId}/results/check`)
      .set(inspectorAsDiscloser)
      .set('idempotency-key', 'c1');
    expect(own.status).toBe(409);
    expect(own.body.detail).toBe('职责分离（审核办法 §3）：本任务的检查人员不能核对本任务的检查结果');
    const checked = await request(svc.app)
      .post(`/tasks/${taskId}/results/check`)
      .set(discloser)
      .set('idempotency-key', 'c2');
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({
      status: 'checked',
      statusLabel: '已核对，待负责人审批',
      checkedByName: users.discloser.name,
    });
  });

  it('refuses the approval to an inspector of the task and to the checker; a head’s approval signals the workflow', async () => {
    const inspectorAsHead = await svc.as({ ...inspectorOf(drawn[0]!.inspectors[0]!.id), roles: ['head'] });
    const own = await request(svc.app)
      .post(`/tasks/${taskId}/results/approval`)
      .set(inspectorAsHead)
      .set('idempotency-key', 'a1');
    expect(own.status).toBe(409);
    expect(own.body.detail).toBe('职责分离（审核办法 §3）：本任务的检查人员不能审批本任务的检查结果');
    const checkerAsHead = await svc.as({ ...users.discloser, roles: ['head'] });
    const checker = await request(svc.app)
      .post(`/tasks/${taskId}/results/approval`)
      .set(checkerAsHead)
      .set('idempotency-key', 'a2');
    expect(checker.status).toBe(409);
    expect(checker.body.detail).toBe('职责分离（审核办法 §3）：核对人不能审批自己核对的检查结果');
    // Not public before the workflow publishes.
    expect((await request(svc.app).get(`/public/tasks/${taskId}/results`)).status).toBe(404);
    const approved = await request(svc.app)
      .post(`/tasks/${taskId}/results/approval`)
      .set(head)
      .set('idempotency-key', 'a3');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedByName: users.head.name });
    // The signal left through the outbox, after commit, to the running workflow.
    const outbox = await svc.db.outboxMessage.findMany({ where: { kind: 'workflowSignal' } });
    expect(outbox).toEqual([
      expect.objectContaining({
        orderingKey: inspectionResultsWorkflowId(taskId),
        deliveredAt: expect.any(Date),
      }),
    ]);
    expect(outbox[0]!.payload).toMatchObject({ signal: 'resultsApproved', payload: { taskId } });
    const change = await request(svc.app)
      .put(`/tasks/${taskId}/results/${drawn[1]!.objectId}`)
      .set(await svc.as(inspectorOf(drawn[1]!.inspectors[0]!.id)))
      .set('idempotency-key', 'r9')
      .send({ result: 'notFound', note: '经营地址无此单位' });
    expect(change.status).toBe(409);
  });

  it('publishes through the internal API only (system token), then the public sees the results', async () => {
    const path = `/internal/tasks/${taskId}/results-publication`;
    const asHead = await request(svc.app)
      .post(path)
      .set(head)
      .set('idempotency-key', 'p0')
      .send({ workflowId: 'x' });
    expect(asHead.status).toBe(403);
    const published = await request(svc.app)
      .post(path)
      .set(system)
      .set('idempotency-key', 'p1')
      .send({ workflowId: inspectionResultsWorkflowId(taskId) });
    expect(published.status).toBe(200);
    const pub = await request(svc.app).get(`/public/tasks/${taskId}/results`);
    expect(pub.status).toBe(200);
    expect(pub.body.map((r: { resultLabel: string }) => r.resultLabel).sort()).toEqual(
      ['发现问题，已责令整改', '未发现问题', '未发现问题'].sort(),
    );
    const search = await request(svc.app).get('/public/results').query({ q: '结果测试', year: 2026 });
    expect(search.body).toHaveLength(3);
    const staff = await request(svc.app).get(`/tasks/${taskId}/results`).set(head);
    expect(staff.body.publication).toMatchObject({ status: 'published', statusLabel: '已公示' });
  });

  it('records the clock and the escalations the workflow reports', async () => {
    const clock = await request(svc.app)
      .post(`/internal/tasks/${taskId}/results-clock`)
      .set(system)
      .set('idempotency-key', 'k1')
      .send({
        dueDate: '2026-07-28',
        dueAt: '2026-07-28T15:59:59.999Z',
        remindAt: '2026-07-24T01:00:00.000Z',
        escalateAt: '2026-07-28T15:59:59.999Z',
        secondEscalateAt: '2026-07-31T15:59:59.999Z',
        provisional: false,
      });
    expect(clock.status).toBe(200);
    const esc = await request(svc.app)
      .post(`/internal/tasks/${taskId}/results-escalations`)
      .set(system)
      .set('idempotency-key', 'e1')
      .send({
        level: 1,
        reason: '逾期未公示',
        dueAt: '2026-07-28T15:59:59.999Z',
        at: '2026-07-28T15:59:59.999Z',
        notifiedNames: ['许公示'],
      });
    expect(esc.status).toBe(200);
    const staff = await request(svc.app).get(`/tasks/${taskId}/results`).set(head);
    expect(staff.body.publication).toMatchObject({ dueDate: '2026-07-28', level: 1 });
  });
});
