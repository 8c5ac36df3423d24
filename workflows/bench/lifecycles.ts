/**
 * Benchmark: the case-lifecycle workflow on a real Temporal server (the test stack's dev server).
 *
 *   cd /work/main && source .local/test/env.sh
 *   node --expose-gc --import tsx workflows/bench/lifecycles.ts [--lifecycles 1000] [--open 10000]
 *   (or `npm run bench -- lifecycle`)
 *   Other options: --concurrency 100 (in flight), --rounds 4, --warmup 50, --max-cached <n>
 *   (default: the literal in workflows/src/worker/main.ts), --worker-node-options=<flags> (e.g.
 *   --worker-node-options=--max-old-space-size=400), --rss-limit-mib 4096 (safety stop).
 *   --lifecycles 0 or --open 0 skips that phase.
 *
 * 1. Throughput — drives `--lifecycles` lifecycles to completion and as many baseline workflows
 *    (baseline-workflow.ts: the same messages, 7 no-op activities at the same points, the same
 *    continue-as-new, no domain), in alternating rounds, `--concurrency` in flight. Path per
 *    lifecycle (non-major):
 *      start → submitProposal (update) → decisionMade (update) → [draft created] → disclosureApproved
 *      (signal) → [publish, continue-as-new] → disclosureWithdrawn 'revoked' (signal) → completed.
 *    Target: lifecycles/s ≥ 0.8 × baseline/s.
 * 2. Memory — starts `--open` lifecycles and leaves each in `disclosure`, waiting on the
 *    7-working-day disclosure clock (timers days ahead), then reports the worker process's RSS;
 *    then baseline workflows in a worker of their own (`--baseline-open`, default min(--open, 1000)),
 *    so the memory of a cached run is compared with what the SDK alone costs.
 *    Target: < 1 GiB.
 * 3. Replay — drives one long lifecycle (3 review rounds over 2 decision cycles: supplement
 *    investigation, approve, decision, publication, withdrawal to be redone, round 3 approve, second
 *    decision and publication, revoked), fetches the history of each of its runs and replays each
 *    `--replays` times in this process (Worker.runReplayHistories, the real bundle, the codec), the
 *    baseline's two runs beside it: what a cache miss costs the worker.
 * `--quick`: 20 lifecycles, 150 open, 10 replays (a smoke run; its figures mean little).
 *
 * Workers are child processes (worker.ts), built like workflows/src/worker/main.ts: the real bundle
 * (workflows/src/workflows.ts; the baseline's worker bundles the baseline alone), the real
 * computeClock over the real calendar, instant stubs for the service activities. Each phase and
 * kind has a task queue of its own for this run; whatever is still open at the end is terminated
 * (batch terminate by task queue). Missed targets are reported, not turned into a non-zero exit;
 * broken runs (failed lifecycles, unexpected activity counts) are.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  Client,
  Connection,
  WorkflowContinuedAsNewError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type WorkflowHandleWithFirstExecutionRunId,
} from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { Worker, type WorkerStatus } from '@temporalio/worker';
import { cachedWorkflowBundle } from '@sanxiang/testing';
import {
  lifecycleQueries,
  lifecycleSignals,
  lifecycleUpdates,
  type TCaseLifecycleStatus,
  type TReviewOpinionIssued,
  type TCaseLifecycleInput,
  type TDecisionMade,
  type TDisclosureApproved,
  type TDisclosureWithdrawn,
  type TSubmitProposal,
} from '@sanxiang/shared/src/contracts';
import { dateInShanghai } from '@sanxiang/shared/src/calendar';
import { lifecycleWorkflowId, temporalDataConverter } from '@sanxiang/shared';
import { startCaseLifecycle } from '../src/lifecycle/start-case-lifecycle';
import type { TActivityCounts } from './bench-activities';
import { benchDisclosureId } from './bench-activities';
import { baselineMessageNames } from './baseline-workflow';

// ---- options -------------------------------------------------------------------------------------

const QUICK = process.argv.includes('--quick');
const { values: args } = parseArgs({
  options: {
    /** A small run of every phase (under two minutes on an idle machine): a smoke run. */
    quick: { type: 'boolean', default: false },
    lifecycles: { type: 'string', default: QUICK ? '20' : '1000' },
    open: { type: 'string', default: QUICK ? '150' : '10000' },
    concurrency: { type: 'string', default: QUICK ? '20' : '100' },
    rounds: { type: 'string', default: QUICK ? '2' : '4' },
    warmup: { type: 'string', default: QUICK ? '5' : '50' },
    /** Replays of each run of the long (3-round, 2-cycle) lifecycle; 0 skips that phase. */
    replays: { type: 'string', default: QUICK ? '10' : '50' },
    /** Baseline workflows left open in the memory phase's second half (default min(--open, 1000)); 0 skips it. */
    'baseline-open': { type: 'string' },
    'max-cached': { type: 'string' },
    /** Extra Node/V8 flags for the worker child, e.g. '--max-old-space-size=512' (experiments). */
    'worker-node-options': { type: 'string', default: '' },
    /** The memory phase stops starting lifecycles once the worker's RSS passes this (shared machine). */
    'rss-limit-mib': { type: 'string', default: '4096' },
  },
});
const intArg = (name: keyof typeof args): number => {
  const n = Number(args[name]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
  return n;
};
const LIFECYCLES = intArg('lifecycles');
const OPEN = intArg('open');
const CONCURRENCY = Math.max(1, intArg('concurrency'));
const ROUNDS = Math.max(1, intArg('rounds'));
const WARMUP = intArg('warmup');
const RSS_LIMIT_BYTES = intArg('rss-limit-mib') * 1024 ** 2;
const REPLAYS = intArg('replays');
const BASELINE_OPEN = args['baseline-open'] !== undefined ? intArg('baseline-open') : Math.min(OPEN, 1000);
const WORKER_NODE_OPTIONS = (args['worker-node-options'] ?? '').split(/\s+/).filter(Boolean);

const WORKER_MAIN = path.resolve(__dirname, '../src/worker/create-worker.ts');
/** The shipped worker's maxCachedWorkflows, read from its source so the bench measures what ships. */
function shippedMaxCached(): number {
  const m = /maxCachedWorkflows:\s*([\d_]+)/.exec(readFileSync(WORKER_MAIN, 'utf8'));
  if (!m?.[1]) throw new Error(`no literal maxCachedWorkflows in ${WORKER_MAIN}: pass --max-cached`);
  return Number(m[1].replace(/_/g, ''));
}
const MAX_CACHED = args['max-cached'] !== undefined ? intArg('max-cached') : shippedMaxCached();
const MAX_CACHED_SOURCE =
  args['max-cached'] !== undefined ? '--max-cached' : 'workflows/src/worker/create-worker.ts';

const TARGET_RATIO = 0.8;
const TARGET_RSS_BYTES = 1024 ** 3;

/** Activities per bench lifecycle (and no-ops per baseline), checked against the worker's counts. */
const EXPECTED_ACTIVITIES: TActivityCounts = {
  recordStageTransition: 4, // →decision, →disclosure, →published, →withdrawn
  computeClock: 1, // disclosure:1 clock
  createDisclosureDraft: 1,
  publishDisclosure: 1,
  fileDecisionWithOffice: 1,
  reportClockEvent: 2, // the disclosure clock started, stopped
};
const ACTIVITIES_PER_LIFECYCLE = Object.values(EXPECTED_ACTIVITIES).reduce((a, b) => a + b, 0);

const runTag = `${Date.now().toString(36)}${process.pid.toString(36)}`;
const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';

// ---- small helpers -------------------------------------------------------------------------------

const mib = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};
const loadavg = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** VmRSS / VmHWM of a process, in bytes (Linux /proc). */
function procMemory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
}

