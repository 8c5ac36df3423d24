import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger, systemTokenSource, type TComposedService } from '@sanxiang/shared';
import { ZReviewAssignment, type TReviewAssignment } from '@sanxiang/shared/src/contracts';
import { bearer, createTestDatabase, testConfig, testStack, type TTestDatabase } from '@sanxiang/testing';
import { composeService as composeDirectory } from '@sanxiang/directory';
import { composeService as composeNotifications } from '@sanxiang/notifications';
import { createLifecycleActivities } from '@sanxiang/workflows/src/lifecycle/activities';
import {
  notifyClockStep,
  type TNotifyClockStepInput,
} from '@sanxiang/workflows/src/lifecycle/activities/notify-clock-step';
import { reportClockEvent } from '@sanxiang/workflows/src/lifecycle/activities/report-clock-event';
import { createServiceClient, type TServiceClient } from '@sanxiang/workflows/src/http/service-client';
import type { Express } from 'express';
import {
  bundleLifecycleWorkflows,
  eventually,
  majorProposal,
  msg,
  serverNow,
  sleepUntil,
  startCase,
  startHarness,
  status,
  terminateQuietly,
  type THarness,
} from '@sanxiang/workflows/test/support/lifecycle-harness';

/**
 * Issue 11 "Done when": the lifecycle in the time-skipping environment, with the real directory and
 * notifications services and the real SMTP server (Mailpit, read through its API). Only the other
 * services' activities are stubbed (and legal-review's assignment lookup answers the assigned reviewer).
 */
jest.setTimeout(240_000);

const marker = `${process.pid}${Date.now().toString(36)}`;
const email = (who: string) => `${who}-${marker}@sanxiang.local`;
const people = {
  reviewer: { id: `rev-${marker}`, name: '李审核', roles: ['reviewer'] },
  officeHead: { id: `ohead-${marker}`, name: '王主任', roles: ['reviewer', 'head'] },
  agencyHead: { id: `ahead-${marker}`, name: '赵局长', roles: ['head'] },
  /** Head of an enforcement unit: the board shows them their unit's clocks only. */
  unitHead: { id: `uhead-${marker}`, name: '孙科长', roles: ['head'] },
  /** The disclosure office (catalogue-update clock): a discloser and its head. */
  discloser: { id: `disc-${marker}`, name: '周公示', roles: ['discloser'] },
  disclosureHead: { id: `dhead-${marker}`, name: '吴科长', roles: ['head'] },
} as const;

async function listen(app: Express): Promise<{ server: Server; url: string }> {
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, url: `http://127.0.0.1:${address.port}` };
}

