import request from 'supertest';
import { inspectionResultsWorkflowId } from '@sanxiang/shared/src/contracts';
import { bearer } from '@sanxiang/testing';
import { demoSeed, finishInspectionDemo, loadInspectionDemo } from '../../scripts/demo/load-inspection-demo';
import { runDraw, type TDrawInput } from '../../services/inspection/src/domain/draw/draw-algorithm';
import { startTestService, testAuth, type TTestService } from '../../services/inspection/test/support';
import { createHarness, type THarness } from '../../services/disclosure/test/support/harness';

/**
 * 双随机、一公开 on the public platform (#15): the real inspection service on a loopback port with
 * the demo plan (scripts/demo/load-inspection-demo.ts, finished: results entered, checked and
 * approved), the real disclosure app reading its public API server side. The four tabs, the draw
 * re-drawn from what the page offers, search, a Chinese 400 for a bad year, and a Chinese 503 when
 * the inspection service cannot answer. (The results workflow is not running here: the test
 * publishes through the internal API with a system token, as the workflow does; the browser test
 * apps/console/test/public-inspection-browser.test.ts runs the real worker.)
 */
describe('public 双随机 pages read from the inspection service', () => {
  let inspection: TTestService;
  let disclosure: THarness;
  let down: THarness;
  let taskId: string;

  beforeAll(async () => {
    inspection = await startTestService({ demoDirectory: true });
    ({ taskId } = await loadInspectionDemo(inspection.url, testAuth));
    const finished = await finishInspectionDemo(inspection.url, testAuth, taskId);
    expect(finished.status).toBe('approved');
    // As the task's workflow does once approved.
    const published = await fetch(`${inspection.url}/internal/tasks/${taskId}/results-publication`, {
      method: 'POST',
      headers: {
        authorization: await bearer({ id: 'worker', name: '工作流', roles: ['system'] }),
        'content-type': 'application/json',
        'idempotency-key': 'publish-demo',
      },
      body: JSON.stringify({ workflowId: inspectionResultsWorkflowId(taskId) }),
    });
    expect(published.status).toBe(200);
    disclosure = await createHarness({ config: { SERVICE_URL_INSPECTION: inspection.url } });
    // Nothing listens on port 9.
    down = await createHarness({ config: { SERVICE_URL_INSPECTION: 'http://127.0.0.1:9' } });
  }, 180_000);
  afterAll(async () => {
    await down?.close();
    await disclosure?.close();
    await inspection?.close();
  });

  it('shows the items list with search, and the plans by year', async () => {
    const items = await request(disclosure.app).get('/public/inspection');
    expect(items.status).toBe(200);
    expect(items.text).toMatch(/<a href="\/public\/inspection"\s+aria-current="page"\s*>抽查事项<\/a>/u);
    expect(items.text).toContain('用人单位遵守劳动保障法律法规情况的检查（LDBZ-2026-01）');
    expect(items.text).toContain('不低于名录库对象总数的5%');
    const none = await request(disclosure.app).get('/public/inspection').query({ q: '食品安全' });
    expect(none.text).toContain('没有符合条件的抽查事项。');

    const plans = await request(disclosure.app).get('/public/inspection/plans').query({ year: '2026' });
    expect(plans.status).toBe(200);
    expect(plans.text).toContain('2026年度劳动保障监察“双随机、一公开”抽查计划');
    expect(plans.text).toContain(`/public/inspection/tasks/${taskId}`);
    expect(plans.text).toContain('2026年3月2日 至 2026年3月31日');
    expect((await request(disclosure.app).get('/public/inspection/plans?year=2025')).text).toContain(
      '没有符合条件的抽查计划。',
    );
    const bad = await request(disclosure.app).get('/public/inspection/plans?year=26');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('年度：年度须为 2000 至 2100 之间的四位数字，如 2026');
  });

  it('shows a task with the drawn objects and inspectors, the seed and algorithm, and the input to re-draw it', async () => {
    const tasks = await request(disclosure.app).get('/public/inspection/tasks').query({ q: '第一批' });
    expect(tasks.text).toContain('2026年第一批用人单位劳动保障守法情况随机抽查');
    const page = await request(disclosure.app).get(`/public/inspection/tasks/${taskId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<code>${demoSeed}</code>`);
    expect(page.text).toContain('sanxiang-draw-v1');
    const draw = await request(disclosure.app).get(`/public/inspection/tasks/${taskId}/draw.json`);
    expect(draw.status).toBe(200);
    expect(draw.body.seed).toBe(demoSeed);
    const assignments = draw.body.assignments as {
      objectId: string;
      objectName: string;
      inspectors: { id: string; name: string }[];
    }[];
    expect(assignments).toHaveLength(4);
    for (const a of assignments) {
      expect(page.text).toContain(a.objectName);
      expect(page.text).toContain(a.inspectors.map((i) => i.name).join('、'));
    }
    // Re-drawn by anyone from what the platform offers: the same objects and inspectors.
    expect(runDraw(draw.body.input as TDrawInput, draw.body.seed as number)).toEqual({
      ok: true,
      assignments: assignments.map((a) => ({
        objectId: a.objectId,
        inspectorIds: a.inspectors.map((i) => i.id),
      })),
    });
    expect((await request(disclosure.app).get('/public/inspection/tasks/not-a-task')).status).toBe(404);
    expect(
      (await request(disclosure.app).get('/public/inspection/tasks/00000000-0000-4000-8000-000000000000'))
        .status,
    ).toBe(404);
  });

  it('shows the published results, searchable, per task', async () => {
    const results = await request(disclosure.app).get('/public/inspection/results').query({ year: '2026' });
    expect(results.status).toBe(200);
    expect(results.text).toContain('共 4 条结果');
    expect(results.text).toContain('发现问题，已责令整改');
    expect(results.text).toContain('未找到');
    const one = await request(disclosure.app).get(`/public/inspection/results?taskId=${taskId}`);
    expect(one.text).toContain('共 4 条结果');
    const none = await request(disclosure.app)
      .get('/public/inspection/results')
      .query({ q: '不存在的单位名称' });
    expect(none.text).toContain('没有符合条件的已公示抽查结果。');
  });

  it('answers 503 in Chinese when the inspection service cannot answer', async () => {
    for (const path of ['/public/inspection', '/public/inspection/plans', '/public/inspection/results']) {
      const res = await request(down.app).get(path);
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^text\/html/u);
      expect(res.text).toContain('双随机抽查信息暂时无法获取（随机抽查系统不可用），请稍后再试');
    }
  });
});