/** User + system CPU seconds a process used so far (/proc/<pid>/stat, clock ticks of 1/100 s). */
function procCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime (fields 14, 15)
}

/**
 * The test stack's Temporal server process, when it can be identified (its pid file next to the
 * stack, serving TEMPORAL_ADDRESS's port), to report its CPU time per lifecycle too.
 */
function temporalServerPid(address: string): number | undefined {
  try {
    const pid = Number(
      readFileSync(path.resolve(__dirname, '../../.local/test/run/temporal.pid'), 'utf8').trim(),
    );
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const port = address.split(':').pop();
    return cmdline.includes('--port') && cmdline[cmdline.indexOf('--port') + 1] === port ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `task(i)` for i in [0, n) with at most `limit` in flight; returns per-task ms and failures. */
async function pool(
  n: number,
  limit: number,
  task: (i: number) => Promise<void>,
  onProgress?: (done: number) => void,
): Promise<{ latencies: number[]; errors: unknown[] }> {
  const latencies: number[] = [];
  const errors: unknown[] = [];
  let next = 0;
  let done = 0;
  const lane = async (): Promise<void> => {
    while (next < n) {
      const i = next++;
      const t0 = performance.now();
      try {
        await task(i);
        latencies.push(performance.now() - t0);
      } catch (err) {
        errors.push(err);
      }
      done += 1;
      onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, n) }, lane));
  return { latencies, errors };
}

// ---- the worker child ------------------------------------------------------------------------------

interface TWorkerReport {
  worker: WorkerStatus;
  activities: TActivityCounts;
  memory: NodeJS.MemoryUsage;
}

class BenchWorker {
  /** Drafts created (case numbers) that nobody waits for yet, and waiters for drafts to come. */
  private readonly drafts = new Set<string>();
  private readonly draftWaiters = new Map<string, () => void>();

  private constructor(
    readonly child: ChildProcess,
    readonly pid: number,
    private readonly exited: Promise<number | null>,
  ) {
    child.on('message', (m: { type?: string; caseNumber?: string }) => {
      if (m.type !== 'draft' || !m.caseNumber) return;
      const waiter = this.draftWaiters.get(m.caseNumber);
      if (waiter) {
        this.draftWaiters.delete(m.caseNumber);
        waiter();
      } else {
        this.drafts.add(m.caseNumber);
      }
    });
  }

  /** Resolves once the worker created the case's disclosure draft (the disclosure service has it). */
  draftCreated(caseNumber: string): Promise<void> {
    if (this.drafts.delete(caseNumber)) return Promise.resolve();
    return new Promise((resolve) => this.draftWaiters.set(caseNumber, resolve));
  }

  /** Forget drafts nobody waits for (the memory phase does not approve). */
  forgetDrafts(): void {
    this.drafts.clear();
  }