async function seed(directoryUrl: string) {
  const authorization = await bearer({ id: 'test-admin', name: '测试管理员', roles: ['admin'] });
  const put = async (path: string, body: unknown) => {
    const res = await fetch(`${directoryUrl}${path}`, {
      method: 'PUT',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`PUT ${path} → ${res.status} ${await res.text()}`);
  };
  await put('/agencies/czrs', { name: '常州市人力资源和社会保障局' });
  await put('/units/fazhi', { agencyId: 'czrs', code: 'fazhi', name: '法制审核科', kind: 'legalReview' });
  await put('/units/lingdao', { agencyId: 'czrs', code: 'lingdao', name: '局领导', kind: 'leadership' });
  await put('/units/jiancha', { agencyId: 'czrs', code: 'jiancha', name: '监察一科', kind: 'enforcement' });
  await put('/units/gongkai', { agencyId: 'czrs', code: 'gongkai', name: '政务公开科', kind: 'disclosure' });
  const person = (
    id: string,
    login: string,
    name: string,
    unitId: string,
    roles: readonly string[],
    mail: string,
  ) => put(`/people/${id}`, { login, name, unitId, post: '工作人员', roles, email: mail });
  await person(
    people.reviewer.id,
    `r${marker}`,
    people.reviewer.name,
    'fazhi',
    people.reviewer.roles,
    email('reviewer'),
  );
  await person(
    people.officeHead.id,
    `o${marker}`,
    people.officeHead.name,
    'fazhi',
    people.officeHead.roles,
    email('office-head'),
  );
  await person(
    people.agencyHead.id,
    `a${marker}`,
    people.agencyHead.name,
    'lingdao',
    people.agencyHead.roles,
    email('agency-head'),
  );
  await person(
    people.unitHead.id,
    `u${marker}`,
    people.unitHead.name,
    'jiancha',
    people.unitHead.roles,
    email('unit-head'),
  );
  for (const who of ['discloser', 'disclosureHead'] as const)
    await person(
      people[who].id,
      `${who.toLowerCase()}${marker}`,
      people[who].name,
      'gongkai',
      people[who].roles,
      email(who.toLowerCase()),
    );
  await put('/units/gongkai/leadership', { headId: people.disclosureHead.id, deputyIds: [] });
  await put('/units/fazhi/leadership', { headId: people.officeHead.id, deputyIds: [] });
  await put('/units/jiancha/leadership', { headId: people.unitHead.id, deputyIds: [] });
  await put('/units/lingdao/leadership', { headId: people.agencyHead.id, deputyIds: [] });
}

const repoRoot = path.resolve(__dirname, '../..');

/** A workflow worker in its own OS process (workflows/test/support/workflow-worker-process.ts). */
async function startWorkflowWorker(h: THarness, bundlePath: string): Promise<ChildProcess> {
  // node itself with tsx's loader (not the tsx wrapper, which would leave its node child running).
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'workflows/test/support/workflow-worker-process.ts')],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: h.env.address,
        TASK_QUEUE: h.taskQueue,
        WORKFLOW_BUNDLE: bundlePath,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready\n')) resolve();
    });
    child.once('exit', (code, signal) => reject(new Error(`workflow worker exited (${code ?? signal})`)));
  });
  return child;
}

/** SIGKILL: no graceful shutdown, whatever the worker was doing is abandoned. */
async function kill(child: ChildProcess): Promise<NodeJS.Signals | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.signalCode;
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_c, s) => resolve(s)));
  child.kill('SIGKILL');
  return exited;
}

async function mailTo(address: string): Promise<string[]> {
  const res = await fetch(
    `${testStack().mail.apiUrl}/api/v1/search?query=${encodeURIComponent(`to:${address}`)}`,
  );
  const found = (await res.json()) as { messages: { Subject: string }[] };
  return found.messages.map((m) => m.Subject).sort();
}

