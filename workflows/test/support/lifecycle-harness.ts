import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { workflowsRelease } from '../../src/testing/releases';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { cachedWorkflowBundle } from '@sanxiang/testing';
import {
  type TCaseLifecycleInput,
  type TCaseLifecycleStatus,
  type TDecisionMade,
  type TSubmitProposal,
} from '@sanxiang/shared/src/contracts';
import {
  type WorkingDayCalendar,
  dateInShanghai,
  loadWorkingDayCalendar,
} from '@sanxiang/shared/src/calendar';
import type { TPartyKind } from '@sanxiang/shared/src/domain';
import type { TLifecycleActivities } from '../../src/lifecycle/activities';
import { startCaseLifecycle } from '../../src/lifecycle/start-case-lifecycle';
import type { caseLifecycleWorkflow } from '../../src/lifecycle/workflow/case-lifecycle';
import * as msg from '../../src/lifecycle/workflow/messages';
import { saStage } from '../../src/lifecycle/workflow/search-attributes';
import { historyToJson } from '../../src/testing/history-json';
import { createTimeSkippingEnv } from '../../src/testing/time-skipping-env';
import { createStubServices, type TStubServices } from './stub-services';

export { msg };
export type TLifecycleHandle = WorkflowHandle<typeof caseLifecycleWorkflow>;

export interface THarness {
  env: TestWorkflowEnvironment;
  taskQueue: string;
  calendar: { current: WorkingDayCalendar };
  stubs: TStubServices;
  worker: Worker;
  stop: () => Promise<void>;
}

/**
 * One time-skipping server, one workflow bundle and one worker per test file (beforeAll), with
 * stubbed services and the shipped calendar. Tests use distinct case numbers.
 */
/** The workflow bundle, built once for all suites until a source changes (cachedWorkflowBundle). */
export const bundleLifecycleWorkflows = async (): Promise<string> =>
  readFileSync((await cachedWorkflowBundle(require.resolve('../../src/workflows'))).codePath, 'utf8');

export async function startHarness(
  taskQueue: string,
  bundleCode?: string,
  /** Real activities in place of some stubs (e.g. notifyClockStep against real services). */
  overrides: Partial<TLifecycleActivities> = {},
  /** `false`: this worker runs activities only (workflow workers run elsewhere, e.g. in another process). */
  options: { workflows?: boolean } = {},
): Promise<THarness> {
  // Settled, not Promise.all: a failed server start must not leave the bundler running past teardown.
  const [envResult, bundleResult, calendarResult] = await Promise.allSettled([
    createTimeSkippingEnv(),
    bundleCode !== undefined
      ? Promise.resolve({ code: bundleCode })
      : bundleLifecycleWorkflows().then((code) => ({ code })),
    loadWorkingDayCalendar(),
  ]);
  if (envResult.status === 'rejected') throw envResult.reason;
  const env = envResult.value;
  if (bundleResult.status === 'rejected' || calendarResult.status === 'rejected') {
    await env.teardown();
    throw bundleResult.status === 'rejected'
      ? bundleResult.reason
      : (calendarResult as PromiseRejectedResult).reason;
  }
  const bundle = bundleResult.value;
  const calendar = calendarResult.value;
  const calendarRef = { current: calendar };
  const stubs = createStubServices(calendarRef);
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    ...(options.workflows === false ? {} : { workflowBundle: { code: bundle.code } }),
    activities: { ...stubs.activities, ...overrides },
  });
  const running = worker.run();
  return {
    env,
    taskQueue,
    calendar: calendarRef,
    stubs,
    worker,
    stop: async () => {
      worker.shutdown();
      await running;
      await env.teardown();
    },
  };
}

export const serverNow = async (h: THarness): Promise<string> =>
  new Date(await h.env.currentTimeMs()).toISOString();

export async function startCase(
  h: THarness,
  caseNumber: string,
  partyKind: TPartyKind = 'legalPerson',
): Promise<TLifecycleHandle> {
  const input: TCaseLifecycleInput = {
    caseNumber,
    title: '拖欠劳动者工资案',
    party: { kind: partyKind, name: partyKind === 'naturalPerson' ? '张某' : '某某建筑工程有限公司' },
    openedBy: 'officer-1',
    openedAt: await serverNow(h),
  };
  const { handle, started } = await startCaseLifecycle(h.env.client, input, { taskQueue: h.taskQueue });
  if (!started) throw new Error(`case ${caseNumber} already had a lifecycle`);
  return handle;
}

export const status = (handle: TLifecycleHandle): Promise<TCaseLifecycleStatus> => handle.query(msg.status);

/** Retries an assertion (real time) until it passes: workflow tasks run asynchronously to the test. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * Waits for a stage through the `Stage` search attribute (describe), not a query: the Java test
 * server leaks its time-skipping lock when a query task is outstanding while the run closes or
 * continues-as-new, and every later `env.sleep`/`result()` then hangs. So: query only while a run
 * is known to stay open (see `waitForPublished`), and use `result()` for the closing step.
 */
export const stageIs = async (
  handle: TLifecycleHandle,
  stage: TCaseLifecycleStatus['stage'],
): Promise<void> => {
  await eventually(async () => {
    const described = await handle.describe();
    expect(described.typedSearchAttributes.get(saStage)).toBe(stage);
  });
};