  static async start(taskQueue: string, bundle: 'lifecycle' | 'baseline'): Promise<BenchWorker> {
    const child = fork(
      path.join(__dirname, 'worker.ts'),
      ['--task-queue', taskQueue, '--max-cached', String(MAX_CACHED), '--bundle', bundle],
      {
        execArgv: ['--expose-gc', ...WORKER_NODE_OPTIONS, '--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const ready = new Promise<number>((resolve, reject) => {
      child.on('message', (m: { type?: string; pid?: number }) => {
        if (m.type === 'ready' && m.pid) resolve(m.pid);
      });
      void exited.then((code) => reject(new Error(`bench worker exited (${code}) before it was ready`)));
    });
    return new BenchWorker(child, await ready, exited);
  }

  private request<T>(type: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onMessage = (m: { type?: string }) => {
        if (m.type !== type) return;
        this.child.off('message', onMessage);
        resolve(m as T);
      };
      this.child.on('message', onMessage);
      if (!this.child.send({ type })) reject(new Error('bench worker is gone'));
    });
  }

  status = (): Promise<TWorkerReport> => this.request<TWorkerReport>('status');
  gc = (): Promise<unknown> => this.request('gc');
  memory = () => procMemory(this.pid);
  cpuSeconds = () => procCpuSeconds(this.pid);

  /** Waits until no workflow activation or activity has been in flight for `quietMs`. */
  async settle(
    until: (r: TWorkerReport) => boolean,
    quietMs = 3000,
    timeoutMs = 600_000,
  ): Promise<TWorkerReport> {
    const deadline = Date.now() + timeoutMs;
    let quietSince: number | undefined;
    for (;;) {
      const r = await this.status();
      const busy = r.worker.numInFlightWorkflowActivations > 0 || r.worker.numInFlightActivities > 0;
      if (!busy && until(r)) {
        quietSince ??= Date.now();
        if (Date.now() - quietSince >= quietMs) return r;
      } else {
        quietSince = undefined;
      }
      if (Date.now() > deadline) throw new Error('the bench worker did not settle in time');
      await sleep(250);
    }
  }

  async stop(): Promise<void> {
    if (this.child.connected) this.child.send({ type: 'shutdown' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await this.exited;
    clearTimeout(timer);
  }
}

// ---- payloads (the same for the lifecycle and the baseline) ------------------------------------------

const decisionDate = dateInShanghai(new Date().toISOString()); // today: the clock's timers are days ahead

const proposal = (): TSubmitProposal => ({
  submittedBy: 'officer-1',
  submittedAt: new Date().toISOString(),
  officers: [
    { userId: 'officer-1', name: '王强', certificateNumber: '21010020001' },
    { userId: 'officer-2', name: '李娜', certificateNumber: '21010020002' },
  ],
  decisionKind: 'penalty',
  summary: '责令支付拖欠工资并处罚款',
  major: false,
  majorCriteria: [],
  hearingOrAssessmentHeld: false,
  materials: [],
});

const decision = (): TDecisionMade => ({
  recordedBy: 'officer-1',
  decisionDate,
  documentNumber: '常人社监罚〔2026〕8号',
  decisionKind: 'penalty',
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
});

const approval = (caseNumber: string): TDisclosureApproved => ({
  cycle: 1,
  disclosureId: benchDisclosureId(caseNumber, 1),
  approvedBy: 'head-1',
  approvedAt: new Date().toISOString(),
});

const withdrawal = (caseNumber: string): TDisclosureWithdrawn => ({
  cycle: 1,
  disclosureId: benchDisclosureId(caseNumber, 1),
  reason: 'revoked',
  explanation: '原处罚决定已被依法撤销',
  withdrawnBy: 'discloser-1',
  at: new Date().toISOString(),
});

const caseInput = (caseNumber: string): TCaseLifecycleInput => ({
  caseNumber,
  title: '拖欠劳动者工资案',
  party: { kind: 'legalPerson', name: '某某建筑工程有限公司' },
  openedBy: 'officer-1',
  openedAt: new Date().toISOString(),
});

// ---- driving -------------------------------------------------------------------------------------

type TKind = 'lifecycle' | 'baseline';

/** Update calls retried after an RPC deadline (reported: a sign of an overloaded machine). */
let rpcRetries = 0;

/** Starts one workflow of `kind` and brings it to `disclosure` (both updates answered). */
async function startToDisclosure(client: Client, taskQueue: string, kind: TKind, caseNumber: string) {
  const handle =
    kind === 'lifecycle'
      ? (await startCaseLifecycle(client, caseInput(caseNumber), { taskQueue })).handle
      : await client.workflow.start('benchBaselineWorkflow', {
          workflowId: `bench-baseline:${caseNumber}`,
          taskQueue,
          args: [{ caseNumber }],
          workflowIdConflictPolicy: 'FAIL',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        });
  // A fixed update id: a retry after an RPC deadline (busy machine) is deduplicated by the server.
  const update = async <A>(name: string, arg: A): Promise<{ stage: string }> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await handle.executeUpdate<{ stage: string }, [A]>(name, {
          args: [arg],
          updateId: `${handle.workflowId}:${name}`,
        });
      } catch (err) {
        if (!(err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) || attempt >= 5) throw err;
        rpcRetries += 1;
      }
    }
  };
  const r1 = await update(lifecycleUpdates.submitProposal, proposal());
  const r2 = await update(lifecycleUpdates.decisionMade, decision());
  if (r1.stage !== 'decision' || r2.stage !== 'disclosure') {
    throw new Error(`${handle.workflowId}: unexpected stages ${r1.stage} → ${r2.stage}`);
  }
  return handle;
}

/** One whole lifecycle (or baseline), start to completion, driven as the services would. */
async function driveToCompletion(
  client: Client,
  worker: BenchWorker,
  taskQueue: string,
  kind: TKind,
  caseNumber: string,
): Promise<{ workflowId: string; runIds: string[] }> {
  const draft = worker.draftCreated(caseNumber);
  const handle = await startToDisclosure(client, taskQueue, kind, caseNumber);
  // The disclosure service approves a draft it has: wait for the draft activity to have run.
  await draft;
  await handle.signal<[TDisclosureApproved]>(lifecycleSignals.disclosureApproved, approval(caseNumber));
  // Published → continue-as-new: the withdrawal is only accepted once published, i.e. in the new run.
  // startCaseLifecycle types its handle plainly; it is the one client.workflow.start returned.
  const firstRunId = (handle as Partial<WorkflowHandleWithFirstExecutionRunId>).firstExecutionRunId;
  if (!firstRunId) throw new Error(`${handle.workflowId}: no first run id on the start handle`);
  let newRunId: string;
  try {
    await client.workflow.result(handle.workflowId, firstRunId, { followRuns: false });
    throw new Error(`${handle.workflowId}: first run completed without continuing as new`);
  } catch (err) {
    if (!(err instanceof WorkflowContinuedAsNewError)) throw err;
    newRunId = err.newExecutionRunId;
  }
  const latest = client.workflow.getHandle(handle.workflowId, newRunId);
  await latest.signal<[TDisclosureWithdrawn]>(lifecycleSignals.disclosureWithdrawn, withdrawal(caseNumber));
  const result = (await client.workflow.result(handle.workflowId, newRunId, { followRuns: false })) as {
    stage?: string;
  };
  if (result.stage !== 'withdrawn') throw new Error(`${handle.workflowId}: ended in ${String(result.stage)}`);
  return { workflowId: handle.workflowId, runIds: [firstRunId, newRunId] };
}

