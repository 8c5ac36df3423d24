import request from 'supertest';
import { demoObjectCodes, demoSeed, loadInspectionDemo } from '../../../scripts/demo/load-inspection-demo';
import { runDraw, type TDrawInput } from '../src/domain/draw/draw-algorithm';
import { usccProblem } from '../src/domain/objects/uscc';
import { startTestService, testAuth, type TTestService } from './support';

// The demo data of `npm start`: one published plan with a draw, on the demo directory.
describe('the inspection demo (scripts/demo/load-inspection-demo.ts)', () => {
  let svc: TTestService;
  beforeAll(async () => {
    svc = await startTestService({ demoDirectory: true });
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('uses valid 统一社会信用代码 for its employers', () => {
    expect(demoObjectCodes.filter((c) => usccProblem(c) !== null)).toEqual([]);
    expect(new Set(demoObjectCodes).size).toBe(20);
  });

  it('loads one published plan whose draw re-draws from its published seed, and a second run creates nothing', async () => {
    const first = await loadInspectionDemo(svc.url, testAuth);
    const second = await loadInspectionDemo(svc.url, testAuth);
    expect(second.taskId).toBe(first.taskId);
    expect(await svc.db.taskDraw.count()).toBe(1);
    expect(await svc.db.objectImport.count()).toBe(1);
    expect(await svc.db.inspectionObject.count()).toBe(20);

    const plans = (await request(svc.app).get('/public/plans?year=2026')).body;
    expect(plans).toHaveLength(1);
    const task = (await request(svc.app).get(`/public/tasks/${first.taskId}`)).body;
    expect(task.draw.seed).toBe(demoSeed);
    // 20% of 20 employers; two certified inspectors each; 张伟 never at the employer he declared.
    expect(task.draw.assignments).toHaveLength(4);
    for (const a of task.draw.assignments) {
      expect(a.inspectors).toHaveLength(2);
      if (a.uscc === demoObjectCodes[3])
        expect(a.inspectors.map((i: { id: string }) => i.id)).not.toContain('demo-officer-zhangwei');
    }
    const input = task.draw.input as TDrawInput;
    expect(input.inspectors.length).toBeGreaterThanOrEqual(4);
    expect(runDraw(input, demoSeed)).toEqual({
      ok: true,
      assignments: task.draw.assignments.map((a: { objectId: string; inspectors: { id: string }[] }) => ({
        objectId: a.objectId,
        inspectorIds: a.inspectors.map((i) => i.id),
      })),
    });
  });
});