/**
 * Terminates a run once no activity of it is in flight (the same time-skipping lock leak as above
 * happens for an activity whose run closes under it).
 */
export async function terminateQuietly(handle: TLifecycleHandle): Promise<void> {
  await eventually(async () => expect((await handle.describe()).raw.pendingActivities ?? []).toHaveLength(0));
  await handle.terminate('test done');
}

/** Publication continues-as-new: wait until the new run is there (different from `runBefore`). */
export const waitForPublished = async (
  handle: TLifecycleHandle,
  runBefore: string,
): Promise<TCaseLifecycleStatus> => {
  await eventually(async () => {
    const described = await handle.describe();
    expect(described.runId).not.toBe(runBefore);
    expect(described.typedSearchAttributes.get(saStage)).toBe('published');
  });
  return status(handle);
};

/** Advance the time-skipping server to `instant` (no-op if already past) and let timers fire. */
export async function sleepUntil(h: THarness, instant: string): Promise<void> {
  const ms = Date.parse(instant) - (await h.env.currentTimeMs());
  if (ms > 0) await h.env.sleep(ms);
}

// ---- payloads ----------------------------------------------------------------------------------

export const officers = [
  { userId: 'officer-1', name: '王强', certificateNumber: '21010020001' },
  { userId: 'officer-2', name: '李娜', certificateNumber: '21010020002' },
];

const allMaterials: TSubmitProposal['materials'] = [
  { kind: 'investigationReport', documentId: 'rec-report', title: '调查终结报告' },
  { kind: 'proposedDecision', documentId: 'rec-proposal', title: '拟作出处罚决定及说明' },
  { kind: 'draftDecisionDocument', documentId: 'rec-draft', title: '行政处罚决定书（代拟稿）' },
  { kind: 'evidence', documentId: 'rec-evidence', title: '证据材料' },
  { kind: 'otherMaterials', documentId: 'rec-other', title: '其他材料（无）' },
];

export const minorProposal = (at: string, overrides: Partial<TSubmitProposal> = {}): TSubmitProposal => ({
  submittedBy: 'officer-1',
  submittedAt: at,
  officers,
  decisionKind: 'penalty',
  summary: '责令支付拖欠工资并处罚款',
  major: false,
  majorCriteria: [],
  hearingOrAssessmentHeld: false,
  materials: [],
  ...overrides,
});

export const majorProposal = (at: string, overrides: Partial<TSubmitProposal> = {}): TSubmitProposal =>
  minorProposal(at, {
    major: true,
    majorCriteria: ['majorRightsAffected'],
    materials: allMaterials,
    ...overrides,
  });

export const decision = (decisionDate: string, overrides: Partial<TDecisionMade> = {}): TDecisionMade => ({
  recordedBy: 'officer-1',
  decisionDate,
  documentNumber: '常人社监罚〔2026〕8号',
  decisionKind: 'penalty',
  collectiveDiscussionRecordId: 'rec-collective',
  headApprovalRecordId: 'rec-head',
  publication: {
    enforcementMethod: '劳动保障监察',
    content: '拖欠 12 名劳动者工资共计 36 万元',
    decision: '责令限期支付并处罚款 2 万元',
    penaltyKind: '罚款',
    legalBasis: '《劳动保障监察条例》第二十六条',
    performance: '自收到决定书之日起 15 日内缴纳',
    issuingAuthority: '某市人力资源和社会保障局',
  },
  disclosure: { mode: 'publish' },
  ...overrides,
});

export const todayInShanghai = async (h: THarness): Promise<string> => dateInShanghai(await serverNow(h));

// ---- recording histories for replay tests --------------------------------------------------------

/** Histories are kept per release (`workflows/package.json` version, or HISTORIES_RELEASE). */
const historiesDir = (): string =>
  path.join(__dirname, '..', 'histories', process.env.HISTORIES_RELEASE ?? workflowsRelease());

/**
 * With RECORD_HISTORIES=1, saves the history of every run of this workflow (following
 * continue-as-new back to the first run) as `test/histories/<release>/<name>.json` (`<name>.<n>.json` when
 * there are several runs). replay.test.ts replays them all against the current workflow code.
 */
export async function recordHistory(h: THarness, handle: TLifecycleHandle, name: string): Promise<void> {
  await recordRunHistory(h.env.client, handle.workflowId, name);
}

/** As {@link recordHistory}, for any workflow (e.g. the catalogue-update and inspection clocks). */
export async function recordRunHistory(
  client: TestWorkflowEnvironment['client'],
  workflowId: string,
  name: string,
): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const runs: Awaited<ReturnType<TLifecycleHandle['fetchHistory']>>[] = [];
  let runId: string | undefined = (await client.workflow.getHandle(workflowId).describe()).runId;
  while (runId) {
    const history: (typeof runs)[number] = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    runs.unshift(history);
    const previous: string | null | undefined =
      history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
    runId = previous || undefined;
  }
  const dir = historiesDir();
  mkdirSync(dir, { recursive: true });
  runs.forEach((history, index) => {
    const file = runs.length === 1 ? `${name}.json` : `${name}.${index + 1}.json`;
    writeFileSync(path.join(dir, file), `${historyToJson(history)}\n`);
  });
}