const describeError = (err: unknown): string =>
  err instanceof Error
    ? `${err.name}: ${err.message}${err.cause ? ` (cause: ${String(err.cause)})` : ''}`
    : String(err);

/** A task the memory phase did not run (RSS limit reached). */
class Skipped extends Error {}

// ---- cleanup -------------------------------------------------------------------------------------

/** Terminates every open run on `taskQueue` (batch terminate; one by one for whatever it missed). */
async function terminateOpen(client: Client, taskQueue: string): Promise<void> {
  const query = `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'`;
  const open = (await client.workflow.count(query)).count;
  if (open === 0) return;
  const t0 = performance.now();
  const jobId = `bench-cleanup-${randomUUID()}`;
  try {
    await client.workflowService.startBatchOperation({
      namespace,
      jobId,
      visibilityQuery: query,
      reason: 'lifecycle benchmark cleanup',
      terminationOperation: { identity: 'workflows/bench/lifecycles.ts' },
      maxOperationsPerSecond: 500,
    });
    for (;;) {
      await sleep(1000);
      const d = await client.workflowService.describeBatchOperation({ namespace, jobId });
      if (d.state !== temporal.api.enums.v1.BatchOperationState.BATCH_OPERATION_STATE_RUNNING) break;
    }
  } catch (err) {
    console.log(`  batch terminate failed (${describeError(err)}); terminating one by one`);
  }
  // Visibility trails the batch a little: re-list and terminate stragglers individually.
  for (let attempt = 0; attempt < 5; attempt++) {
    const ids: string[] = [];
    for await (const w of client.workflow.list({ query })) ids.push(w.workflowId);
    if (ids.length === 0) break;
    await pool(ids.length, 20, async (i) => {
      await client.workflow
        .getHandle(ids[i]!)
        .terminate('lifecycle benchmark cleanup')
        .catch(() => undefined);
    });
    await sleep(1000);
  }
  const left = (await client.workflow.count(query)).count;
  console.log(
    `  cleanup: terminated ${open - left} open run(s) on ${taskQueue} in ${secs(performance.now() - t0)}` +
      (left > 0 ? `; ${left} STILL OPEN (query: ${query})` : ''),
  );
}

// ---- phase 1: throughput ----------------------------------------------------------------------------

interface TThroughput {
  lifecycleRate: number;
  baselineRate: number;
  /** Worker + server + driver CPU seconds per lifecycle / per baseline (NaN without the server's pid). */
  lifecycleCpu: number;
  baselineCpu: number;
}

interface TTotals {
  n: number;
  ms: number;
  workerCpu: number;
  serverCpu: number;
  driverCpu: number;
  latencies: number[];
  activities: TActivityCounts;
}

/**
 * Two workers built the same way (worker.ts, same options), one per kind, each on its own task
 * queue: the lifecycle worker runs the real bundle (workflows/src/workflows.ts), the baseline worker
 * a bundle of the baseline alone — in one bundle the baseline would pay for evaluating the whole
 * real bundle (zod, contracts) in every workflow sandbox. Only one kind is driven at a time; the
 * other worker idles on its long poll.
 */
