/**
 * 双随机 results end to end (issue 15; #13 item 4), the whole system in this process with the real
 * worker: on the demo plan (scripts/demo/load-inspection-demo.ts), a 立案查处 result opens the case in
 * the recording service — its lifecycle starts, with the object's drawn inspectors as officers —
 * and the normal results, checked by the disclosure office and approved by a head, are published
 * by the task's results workflow and become public.
 */
import { lifecycleWorkflowId } from '@sanxiang/shared';
import { loadWorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { computeClockInstants } from '@sanxiang/shared/src/clocks';
import { inspectionResultsWorkflowId } from '@sanxiang/shared/src/contracts';
import { bearer, testStack } from '@sanxiang/testing';
import { users } from '../../scripts/demo/demo-data';
import { loadDirectoryDemo } from '../../scripts/demo/load-directory-demo';
import { loadInspectionDemo } from '../../scripts/demo/load-inspection-demo';
import { startInProcessSystem, type TInProcessSystem } from '../support/in-process-system';

jest.setTimeout(150_000);

const auth = {
  get secret() {
    return testStack().authSecret;
  },
  issuer: process.env.AUTH_ISSUER ?? 'sanxiang-local',
  audience: process.env.AUTH_AUDIENCE ?? 'sanxiang',
};

let system: TInProcessSystem;
const opened: string[] = [];

beforeAll(async () => {
  system = await startInProcessSystem();
  await loadDirectoryDemo(system.urls.directory, auth);
}, 90_000);

afterAll(async () => {
  await system?.terminateCases(opened);
  await system?.stop();
});

type TObject = { objectId: string; objectName: string; inspectors: { id: string; name: string }[] };

async function call(
  user: Parameters<typeof bearer>[0],
  method: string,
  url: string,
  body?: unknown,
  key?: string,
) {
  const res = await fetch(url, {
    method,
    headers: {
      authorization: await bearer(user),
      'content-type': 'application/json',
      ...(key ? { 'idempotency-key': key } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function eventually<T>(fn: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

it('a 立案查处 result starts a lifecycle; the checked and approved results are published by the task workflow', async () => {
  const base = system.urls.inspection;
  const { taskId } = await loadInspectionDemo(base, auth);
  const head = users.unitHead;
  const results = await call(head, 'GET', `${base}/tasks/${taskId}/results`);
  expect(results.status).toBe(200);
  const objects = results.body.objects as TObject[];
  expect(objects.length).toBeGreaterThanOrEqual(2);
  const inspectorOf = (o: TObject) => ({
    id: o.inspectors[0]!.id,
    name: o.inspectors[0]!.name,
    roles: ['officer' as const],
  });

  // 立案查处: the case is opened in recording by the service, its number generated.
  const [first, ...rest] = objects;
  const caseResult = await call(
    inspectorOf(first!),
    'PUT',
    `${base}/tasks/${taskId}/results/${first!.objectId}`,
    { result: 'caseOpened', note: '拖欠三名劳动者工资共计 2.4 万元' },
    'case-1',
  );
  expect(caseResult.status).toBe(200);
  const caseNumber = caseResult.body.caseNumber as string;
  opened.push(caseNumber);
  expect(caseNumber).toMatch(/^双随机〔2026〕LDBZ-2026-01-[0-9a-f]{8}-\d+号$/u);
  expect(caseResult.body.resultLabel).toBe('立案查处');
  const caseFile = await call(
    inspectorOf(first!),
    'GET',
    `${system.urls.recording}/cases/${encodeURIComponent(caseNumber)}`,
  );
  expect(caseFile.status).toBe(200);
  expect(caseFile.body).toMatchObject({ caseNumber, party: { name: first!.objectName } });
  expect((caseFile.body.officers as { userId: string }[]).map((o) => o.userId).sort()).toEqual(
    first!.inspectors.map((i) => i.id).sort(),
  );
  const lifecycle = system.temporal.client.workflow.getHandle(lifecycleWorkflowId(caseNumber));
  await eventually(async () => expect((await lifecycle.describe()).status.name).toBe('RUNNING'));
  // The same request again opens nothing new; a case once opened keeps its result.
  const again = await call(
    inspectorOf(first!),
    'PUT',
    `${base}/tasks/${taskId}/results/${first!.objectId}`,
    { result: 'caseOpened', note: '拖欠三名劳动者工资共计 2.4 万元' },
    'case-1',
  );
  expect(again.body.caseNumber).toBe(caseNumber);
  const downgrade = await call(
    inspectorOf(first!),
    'PUT',
    `${base}/tasks/${taskId}/results/${first!.objectId}`,
    { result: 'noProblem' },
    'case-2',
  );
  expect(downgrade.status).toBe(409);

  for (const [i, o] of rest.entries())
    expect(
      (
        await call(
          inspectorOf(o),
          'PUT',
          `${base}/tasks/${taskId}/results/${o.objectId}`,
          { result: 'noProblem' },
          `r${i}`,
        )
      ).status,
    ).toBe(200);

  expect(
    (await call(users.discloser, 'POST', `${base}/tasks/${taskId}/results/check`, undefined, 'check')).status,
  ).toBe(200);
  // A head drawn as one of the task's inspectors may not approve (审核办法 §3); another head does.
  const taskInspectors = new Set(objects.flatMap((o) => o.inspectors.map((i) => i.id)));
  if (taskInspectors.has(users.unitHead.id)) {
    const own = await call(
      users.unitHead,
      'POST',
      `${base}/tasks/${taskId}/results/approval`,
      undefined,
      'own',
    );
    expect({ status: own.status, detail: own.body.detail }).toEqual({
      status: 409,
      detail: '职责分离（审核办法 §3）：本任务的检查人员不能审批本任务的检查结果',
    });
  }
  const approver = [users.unitHead, users.officeHead].find((u) => !taskInspectors.has(u.id))!;
  const approval = await call(
    approver,
    'POST',
    `${base}/tasks/${taskId}/results/approval`,
    undefined,
    'approve',
  );
  expect({ status: approval.status, detail: approval.body.detail }).toEqual({
    status: 200,
    detail: undefined,
  });

  // The real worker's results workflow publishes (the demo inspection ended 2026-03-31: late, so
  // it was catching up on the reminder and escalations, told through the notifications service).
  const workflow = system.temporal.client.workflow.getHandle(inspectionResultsWorkflowId(taskId));
  const outcome = (await workflow.result()) as { publishedAt: string; onTime: boolean; level: number };
  // Late (due long before now); the approval stops the catching-up steps wherever they are.
  expect(outcome.onTime).toBe(false);
  const pub = await fetch(`${base}/public/tasks/${taskId}/results`);
  expect(pub.status).toBe(200);
  const rows = (await pub.json()) as {
    resultLabel: string;
    caseNumber: string | null;
    publishedAt: string;
  }[];
  expect(rows).toHaveLength(objects.length);
  expect(rows.filter((r) => r.resultLabel === '立案查处').map((r) => r.caseNumber)).toEqual([caseNumber]);
  expect(rows[0]!.publishedAt).toBe(outcome.publishedAt);
  const staff = await call(head, 'GET', `${base}/tasks/${taskId}/results`);
  const due = computeClockInstants(
    await loadWorkingDayCalendar({}),
    'randomInspectionDisclosure',
    '2026-03-31',
  );
  expect(staff.body.publication).toMatchObject({
    status: 'published',
    level: outcome.level,
    dueDate: due.dueDate,
  });
});