describe('escalations reach people (issue 11)', () => {
  const stops: (() => Promise<void> | void)[] = [];
  let h: THarness;
  let notificationsUrl: string;
  let notify: (input: TNotifyClockStepInput) => Promise<unknown>;
  let realNotify: ReturnType<typeof notifyClockStep>;
  let clockEvents: ReturnType<typeof reportClockEvent>;
  /** Calls of the activity, and whether this attempt "crashed" after the service had answered. */
  const attempts: { level: number; crashed: boolean }[] = [];

  beforeAll(async () => {
    const databases: TTestDatabase[] = await Promise.all([
      createTestDatabase('directory'),
      createTestDatabase('notifications'),
    ]);
    stops.push(() => Promise.all(databases.map((d) => d.drop())).then(() => undefined));
    const logger = createLogger({ name: 'escalations-test', level: 'silent' });
    const start = async (service: TComposedService) => {
      stops.push(() => service.close());
      stops.push(service.startBackground());
      const l = await listen(service.app);
      stops.push(() => new Promise<void>((resolve) => l.server.close(() => resolve())));
      return l.url;
    };
    const directoryUrl = await start(
      composeDirectory(testConfig('directory', { DATABASE_URL: databases[0]!.url }), { logger }),
    );
    notificationsUrl = await start(
      composeNotifications(
        testConfig('notifications', {
          DATABASE_URL: databases[1]!.url,
          SMTP_URL: testStack().mail.smtpUrl,
          SERVICE_URL_DIRECTORY: directoryUrl,
        }),
        { logger, emailPollMs: 50 },
      ),
    );
    await seed(directoryUrl);
    const token = systemTokenSource({
      secret: testStack().authSecret,
      issuer: process.env.AUTH_ISSUER ?? 'sanxiang-local',
      audience: process.env.AUTH_AUDIENCE ?? 'sanxiang',
    });
    const client = (baseUrl: string) => createServiceClient({ baseUrl, token });
    const assignment: TServiceClient = {
      post: () => Promise.reject(new Error('not used')),
      get: async (_path, options) =>
        options.response.parse({
          reviewId: 'review',
          assigneeId: people.reviewer.id,
          assigneeName: people.reviewer.name,
        } satisfies TReviewAssignment) as never,
    };
    expect(ZReviewAssignment.parse({ reviewId: 'r', assigneeId: null, assigneeName: null })).toBeDefined();
    const notifyDeps = {
      directory: client(directoryUrl),
      legalReview: assignment,
      notifications: client(notificationsUrl),
    };
    const real = notifyClockStep(notifyDeps);
    realNotify = real;
    clockEvents = reportClockEvent(notifyDeps);
    // The first attempt of the escalation "crashes" after the service answered (a worker killed
    // between the call and its completion): Temporal retries it.
    notify = async (input) => {
      const result = await real(input);
      const crashed = input.level === 1 && !attempts.some((a) => a.level === 1);
      attempts.push({ level: input.level, crashed });
      if (crashed) throw new Error('worker killed mid-way (simulated)');
      return result;
    };
    void createLifecycleActivities; // the real activity set is what the worker registers (types)
  });

  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
  });

  it('tells the assigned reviewer, then the office head, once each, across an activity crash and a killed worker process; the board shows it', async () => {
    const bundle = await bundleLifecycleWorkflows();
    const bundleDir = mkdtempSync(path.join(tmpdir(), 'sanxiang-bundle-'));
    const bundlePath = path.join(bundleDir, 'workflows.js');
    writeFileSync(bundlePath, bundle);
    // This process runs the activities; workflow tasks run in a separate worker process.
    h = await startHarness(
      'escalations-reach-people',
      bundle,
      { notifyClockStep: notify as never, reportClockEvent: clockEvents },
      { workflows: false },
    );
    const workers: ChildProcess[] = [await startWorkflowWorker(h, bundlePath)];
    try {
      const caseNumber = `常人社监察〔2026〕${marker}号`;
      const handle = await startCase(h, caseNumber);
      await handle.executeUpdate(msg.submitProposal, { args: [majorProposal(await serverNow(h))] });
      const clock = await eventually(async () => {
        const found = (await status(handle)).clocks.find((c) => c.id === 'legalReview:1');
        expect(found).toBeDefined();
        return found!;
      });

      const reviewerToken = await bearer({ ...people.reviewer, roles: ['reviewer'] });
      const headToken = await bearer({ ...people.officeHead, roles: ['reviewer', 'head'] });
      const getJson = async <T>(path: string, authorization: string): Promise<T> =>
        (await (await fetch(`${notificationsUrl}${path}`, { headers: { authorization } })).json()) as T;
      type TBoard = {
        scope: { all: boolean; unitId: string | null };
        total: number;
        overdue: number;
        byKind: unknown[];
        groups: unknown[];
        rows: unknown[];
      };
      type TMine = { items: { caseNumber: string; kind: string; levelLabel: string; role: string }[] };

      // From its start, before any step fired: on the board (未提醒) and in the reviewer's 我的待办.
      await eventually(async () => {
        const board = await getJson<TBoard>('/board', headToken);
        expect(board.total).toBe(1);
        expect(board.groups).toEqual([
          expect.objectContaining({
            kindLabel: '法制审核',
            levelLabel: '未提醒',
            unitName: '法制审核科',
            count: 1,
          }),
        ]);
      });
      const mine = await getJson<TMine>('/tasks/mine', reviewerToken);
      expect(mine.items).toEqual([
        expect.objectContaining({ caseNumber, kind: 'legalReview', levelLabel: '未提醒', role: 'assignee' }),
      ]);

      // Past the due date: the reminder and the escalation fire.
      await sleepUntil(h, new Date(Date.parse(clock.dueAt) + 60_000).toISOString());
      await eventually(async () => {
        const levels = h.stubs.forCase(h.stubs.seen.escalations, caseNumber).map((e) => e.request.level);
        expect(levels).toEqual([0, 1]);
      }, 60_000);
      const inbox = (await (
        await fetch(`${notificationsUrl}/inbox`, { headers: { authorization: reviewerToken } })
      ).json()) as { items: { levelLabel: string; caseNumber: string; link: string }[] };
      expect(
        inbox.items.map((i: { levelLabel: string; caseNumber: string }) => [i.levelLabel, i.caseNumber]),
      ).toEqual([
        ['超期督办', caseNumber],
        ['到期提醒', caseNumber],
      ]);
      expect(inbox.items[0]!.link).toBe(`/cases/${encodeURIComponent(caseNumber)}`);
      await eventually(async () =>
        expect(await mailTo(email('reviewer'))).toEqual([
          expect.stringContaining('【到期提醒】法制审核'),
          expect.stringContaining('【超期督办】法制审核'),
        ]),
      );
      // The case file records who was told, when and how.
      const escalation = h.stubs
        .forCase(h.stubs.seen.escalations, caseNumber)
        .find((e) => e.request.level === 1)!;
      expect(escalation.request.notified.people).toEqual([
        expect.objectContaining({
          personId: people.reviewer.id,
          audience: 'assignee',
          channels: ['inbox', 'email'],
        }),
        expect.objectContaining({
          personId: people.officeHead.id,
          audience: 'unitHead',
          channels: ['inbox', 'email'],
        }),
      ]);
      expect(attempts.filter((a) => a.level === 1).map((a) => a.crashed)).toEqual([true, false]);

      // The board lists the case under 法制审核 / 已超期.
      const board = await getJson<TBoard>('/board', headToken);
      expect(board.total).toBe(1);
      expect(board.overdue).toBe(1);
      expect(board.byKind).toEqual([{ kind: 'legalReview', kindLabel: '法制审核', running: 1, overdue: 1 }]);
      expect(board.groups).toEqual([
        expect.objectContaining({
          kindLabel: '法制审核',
          stateLabel: '已超期',
          unitName: '法制审核科',
          count: 1,
        }),
      ]);
      expect(board.rows[0]).toMatchObject({ caseNumber, link: `/cases/${encodeURIComponent(caseNumber)}` });
      // Scope: the agency head sees every unit; another unit's head sees only their own (none here).
      const agencyBoard = await getJson<TBoard>(
        '/board',
        await bearer({ ...people.agencyHead, roles: ['head'], unitId: 'lingdao' }),
      );
      expect([agencyBoard.scope, agencyBoard.total]).toEqual([{ all: true, unitId: null }, 1]);
      const unitToken = await bearer({ ...people.unitHead, roles: ['head'], unitId: 'jiancha' });
      const unitBoard = await getJson<TBoard>('/board', unitToken);
      expect([unitBoard.scope, unitBoard.total]).toEqual([{ all: false, unitId: 'jiancha' }, 0]);
      expect((await getJson<TBoard>('/board?unitId=fazhi', unitToken)).total).toBe(0);

      {
        // The workflow worker process is killed between the escalation and the second one; a
        // replacement process (a new worker, empty cache) takes the case over from its history.
        const killedPid = workers[0]!.pid!;
        expect(await kill(workers[0]!)).toBe('SIGKILL');
        expect(() => process.kill(killedPid, 0)).toThrow(); // the process is gone
        workers.push(await startWorkflowWorker(h, bundlePath));
        const notifiedBefore = attempts.length;
        await sleepUntil(h, new Date(Date.parse(clock.secondEscalateAt) + 60_000).toISOString());
        await eventually(async () => {
          const levels = h.stubs.forCase(h.stubs.seen.escalations, caseNumber).map((e) => e.request.level);
          expect(levels).toEqual([0, 1, 2]);
        }, 60_000);
        await eventually(async () => {
          expect(await mailTo(email('office-head'))).toEqual([
            expect.stringContaining('【二次督办】法制审核'),
            expect.stringContaining('【超期督办】法制审核'),
          ]);
          expect(await mailTo(email('agency-head'))).toEqual([
            expect.stringContaining('【二次督办】法制审核'),
          ]);
        });
        // Nothing twice: the reviewer still has exactly one e-mail per step, and the replacement
        // replayed levels 0 and 1 without calling the activity for them again.
        expect(await mailTo(email('reviewer'))).toHaveLength(2);
        expect(attempts.slice(notifiedBefore).map((a) => a.level)).toEqual([2]);
        expect(h.stubs.forCase(h.stubs.seen.escalations, caseNumber).map((e) => e.request.level)).toEqual([
          0, 1, 2,
        ]);

        // The opinion stops the clock: off the board and out of 我的待办.
        await handle.signal(msg.reviewOpinionIssued, {
          round: 1,
          outcome: 'approve',
          reasons: '事实清楚，证据确凿',
          issuedAt: await serverNow(h),
          reviewerId: people.reviewer.id,
          opinionId: `opinion-${marker}`,
        });
        await eventually(async () => expect((await getJson<TBoard>('/board', headToken)).total).toBe(0));
        expect((await getJson<TMine>('/tasks/mine', reviewerToken)).items).toEqual([]);
        await terminateQuietly(handle);

        // A clock of the unit head's own unit is on their board; the office's are not.
        const clockKey = `evidence-${marker}`;
        const res = await fetch(`${notificationsUrl}/internal/clock-events`, {
          method: 'POST',
          headers: {
            authorization: await bearer({ id: 'system:worker', name: '流程引擎', roles: ['system'] }),
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            type: 'started',
            clock: {
              clockKey,
              kind: 'evidenceUpload',
              caseNumber,
              title: '执法记录上传',
              link: `/cases/${encodeURIComponent(caseNumber)}`,
              dueAt: clock.dueAt,
              dueDate: clock.dueDate,
              unitId: 'jiancha',
              unitName: '监察一科',
            },
            at: await serverNow(h),
            assigneeIds: [],
          }),
        });
        expect(res.status).toBe(204);
        const own = await getJson<TBoard>('/board', unitToken);
        expect([own.total, own.byKind]).toEqual([
          1,
          [{ kind: 'evidenceUpload', kindLabel: '执法记录上传', running: 1, overdue: expect.any(Number) }],
        ]);
      }
    } finally {
      for (const w of workers) await kill(w);
      rmSync(bundleDir, { recursive: true, force: true });
      if (h.worker.getState() === 'RUNNING') await h.stop();
      else await h.env.teardown();
    }
  });

  it("tells the catalogue-update clock's levels to the disclosure office, its head, then the agency head", async () => {
    // What catalogueUpdateWorkflow hands the activity (no case, no named assignee).
    const step = (level: 0 | 1 | 2) =>
      realNotify({
        clockKey: `catalogue-update:${marker}:catalogueUpdate`,
        kind: 'catalogueUpdate',
        level,
        caseNumber: null,
        caseTitle: '《劳动保障监察条例》修订',
        link: `/catalogue-changes/${marker}`,
        dueAt: '2026-12-31T15:59:59.999Z',
        dueDate: '2026-12-31',
        reason: `事前公开内容更新逾期（第 ${level} 级）`,
        at: new Date().toISOString(),
        assigneeIds: [],
      });
    const told = async (level: 0 | 1 | 2) =>
      (await step(level)).people.map((p) => [p.personId, p.audience]).sort();
    expect(await told(0)).toEqual([[people.discloser.id, 'assignee']]);
    expect(await told(1)).toEqual(
      [
        [people.discloser.id, 'assignee'],
        [people.disclosureHead.id, 'unitHead'],
      ].sort(),
    );
    expect(await told(2)).toEqual(
      [
        [people.disclosureHead.id, 'unitHead'],
        [people.agencyHead.id, 'agencyHead'],
      ].sort(),
    );
    // A repeat (an activity retry) tells nobody twice.
    expect((await step(2)).people.map((p) => p.personId).sort()).toEqual(
      [people.disclosureHead.id, people.agencyHead.id].sort(),
    );
    await eventually(async () => expect((await mailTo(email('discloser'))).length).toBe(2));
  });
});