async function throughput(client: Client, tag: string, serverPid: number | undefined): Promise<TThroughput> {
  console.log(
    `\n== Throughput: ${LIFECYCLES} lifecycles and ${LIFECYCLES} baselines to completion, ` +
      `${ROUNDS} interleaved rounds, ${CONCURRENCY} in flight ==`,
  );
  for (const [k, v] of Object.entries(baselineMessageNames)) {
    const real = { ...lifecycleSignals, ...lifecycleUpdates } as Record<string, string>;
    if (real[k] !== v)
      throw new Error(`baseline message ${k} is '${v}', the lifecycle's is '${String(real[k])}'`);
  }
  const queues: Record<TKind, string> = { lifecycle: `${tag}-lifecycle`, baseline: `${tag}-baseline` };
  const workers = {} as Record<TKind, BenchWorker>;
  let seq = 0;
  const caseNumber = (kind: TKind) => `BENCH-${runTag}-${kind === 'lifecycle' ? 'L' : 'B'}${++seq}`;
  const drive = (kind: TKind) => async () => {
    await driveToCompletion(client, workers[kind], queues[kind], kind, caseNumber(kind));
  };
  const errors: unknown[] = [];
  try {
    workers.lifecycle = await BenchWorker.start(queues.lifecycle, 'lifecycle');
    workers.baseline = await BenchWorker.start(queues.baseline, 'baseline');
    // Warm-up (not counted): JIT, first sandboxes, connections.
    for (const kind of ['lifecycle', 'baseline'] as const) {
      errors.push(...(await pool(WARMUP, CONCURRENCY, drive(kind))).errors);
      await workers[kind].settle(() => true, 1000);
    }

    const empty = (): TTotals => ({
      n: 0,
      ms: 0,
      workerCpu: 0,
      serverCpu: 0,
      driverCpu: 0,
      latencies: [],
      activities: {},
    });
    const totals: Record<TKind, TTotals> = { lifecycle: empty(), baseline: empty() };
    const perRound = Math.ceil(LIFECYCLES / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      const n = Math.min(perRound, LIFECYCLES - round * perRound);
      if (n <= 0) break;
      // Alternating order: each kind goes first in half the rounds.
      const order: TKind[] = round % 2 === 0 ? ['lifecycle', 'baseline'] : ['baseline', 'lifecycle'];
      const line: string[] = [];
      for (const kind of order) {
        const worker = workers[kind];
        const before = (await worker.status()).activities;
        const cpu0 = worker.cpuSeconds();
        const server0 = serverPid ? procCpuSeconds(serverPid) : NaN;
        const driver0 = process.cpuUsage();
        const t0 = performance.now();
        const r = await pool(n, CONCURRENCY, drive(kind));
        const ms = performance.now() - t0;
        const driverUsage = process.cpuUsage(driver0);
        const serverCpu = serverPid ? procCpuSeconds(serverPid) - server0 : NaN;
        // Every activity completes before its workflow does: the counts are final once idle.
        const after = await worker.settle(() => true, 500);
        const t = totals[kind];
        t.n += r.latencies.length;
        t.ms += ms;
        t.workerCpu += worker.cpuSeconds() - cpu0;
        t.serverCpu += serverCpu;
        t.driverCpu += (driverUsage.user + driverUsage.system) / 1e6;
        t.latencies.push(...r.latencies);
        for (const [name, count] of Object.entries(after.activities)) {
          t.activities[name] = (t.activities[name] ?? 0) + count - (before[name] ?? 0);
        }
        errors.push(...r.errors);
        line.push(`${kind} ${(r.latencies.length / (ms / 1000)).toFixed(1)}/s`);
      }
      console.log(`  round ${round + 1}/${ROUNDS} (${n} each): ${line.join(', ')}  [load ${loadavg()}]`);
    }

    if (errors.length > 0) {
      console.log(`  ${errors.length} FAILED; first: ${describeError(errors[0])}`);
      process.exitCode = 1;
    }
    const perEach = (seconds: number, n: number) =>
      Number.isNaN(seconds) ? 'n/a' : `${((seconds / Math.max(1, n)) * 1000).toFixed(0)} ms`;
    const rate = (k: TKind) => totals[k].n / (totals[k].ms / 1000);
    for (const k of ['lifecycle', 'baseline'] as const) {
      const t = totals[k];
      console.log(
        `  ${k.padEnd(9)} ${String(t.n).padStart(5)} done in ${secs(t.ms).padStart(7)}: ` +
          `${rate(k).toFixed(1).padStart(6)}/s; latency p50 ${secs(percentile(t.latencies, 50))}, ` +
          `p95 ${secs(percentile(t.latencies, 95))}; CPU each: worker ${perEach(t.workerCpu, t.n)}, ` +
          `Temporal server ${perEach(t.serverCpu, t.n)}, driver ${perEach(t.driverCpu, t.n)}`,
      );
    }
    const perRun = (t: TTotals, expected: TActivityCounts) => {
      const names = Object.keys({ ...expected, ...t.activities });
      const bad = names.filter((k) => (expected[k] ?? 0) * t.n !== (t.activities[k] ?? 0));
      const text = names
        .map((k) => `${k} ${((t.activities[k] ?? 0) / Math.max(1, t.n)).toFixed(2)}`)
        .join(', ');
      return { text, bad };
    };
    const life = perRun(totals.lifecycle, EXPECTED_ACTIVITIES);
    const base = perRun(totals.baseline, { benchNoop: ACTIVITIES_PER_LIFECYCLE });
    console.log(
      `  activities per lifecycle: ${life.text}; per baseline: ${base.text}` +
        (life.bad.length + base.bad.length ? `  (UNEXPECTED: ${[...life.bad, ...base.bad].join(', ')})` : ''),
    );
    if (life.bad.length + base.bad.length) process.exitCode = 1;
    const cpuEach = (t: TTotals) => (t.workerCpu + t.serverCpu + t.driverCpu) / Math.max(1, t.n);
    return {
      lifecycleRate: rate('lifecycle'),
      baselineRate: rate('baseline'),
      lifecycleCpu: cpuEach(totals.lifecycle),
      baselineCpu: cpuEach(totals.baseline),
    };
  } finally {
    await Promise.all(Object.values(workers).map((w) => w.stop()));
  }
}

// ---- phase 2: memory with many open lifecycles --------------------------------------------------------

interface TMemory {
  open: number;
  idleBefore: number;
  rss: number;
  rssAfterGc: number;
  hwm: number;
  cached: number;
}

