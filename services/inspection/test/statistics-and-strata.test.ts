import request from 'supertest';
import { inspectionResultsWorkflowId } from '@sanxiang/shared/src/contracts';
import { runDraw, stratifiedDrawAlgorithm, type TDrawInput } from '../src/domain/draw/draw-algorithm';
import { usccCheckCharacter } from '../src/domain/objects/uscc';
import { inspectors, scope, startTestService, type TTestService, users, validUscc } from './support';

type TAssignment = { objectId: string; uscc: string; inspectors: { id: string }[] };

const item = (name: string) => ({
  name,
  subject: '常州市劳动保障监察支队',
  basis: '《劳动保障监察条例》第十一条',
  objectScope: '本市用人单位',
  content: '劳动合同、工资支付',
  ratio: '不低于5%',
  method: '现场检查',
  frequency: '每年1次',
  ...scope,
});

// 分层抽取 (#15: "stratified where the item says so") and the annual figures (统计年报) counted from
// the rows: the figures are compared with counts the test takes itself, in SQL, of the same tables.
describe('stratified draws and the annual 双随机 figures', () => {
  let svc: TTestService;
  let admin: { authorization: string };
  let head: { authorization: string };
  let discloser: { authorization: string };
  let system: { authorization: string };
  // 12 objects: 天宁区 6, 钟楼区 4, 新北区 2.
  const districts = ['天宁区', '天宁区', '钟楼区', '天宁区', '钟楼区', '新北区'];
  const codes = Array.from({ length: 12 }, (_, i) => validUscc(300 + i, usccCheckCharacter));
  const inspectorOf = (id: string) => inspectors.find((i) => i.id === id)!;
  const ids: { stratified?: string; plain?: string; other?: string } = {};

  const createTask = async (planId: string, body: Record<string, unknown>) => {
    const res = await request(svc.app)
      .post(`/plans/${planId}/tasks`)
      .set(head)
      .send({ startDate: '2026-06-01', endDate: '2026-06-30', ...body });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    svc = await startTestService();
    admin = await svc.as(users.admin);
    head = await svc.as(users.head);
    discloser = await svc.as(users.discloser);
    system = await svc.as({ id: 'worker', name: '工作流', roles: ['system'] });
    const strat = await request(svc.app)
      .put('/items/LD-S1')
      .set(admin)
      .send({ ...item('按区域分层的用人单位检查'), stratifyBy: 'district' });
    expect(strat.status).toBe(201);
    expect(strat.body.stratifyBy).toBe('district');
    const bad = await request(svc.app)
      .put('/items/LD-S9')
      .set(admin)
      .send({ ...item('错误的分层'), stratifyBy: 'street' });
    expect(bad.status).toBe(400);
    expect((await request(svc.app).put('/items/LD-P1').set(admin).send(item('不分层的检查'))).status).toBe(
      201,
    );
    const csv = [
      '统一社会信用代码,名称,类型,地址,所属区域',
      ...codes.map((c, i) => `${c},分层测试${i + 1}号有限公司,企业,,${districts[i % 6]}`),
    ].join('\n');
    expect(
      (await request(svc.app).post('/object-imports').set(admin).set('content-type', 'text/csv').send(csv))
        .status,
    ).toBe(201);
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('a stratified task draws each district’s share, publishes the strata, and re-draws from its seed', async () => {
    const plan = await request(svc.app)
      .post('/plans')
      .set(head)
      .send({ name: '2026年度分层抽查计划', year: 2026 });
    ids.stratified = await createTask(plan.body.id, { itemCode: 'LD-S1', name: '分层任务', objectCount: 6 });
    ids.plain = await createTask(plan.body.id, { itemCode: 'LD-P1', name: '不分层任务', objectCount: 3 });
    const draw = await request(svc.app).post(`/tasks/${ids.stratified}/draws`).set(head).send({ seed: 7 });
    expect(draw.status).toBe(201);
    expect(draw.body.algorithm).toBe(stratifiedDrawAlgorithm);
    // 6 of 12 in proportion: 天宁区 3, 新北区 1, 钟楼区 2 (strata in key order).
    expect(draw.body.input.strata).toEqual([
      { by: 'district', key: '天宁区', poolSize: 6, count: 3 },
      { by: 'district', key: '新北区', poolSize: 2, count: 1 },
      { by: 'district', key: '钟楼区', poolSize: 4, count: 2 },
    ]);
    const districtOf = new Map(codes.map((c, i) => [c, districts[i % 6]]));
    expect(draw.body.assignments.map((a: TAssignment) => districtOf.get(a.uscc))).toEqual([
      '天宁区',
      '天宁区',
      '天宁区',
      '新北区',
      '钟楼区',
      '钟楼区',
    ]);
    // The plain item keeps the v1 algorithm; a redraw needs its reason.
    const plain = await request(svc.app).post(`/tasks/${ids.plain}/draws`).set(head).send({ seed: 8 });
    expect(plain.body.algorithm).toMatch(/^sanxiang-draw-v1/u);
    expect(plain.body.input.strata).toBeUndefined();
    expect(
      (
        await request(svc.app)
          .post(`/tasks/${ids.plain}/draws`)
          .set(head)
          .send({ seed: 9, reason: '一名检查人员调离执法岗位' })
      ).status,
    ).toBe(201);
    expect((await request(svc.app).post(`/plans/${plan.body.id}/publication`).set(head)).status).toBe(200);
    for (const t of [ids.stratified, ids.plain])
      expect((await request(svc.app).post(`/tasks/${t}/publication`).set(head)).status).toBe(200);

    // Anyone re-draws the published stratified draw from its seed and input.
    const pub = (await request(svc.app).get(`/public/tasks/${ids.stratified}`)).body;
    expect(runDraw(pub.draw.input as TDrawInput, pub.draw.seed)).toEqual({
      ok: true,
      assignments: pub.draw.assignments.map((a: TAssignment) => ({
        objectId: a.objectId,
        inspectorIds: a.inspectors.map((i) => i.id),
      })),
    });
  });

  it('counts the year’s plans, draws, results, cases and publication exactly as the rows say', async () => {
    // Results on the stratified task: every object, one of each kind (立案查处's case is written
    // into the row as recording would have answered: that service is not part of this test).
    const results = (await request(svc.app).get(`/tasks/${ids.stratified}/results`).set(head)).body
      .objects as TAssignment[];
    const kinds = [
      { result: 'noProblem' },
      { result: 'rectificationOrdered', note: '未按月足额支付工资，已责令整改' },
      { result: 'notFound', note: '登记地址无此单位' },
      { result: 'noProblem' },
      { result: 'noProblem' },
      { result: 'rectificationOrdered', note: '未签订书面劳动合同，已责令整改' },
    ];
    for (const [i, o] of results.entries())
      expect(
        (
          await request(svc.app)
            .put(`/tasks/${ids.stratified}/results/${o.objectId}`)
            .set(await svc.as(inspectorOf(o.inspectors[0]!.id)))
            .set('idempotency-key', `s${i}`)
            .send(kinds[i])
        ).status,
      ).toBe(200);
    const plainObjects = (await request(svc.app).get(`/tasks/${ids.plain}/results`).set(head)).body
      .objects as TAssignment[];
    await svc.db.drawnObject.updateMany({
      where: { taskId: ids.plain, objectId: plainObjects[0]!.objectId, draw: { supersededAt: null } },
      data: { result: 'caseOpened', caseNumber: '双随机〔2026〕LD-P1-test-1号', resultNote: '拖欠工资' },
    });
    // The stratified task's results: checked, approved, published after the due instant (late).
    expect(
      (
        await request(svc.app)
          .post(`/tasks/${ids.stratified}/results/check`)
          .set(discloser)
          .set('idempotency-key', 'c')
      ).status,
    ).toBe(200);
    expect(
      (
        await request(svc.app)
          .post(`/tasks/${ids.stratified}/results/approval`)
          .set(head)
          .set('idempotency-key', 'a')
      ).status,
    ).toBe(200);
    expect(
      (
        await request(svc.app)
          .post(`/internal/tasks/${ids.stratified}/results-clock`)
          .set(system)
          .set('idempotency-key', 'k')
          .send({
            dueDate: '2026-07-28',
            dueAt: '2026-07-28T15:59:59.999Z',
            remindAt: '2026-07-24T01:00:00.000Z',
            escalateAt: '2026-07-28T15:59:59.999Z',
            secondEscalateAt: '2026-07-31T15:59:59.999Z',
            provisional: false,
          })
      ).status,
    ).toBe(200);
    expect(
      (
        await request(svc.app)
          .post(`/internal/tasks/${ids.stratified}/results-publication`)
          .set(system)
          .set('idempotency-key', 'p')
          .send({ workflowId: inspectionResultsWorkflowId(ids.stratified!) })
      ).status,
    ).toBe(200);
    // Not counted: a draft plan of 2026 and a published plan of 2025 with a published task.
    await request(svc.app).post('/plans').set(head).send({ name: '2026年度未公布计划', year: 2026 });
    const older = await request(svc.app).post('/plans').set(head).send({ name: '2025年度计划', year: 2025 });
    ids.other = await createTask(older.body.id, {
      itemCode: 'LD-P1',
      name: '2025年任务',
      objectCount: 2,
      startDate: '2025-06-01',
      endDate: '2025-06-30',
    });
    await request(svc.app).post(`/tasks/${ids.other}/draws`).set(head).send({ seed: 1 });
    await request(svc.app).post(`/plans/${older.body.id}/publication`).set(head);
    await request(svc.app).post(`/tasks/${ids.other}/publication`).set(head);

    const stats = await request(svc.app).get('/statistics?year=2026').set(head);
    expect(stats.status).toBe(200);

    // The same figures counted in SQL over the tables themselves.
    const one = async (sql: string) => Number(((await svc.db.$queryRawUnsafe(sql)) as { n: bigint }[])[0]!.n);
    const inYear = `t."status" = 'published' AND p."status" = 'published' AND p."year" = 2026`;
    const current = `FROM "DrawnObject" d JOIN "TaskDraw" w ON w."id" = d."drawId" AND w."supersededAt" IS NULL
      JOIN "InspectionTask" t ON t."id" = d."taskId" JOIN "InspectionPlan" p ON p."id" = t."planId"`;
    const byResult = async (r: string) =>
      one(`SELECT count(*) AS n ${current} WHERE ${inYear} AND d."result" = '${r}'`);
    const sql = {
      plans: await one(
        `SELECT count(*) AS n FROM "InspectionPlan" WHERE "status" = 'published' AND "year" = 2026`,
      ),
      tasks: await one(
        `SELECT count(*) AS n FROM "InspectionTask" t JOIN "InspectionPlan" p ON p."id" = t."planId" WHERE ${inYear}`,
      ),
      objectsDrawn: await one(`SELECT count(*) AS n ${current} WHERE ${inYear}`),
      inspectorAssignments: await one(
        `SELECT coalesce(sum(cardinality(d."inspectorIds")), 0) AS n ${current} WHERE ${inYear}`,
      ),
      redraws: await one(
        `SELECT count(*) AS n FROM "TaskDraw" w JOIN "InspectionTask" t ON t."id" = w."taskId"
         JOIN "InspectionPlan" p ON p."id" = t."planId" WHERE ${inYear} AND w."supersededAt" IS NOT NULL`,
      ),
      results: {
        noProblem: await byResult('noProblem'),
        rectificationOrdered: await byResult('rectificationOrdered'),
        caseOpened: await byResult('caseOpened'),
        notFound: await byResult('notFound'),
      },
      pending: await one(`SELECT count(*) AS n ${current} WHERE ${inYear} AND d."result" IS NULL`),
      casesOpened: await one(
        `SELECT count(*) AS n ${current} WHERE ${inYear} AND d."result" = 'caseOpened' AND d."caseNumber" IS NOT NULL`,
      ),
      tasksResultsPublished: await one(
        `SELECT count(*) AS n FROM "InspectionTask" t JOIN "InspectionPlan" p ON p."id" = t."planId"
         WHERE ${inYear} AND t."resultsPublishedAt" IS NOT NULL`,
      ),
      tasksResultsPublishedLate: await one(
        `SELECT count(*) AS n FROM "InspectionTask" t JOIN "InspectionPlan" p ON p."id" = t."planId"
         WHERE ${inYear} AND t."resultsPublishedAt" > t."resultsDueAt"`,
      ),
    };
    const { plans, ...figures } = sql;
    expect(stats.body.plans).toBe(plans);
    expect(stats.body.total).toEqual(figures);
    // And what the rows hold is what the test did: not vacuous.
    expect(figures).toEqual({
      tasks: 2,
      objectsDrawn: 9,
      inspectorAssignments: 18,
      redraws: 1,
      results: { noProblem: 3, rectificationOrdered: 2, caseOpened: 1, notFound: 1 },
      pending: 2,
      casesOpened: 1,
      tasksResultsPublished: 1,
      tasksResultsPublishedLate: 1,
    });
    // Per item (the two items of the one plan), and the plan's row equals the total.
    expect(stats.body.byPlan).toHaveLength(1);
    expect(stats.body.byPlan[0]).toMatchObject({ planName: '2026年度分层抽查计划', ...figures });
    expect(
      stats.body.byItem.map((i: { itemCode: string; objectsDrawn: number }) => [i.itemCode, i.objectsDrawn]),
    ).toEqual([
      ['LD-P1', 3],
      ['LD-S1', 6],
    ]);

    const csv = await request(svc.app).get('/statistics.csv?year=2026').set(discloser);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.text
      .replace(/^\uFEFF/u, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      '统计范围,名称,抽查任务数,抽取对象数,检查人员人次,重新抽取次数,未发现问题,发现问题，已责令整改,立案查处,未找到,未登记结果,立案案件数,结果已公示任务数,逾期公示任务数',
    );
    expect(lines.at(-1)).toBe('全年合计,2026年（抽查计划 1 个）,2,9,18,1,3,2,1,1,2,1,1,1');
    expect(lines).toHaveLength(1 + 1 + 2 + 1);

    // Officers do not read the figures; a bad year is named in Chinese.
    expect(
      (
        await request(svc.app)
          .get('/statistics?year=2026')
          .set(await svc.as(inspectors[0]!))
      ).status,
    ).toBe(403);
    const badYear = await request(svc.app).get('/statistics?year=abc').set(head);
    expect(badYear.status).toBe(400);
    expect(JSON.stringify(badYear.body)).toContain('年度');
  });
});