async function memory(
  client: Client,
  taskQueue: string,
  kind: TKind = 'lifecycle',
  open = OPEN,
): Promise<TMemory | undefined> {
  console.log(
    `\n== Memory: ${open} ${kind === 'lifecycle' ? 'lifecycles' : 'baseline workflows'} left open in 'disclosure' ` +
      `(waiting for the approval), maxCachedWorkflows ${MAX_CACHED} ==`,
  );
  const worker = await BenchWorker.start(taskQueue, kind);
  try {
    await sleep(3000);
    const idle = worker.memory();
    console.log(
      `  worker pid ${worker.pid}, ready and idle: RSS ${mib(idle.rss)} (peak so far ${mib(idle.hwm)}, bundling included)`,
    );
    const t0 = performance.now();
    let nextReport = 0.1;
    let peakSampled = idle.rss;
    let stoppedAt: number | undefined;
    const r = await pool(
      open,
      CONCURRENCY,
      async (i) => {
        if (stoppedAt !== undefined) throw new Skipped();
        await startToDisclosure(client, taskQueue, kind, `BENCH-${runTag}-M${kind[0]}${i + 1}`);
      },
      (done) => {
        const rssNow = worker.memory().rss;
        peakSampled = Math.max(peakSampled, rssNow);
        if (stoppedAt === undefined && rssNow > RSS_LIMIT_BYTES) {
          stoppedAt = done;
          console.log(
            `  worker RSS ${mib(rssNow)} passed --rss-limit-mib: no more starts (machine is shared)`,
          );
        }
        if (done / open >= nextReport) {
          nextReport += 0.1;
          console.log(
            `  ${String(done).padStart(6)} started (${(done / ((performance.now() - t0) / 1000)).toFixed(1)}/s), ` +
              `worker RSS ${mib(worker.memory().rss)}  [load ${loadavg()}]`,
          );
        }
      },
    );
    const failures = r.errors.filter((e) => !(e instanceof Skipped));
    if (failures.length > 0) {
      console.log(`  ${failures.length} FAILED to start; first: ${describeError(failures[0])}`);
      process.exitCode = 1;
    }
    const started = r.latencies.length;
    if (started < open) console.log(`  only ${started} of ${open} started`);
    // Idle: every draft activity done and nothing in flight for a while (the last task acknowledged).
    const drafts = (s: TWorkerReport) =>
      kind === 'lifecycle' ? (s.activities.createDisclosureDraft ?? 0) : (s.activities.benchNoop ?? 0) / 6;
    const settled = await worker.settle((s) => drafts(s) >= started, 5000);
    worker.forgetDrafts();
    const openNow = (
      await client.workflow.count(`TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'`)
    ).count;
    await sleep(10_000);
    const rest = worker.memory();
    const status = await worker.status();
    if (kind === 'lifecycle' && started > 0) {
      // The workflow's own state, as its status query renders it: a lower bound of what a cached run keeps.
      const view = await client.workflow
        .getHandle(lifecycleWorkflowId(`BENCH-${runTag}-M${kind[0]}1`))
        .query<TCaseLifecycleStatus>(lifecycleQueries.status)
        .catch(() => undefined);
      if (view)
        console.log(
          `  one open lifecycle's status (its state as JSON): ${JSON.stringify(view).length} bytes`,
        );
    }
    await worker.gc();
    const afterGc = worker.memory();
    console.log(
      `  ${started} started in ${secs(performance.now() - t0)}; ${openNow} open on the server; ` +
        `${settled.activities.computeClock ?? 0} clocks computed, ${settled.activities.createDisclosureDraft ?? 0} drafts, ` +
        `${settled.activities.recordEscalation ?? 0} escalations; ${status.worker.numCachedWorkflows} runs cached`,
    );
    console.log(
      `  worker RSS: idle before ${mib(idle.rss)}; with ${started} open, idle ${mib(rest.rss)} ` +
        `(after a forced GC of the main thread ${mib(afterGc.rss)}); peak ${mib(rest.hwm)} (sampled during starts ` +
        `${mib(peakSampled)}); main-thread V8 heap ${mib(status.memory.heapUsed)} used of ${mib(status.memory.heapTotal)} ` +
        `(workflows run in the SDK's workflow thread, whose heap is in the RSS only)`,
    );
    return {
      open: started,
      idleBefore: idle.rss,
      rss: rest.rss,
      rssAfterGc: afterGc.rss,
      hwm: rest.hwm,
      cached: status.worker.numCachedWorkflows,
    };
  } finally {
    await worker.stop();
  }
}

// ---- phase 3: replay of one long lifecycle ----------------------------------------------------------

const majorProposal = (): TSubmitProposal => ({
  ...proposal(),
  submittedAt: new Date().toISOString(),
  major: true,
  majorCriteria: ['majorRightsAffected'],
  materials: [
    { kind: 'investigationReport', documentId: 'rec-report', title: '调查终结报告' },
    { kind: 'proposedDecision', documentId: 'rec-proposal', title: '拟作出处罚决定及说明' },
    { kind: 'draftDecisionDocument', documentId: 'rec-draft', title: '行政处罚决定书（代拟稿）' },
    { kind: 'evidence', documentId: 'rec-evidence', title: '证据材料' },
    { kind: 'otherMaterials', documentId: 'rec-other', title: '其他材料（无）' },
  ],
});

/**
 * One major case with 3 review rounds over 2 decision cycles, driven as the services would:
 * round 1 supplement investigation → round 2 approve → decision, publication (continue-as-new) →
 * withdrawn to be redone → round 3 approve → second decision, publication (continue-as-new) →
 * revoked. Returns its runs' ids, oldest first.
 */
async function driveLongLifecycle(
  client: Client,
  worker: BenchWorker,
  taskQueue: string,
  caseNumber: string,
): Promise<{ workflowId: string; runIds: string[] }> {
  const { handle: started } = await startCaseLifecycle(client, caseInput(caseNumber), { taskQueue });
  const firstRunId = (started as Partial<WorkflowHandleWithFirstExecutionRunId>).firstExecutionRunId!;
  const handle = client.workflow.getHandle(started.workflowId);
  const runIds = [firstRunId];
  const status = () => handle.query<TCaseLifecycleStatus>(lifecycleQueries.status);
  const until = async (what: string, ok: (s: TCaseLifecycleStatus) => boolean) => {
    for (let i = 0; i < 600; i++) {
      const s = await status().catch(() => undefined);
      if (s && ok(s)) return s;
      await sleep(100);
    }
    throw new Error(`${handle.workflowId}: ${what} did not happen within 60 s`);
  };
  const update = (name: string, arg: unknown) =>
    handle.executeUpdate<unknown, [unknown]>(name, { args: [arg] });
  const opinion = async (round: number, outcome: TReviewOpinionIssued['outcome']) => {
    await until(`review round ${round}`, (s) => s.rounds.some((r) => r.round === round && r.reviewId));
    await handle.signal<[TReviewOpinionIssued]>(lifecycleSignals.reviewOpinionIssued, {
      round,
      outcome,
      reasons: `第 ${round} 轮审核意见`,
      issuedAt: new Date().toISOString(),
      reviewerId: 'reviewer-1',
      opinionId: `opinion-${round}`,
    });
  };
  const decideAndPublish = async (cycle: number) => {
    const draft = worker.draftCreated(caseNumber);
    await update(lifecycleUpdates.decisionMade, {
      ...decision(),
      documentNumber: `常人社监罚〔2026〕${7 + cycle}号`,
      collectiveDiscussionRecordId: 'rec-collective',
      headApprovalRecordId: 'rec-head',
    } satisfies TDecisionMade);
    await draft;
    const runBefore = runIds[runIds.length - 1]!;
    await handle.signal<[TDisclosureApproved]>(lifecycleSignals.disclosureApproved, {
      ...approval(caseNumber),
      cycle,
      disclosureId: benchDisclosureId(caseNumber, cycle),
    });
    try {
      await client.workflow.result(handle.workflowId, runBefore, { followRuns: false });
      throw new Error(`${handle.workflowId}: run completed without continuing as new`);
    } catch (err) {
      if (!(err instanceof WorkflowContinuedAsNewError)) throw err;
      runIds.push(err.newExecutionRunId);
    }
  };
  await update(lifecycleUpdates.submitProposal, majorProposal());
  await opinion(1, 'supplementInvestigation');
  await until('back in investigation', (s) => s.stage === 'investigation');
  await update(lifecycleUpdates.submitProposal, majorProposal());
  await opinion(2, 'approve');
  await until('decision stage', (s) => s.stage === 'decision');
  await decideAndPublish(1);
  await handle.signal<[TDisclosureWithdrawn]>(lifecycleSignals.disclosureWithdrawn, {
    ...withdrawal(caseNumber),
    reason: 'toBeRedone',
    explanation: '复议机关责令重新作出',
  });
  await until('a second cycle', (s) => s.stage === 'proposal' && s.cycle === 2);
  await update(lifecycleUpdates.submitProposal, majorProposal());
  await opinion(3, 'approve');
  await until('decision stage of cycle 2', (s) => s.stage === 'decision');
  await decideAndPublish(2);
  await handle.signal<[TDisclosureWithdrawn]>(lifecycleSignals.disclosureWithdrawn, {
    ...withdrawal(caseNumber),
    cycle: 2,
    disclosureId: benchDisclosureId(caseNumber, 2),
  });
  const result = (await client.workflow.result(handle.workflowId, runIds[runIds.length - 1], {
    followRuns: false,
  })) as { stage?: string; cycles?: number; rounds?: number };
  if (result.stage !== 'withdrawn' || result.cycles !== 2 || result.rounds !== 3)
    throw new Error(
      `${handle.workflowId}: ended ${JSON.stringify(result)}, want withdrawn after 2 cycles, 3 rounds`,
    );
  return { workflowId: handle.workflowId, runIds };
}

interface TReplayed {
  kind: TKind;
  run: number;
  events: number;
  bytes: number;
  p50: number;
  p95: number;
}

/** Replays each run's history `REPLAYS` times on one replay worker; ms per replay (first 2 not counted). */
async function replayRuns(
  client: Client,
  kind: TKind,
  workflowId: string,
  runIds: string[],
): Promise<TReplayed[]> {
  const bundle = await cachedWorkflowBundle(
    kind === 'lifecycle' ? require.resolve('../src/workflows') : require.resolve('./baseline-workflow'),
  );
  const dataConverter = temporalDataConverter({ TEMPORAL_CODEC_KEYS: process.env.TEMPORAL_CODEC_KEYS ?? '' });
  const out: TReplayed[] = [];
  for (const [i, runId] of runIds.entries()) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const copies = REPLAYS + 2;
    const times: number[] = [];
    let last = performance.now();
    const histories = (async function* () {
      for (let c = 0; c < copies; c++) {
        last = performance.now();
        yield { workflowId: `${workflowId}#${c}`, history };
      }
    })();
    let n = 0;
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: bundle, dataConverter },
      histories,
    )) {
      if (result.error)
        throw new Error(`replay of ${workflowId} run ${i + 1} failed: ${String(result.error)}`);
      if (n++ >= 2) times.push(performance.now() - last);
    }
    out.push({
      kind,
      run: i + 1,
      events: history.events?.length ?? 0,
      bytes: temporal.api.history.v1.History.encode(history).finish().length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
    });
  }
  return out;
}

async function replay(client: Client, tag: string): Promise<TReplayed[]> {
  console.log(
    `\n== Replay: one lifecycle of 3 review rounds over 2 decision cycles, and one baseline; ` +
      `each run's history replayed ${REPLAYS} times ==`,
  );
  const queues: Record<TKind, string> = { lifecycle: `${tag}-lifecycle`, baseline: `${tag}-baseline` };
  const life = await BenchWorker.start(queues.lifecycle, 'lifecycle');
  const base = await BenchWorker.start(queues.baseline, 'baseline');
  try {
    const long = await driveLongLifecycle(client, life, queues.lifecycle, `BENCH-${runTag}-LONG`);
    const short = await driveToCompletion(client, base, queues.baseline, 'baseline', `BENCH-${runTag}-RB`);
    const results = [
      ...(await replayRuns(client, 'lifecycle', long.workflowId, long.runIds)),
      ...(await replayRuns(client, 'baseline', short.workflowId, short.runIds)),
    ];
    for (const r of results)
      console.log(
        `  ${r.kind.padEnd(9)} run ${r.run}: ${String(r.events).padStart(4)} events, ${(r.bytes / 1024).toFixed(0).padStart(4)} KiB; ` +
          `replay p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms  [load ${loadavg()}]`,
      );
    return results;
  } finally {
    await Promise.all([life.stop(), base.stop()]);
  }
}

// ---- main ----------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const address = process.env.TEMPORAL_ADDRESS;
  if (!address) throw new Error('TEMPORAL_ADDRESS is not set: source .local/test/env.sh');
  const connection = await Connection.connect({ address });
  const client = new Client({
    connection,
    namespace,
    dataConverter: temporalDataConverter({ TEMPORAL_CODEC_KEYS: process.env.TEMPORAL_CODEC_KEYS ?? '' }),
  });
  const system = await connection.workflowService.getSystemInfo({});
  const tqThroughput = `bench-lifecycle-${runTag}-throughput`; // + '-lifecycle' / '-baseline'
  const tqMemory = `bench-lifecycle-${runTag}-memory`;
  const tqReplay = `bench-lifecycle-${runTag}-replay`;
  const queues = [
    `${tqThroughput}-lifecycle`,
    `${tqThroughput}-baseline`,
    tqMemory,
    `${tqMemory}-baseline`,
    `${tqReplay}-lifecycle`,
    `${tqReplay}-baseline`,
  ];
  const loadStart = loadavg();
  console.log(
    `Lifecycle benchmark — Temporal ${system.serverVersion} at ${address} (namespace ${namespace}); ` +
      `${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ` +
      `Node ${process.version}; load average ${loadStart}`,
  );
  console.log(
    `Path per lifecycle: start → submitProposal (update) → decisionMade (update) → disclosureApproved (signal) → ` +
      `publish + continue-as-new → disclosureWithdrawn 'revoked' (signal) → completed; ` +
      `2 updates, 2 signals, ${ACTIVITIES_PER_LIFECYCLE} activities, 2 runs. maxCachedWorkflows ${MAX_CACHED} (${MAX_CACHED_SOURCE})` +
      (WORKER_NODE_OPTIONS.length
        ? `; worker Node options ${WORKER_NODE_OPTIONS.join(' ')}.`
        : '; worker Node options: none.'),
  );

  let tput: TThroughput | undefined;
  let mem: TMemory | undefined;
  let memBase: TMemory | undefined;
  let replayed: TReplayed[] = [];
  // Ctrl-C also stops the worker child (same process group): clean up what this run left open.
  process.once('SIGINT', () => {
    console.log('\ninterrupted: terminating what this run left open');
    void (async () => {
      for (const tq of queues) await terminateOpen(client, tq).catch(() => undefined);
      process.exit(130);
    })();
  });
  try {
    if (LIFECYCLES > 0) tput = await throughput(client, tqThroughput, temporalServerPid(address));
    if (OPEN > 0) mem = await memory(client, tqMemory);
    if (BASELINE_OPEN > 0) {
      await terminateOpen(client, tqMemory);
      memBase = await memory(client, `${tqMemory}-baseline`, 'baseline', BASELINE_OPEN);
    }
    if (REPLAYS > 0) replayed = await replay(client, tqReplay);
  } finally {
    for (const tq of queues) await terminateOpen(client, tq);
    await connection.close();
  }

  if (rpcRetries > 0) console.log(`\n(${rpcRetries} update call(s) retried after an RPC deadline)`);
  console.log(
    `\n== Results (load average ${loadStart} at start, ${loadavg()} at end; ${os.cpus().length} cores, shared) ==`,
  );
  if (tput) {
    const ratio = tput.lifecycleRate / tput.baselineRate;
    console.log(
      `  throughput: lifecycle ${tput.lifecycleRate.toFixed(1)}/s, baseline ${tput.baselineRate.toFixed(1)}/s, ` +
        `ratio ${ratio.toFixed(2)} — target ≥ ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'}`,
    );
    if (!Number.isNaN(tput.lifecycleCpu)) {
      // Less sensitive to the neighbours' load than wall-clock rates: what each costs the machine.
      console.log(
        `  CPU per run (worker + Temporal server + driver): lifecycle ${(tput.lifecycleCpu * 1000).toFixed(0)} ms, ` +
          `baseline ${(tput.baselineCpu * 1000).toFixed(0)} ms; CPU-bound rate ratio ${(tput.baselineCpu / tput.lifecycleCpu).toFixed(2)}`,
      );
    }
  }
  const perCached = (m: TMemory) => (m.rss - m.idleBefore) / Math.max(1, m.cached);
  if (mem && memBase) {
    console.log(
      `  memory per cached run (RSS with ${mem.open} open − RSS idle, ÷ runs cached): lifecycle ${mib(perCached(mem))}` +
        `, baseline ${mib(perCached(memBase))}; ratio ${(perCached(mem) / perCached(memBase)).toFixed(2)}; ` +
        `cached runs in 1 GiB at that rate: lifecycle ${Math.floor((TARGET_RSS_BYTES - mem.idleBefore) / perCached(mem))}, ` +
        `baseline ${Math.floor((TARGET_RSS_BYTES - memBase.idleBefore) / perCached(memBase))} (target ≥ 1,000)`,
    );
  }
  if (replayed.length > 0) {
    const sum = (k: TKind, f: (r: TReplayed) => number) =>
      replayed.filter((r) => r.kind === k).reduce((a, r) => a + f(r), 0);
    const lifeMax = Math.max(...replayed.filter((r) => r.kind === 'lifecycle').map((r) => r.p50));
    const baseMax = Math.max(...replayed.filter((r) => r.kind === 'baseline').map((r) => r.p50));
    console.log(
      `  replay (a cache miss): longest lifecycle run ${lifeMax.toFixed(1)} ms at p50 against the baseline's ` +
        `${baseMax.toFixed(1)} ms, ratio ${(lifeMax / baseMax).toFixed(1)}; the whole 3-round 2-cycle lifecycle ` +
        `${sum('lifecycle', (r) => r.p50).toFixed(1)} ms over ${sum('lifecycle', (r) => r.events)} events in ${
          replayed.filter((r) => r.kind === 'lifecycle').length
        } runs`,
    );
  }
  if (mem) {
    const worst = Math.max(mem.rss, mem.hwm);
    console.log(
      `  memory: ${mem.open} open lifecycles, worker RSS ${mib(mem.rss)} idle, ` +
        `peak ${mib(mem.hwm)}, ${mem.cached} runs cached (maxCachedWorkflows ${MAX_CACHED}); ` +
        `${((worst / TARGET_RSS_BYTES) * 100).toFixed(0)}% of 1 GiB at peak — target < 1 GiB: ${worst < TARGET_RSS_BYTES ? 'met' : 'NOT met'}`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(
    `lifecycle benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
  );
  process.exitCode = 1;
});
