/**
 * Benchmark, end to end: from an officer's proposal submission (拟作出决定, `POST /cases/{n}/proposals`
 * at recording) to the review appearing in the legal-review office's queue (`GET /reviews` at
 * legal-review) and on the office's supervision board (`GET /board`, the notifications service's
 * tasks read model), with `--cases` major cases submitted at once. The whole system runs in this
 * process against the test stack (test/support/in-process-system.ts: every service on a fresh
 * database, the real worker and workflow bundle on a task queue of its own; nothing stubbed).
 *
 *   source .local/test/env.sh && npx tsx test/bench/proposal-to-queue.ts [--cases 100] [--quick]
 *   (or `npm run bench -- end-to-end`). --quick: 20 cases.
 *
 * Each case is first brought to the proposal (opened, a site inspection, its records: the
 * investigation report, the handler's opinion, the draft decision, the hearing) — not timed. Then
 * every proposal is submitted at once; one poller lists the queue and the board back to back and
 * notes when each case first shows. The raw component beside it, in the same run: the submission
 * request itself (the lifecycle's `submitProposal` update through recording), whose answer the
 * officer waits for anyway; the ratio says what the asynchronous hand-over (the worker's
 * `submitLegalReview` activity, the clock's event to notifications) adds. Target: p95 ≤ 1 s.
 *
 * The inbox (我的通知) gets no item at submission: the clock's first step (提醒, level 0) fires on
 * its remind date, days later; an unassigned review then goes to the office head. The board is
 * where a new review shows at once, so that is what is timed.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { bearer } from '@sanxiang/testing';
import { dateInShanghai } from '@sanxiang/shared/src/calendar';
import { demoCases, users } from '../../scripts/demo/demo-data';
import { renameDemoCases } from '../../scripts/demo/demo-loader';
import {
  caseKeys,
  endActivity,
  fileRecord,
  openCase,
  startActivity,
  submitProposal,
} from '../../scripts/demo/support/case-steps';
import {
  decisionDocument,
  handlerOpinion,
  hearing,
  investigationReport,
  openCaseBody,
  siteInspection,
  type TCaseStory,
} from '../../scripts/demo/support/sample-content';
import { createStaffApi, type TStaffUser } from '../../scripts/demo/support/staff-api';
import { loadDirectoryDemo } from '../../scripts/demo/load-directory-demo';
import { startInProcessSystem } from '../support/in-process-system';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    cases: { type: 'string' },
    /** Cases brought to the proposal at the same time (setup only). */
    'prepare-concurrency': { type: 'string', default: '8' },
  },
});
const CASES = Number(args.cases ?? (args.quick ? 20 : 100));
const PREPARE = Number(args['prepare-concurrency']);
const TARGET_P95_MS = 1000;

const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function pool(n: number, limit: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < n) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, n) }, lane));
}

/** The demo's major case (in legal review), numbered for this run and case. */
function storyOf(
  i: number,
  run: string,
): { story: TCaseStory; activity: (typeof demoCases)[number]['activity'] } {
  const template = demoCases.find((c) => c.target === 'inLegalReview')!;
  const [renamed] = renameDemoCases(`P${run}-${i + 1}`, [template]);
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const major = renamed!.story.major!;
  return {
    story: {
      ...renamed!.story,
      site: { place: renamed!.story.site.place, startedAt: at(120), endedAt: at(60) },
      major: { ...major, hearing: { ...major.hearing, heldAt: at(30) } },
    },
    activity: renamed!.activity,
  };
}

async function main() {
  const run = Date.now().toString(36).toUpperCase();
  console.log(
    `end-to-end benchmark${args.quick ? ' (--quick)' : ''}: proposal → legal-review queue and board, ` +
      `${CASES} major cases submitted at once; ${os.cpus().length} cores, load average ${loadavg()}`,
  );
  let t = performance.now();
  const system = await startInProcessSystem();
  const caseNumbers: string[] = [];
  try {
    const auth = {
      secret: process.env.AUTH_JWT_SECRET!,
      issuer: process.env.AUTH_ISSUER ?? 'sanxiang-local',
      audience: process.env.AUTH_AUDIENCE ?? 'sanxiang',
    };
    await loadDirectoryDemo(system.urls.directory, auth);
    const api = createStaffApi({
      baseUrls: system.urls,
      authorization: (user) => bearer(user as Parameters<typeof bearer>[0]),
      timeoutMs: 120_000,
    });
    console.log(`system up (every service, the worker) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // ---- not timed: each case up to its proposal ----------------------------------------------
    t = performance.now();
    const prepared: { caseNumber: string; body: Parameters<typeof submitProposal>[3]; key: string }[] = [];
    await pool(CASES, PREPARE, async (i) => {
      const { story, activity } = storyOf(i, run);
      const { caseNumber } = story;
      caseNumbers.push(caseNumber);
      const [officerA, officerB] = story.officers as [TStaffUser, TStaffUser];
      const key = caseKeys(`bench-${run}`, caseNumber);
      const opened = await openCase(api, officerA, openCaseBody(story), key('open'));
      const act = await startActivity(
        api,
        officerA,
        caseNumber,
        { ...activity, startedAt: story.site.startedAt },
        key('activity'),
      );
      await endActivity(api, officerB, caseNumber, act.id, story.site.endedAt, key('activity-end'));
      const file = (r: Parameters<typeof fileRecord>[3], k: string) =>
        fileRecord(api, officerA, caseNumber, r, key('record', k));
      const site = await file(siteInspection(story, act.id, []), 'site');
      const hearingRecord = await file(hearing(story), 'hearing');
      const opinion = await file(handlerOpinion(story), 'opinion');
      const report = await file(investigationReport(story, story.major!.hearing.heldAt, []), 'report');
      const draft = await file(decisionDocument(story, undefined, []), 'draft');
      prepared.push({
        caseNumber,
        key: key('proposal', 1),
        body: {
          officers: opened.officers,
          decisionKind: story.decision.kind,
          summary: story.proposedDecision,
          major: true,
          majorCriteria: story.major!.criteria,
          hearingOrAssessmentHeld: true,
          materials: [
            { kind: 'investigationReport', documentId: report.id, title: '调查终结报告' },
            { kind: 'proposedDecision', documentId: opinion.id, title: '拟作出处罚决定及情况说明' },
            { kind: 'draftDecisionDocument', documentId: draft.id, title: '行政处罚决定书（代拟稿）' },
            { kind: 'evidence', documentId: site.id, title: '现场检查笔录' },
            { kind: 'hearingOrAssessment', documentId: hearingRecord.id, title: '听证笔录及听证报告' },
            { kind: 'otherMaterials', none: true, title: '无' },
          ],
        },
      });
    });
    console.log(
      `${CASES} cases brought to the proposal in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed)  [load ${loadavg()}]`,
    );

    // ---- timed: every proposal at once; one poller watches the queue and the board --------------
    const officeHead = users.officeHead;
    const headAuth = await bearer(officeHead as Parameters<typeof bearer>[0]);
    const wanted = new Set(prepared.map((p) => p.caseNumber));
    const submittedAt = new Map<string, number>();
    const answeredAt = new Map<string, number>();
    const inQueueAt = new Map<string, number>();
    const onBoardAt = new Map<string, number>();
    const getJson = async (url: string) => {
      const res = await fetch(url, { headers: { authorization: headAuth } });
      if (!res.ok) throw new Error(`GET ${url} → ${res.status} ${await res.text()}`);
      return (await res.json()) as Record<string, unknown>;
    };
    let polling = true;
    let polls = 0;
    const pollTimes: number[] = [];
    const poller = (async () => {
      while (polling) {
        const p0 = performance.now();
        // Every open review, newest first, page by page (the office's queue as the console lists it).
        let cursor: string | null = null;
        do {
          const page = await getJson(
            `${system.urls.legalReview}/reviews?status=pending&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
          );
          const seen = performance.now();
          for (const item of page.items as { caseNumber: string }[])
            if (wanted.has(item.caseNumber) && !inQueueAt.has(item.caseNumber))
              inQueueAt.set(item.caseNumber, seen);
          cursor = page.nextCursor as string | null;
        } while (cursor);
        const board = await getJson(`${system.urls.notifications}/board?kind=legalReview&limit=500`);
        const seen = performance.now();
        for (const row of board.rows as { caseNumber: string | null }[])
          if (row.caseNumber && wanted.has(row.caseNumber) && !onBoardAt.has(row.caseNumber))
            onBoardAt.set(row.caseNumber, seen);
        polls += 1;
        pollTimes.push(performance.now() - p0);
        if (inQueueAt.size === wanted.size && onBoardAt.size === wanted.size) break;
        await sleep(20);
      }
    })();

    const t0 = performance.now();
    const failures: unknown[] = [];
    await Promise.all(
      prepared.map(async (p) => {
        submittedAt.set(p.caseNumber, performance.now());
        try {
          const r = await submitProposal(api, users.zhangWei, p.caseNumber, p.body, p.key);
          if (r.stage !== 'legalReview')
            throw new Error(`${p.caseNumber}: stage ${r.stage} after the proposal`);
          answeredAt.set(p.caseNumber, performance.now());
        } catch (err) {
          failures.push(err);
        }
      }),
    );
    const deadline = performance.now() + 120_000;
    while ((inQueueAt.size < wanted.size || onBoardAt.size < wanted.size) && performance.now() < deadline)
      await sleep(50);
    polling = false;
    await poller;
    const wall = performance.now() - t0;

    const since = (m: Map<string, number>) =>
      [...m.entries()].map(([caseNumber, at]) => at - submittedAt.get(caseNumber)!);
    const submit = since(answeredAt);
    const queue = since(inQueueAt);
    const board = since(onBoardAt);
    const row = (name: string, v: number[]) =>
      `  ${name.padEnd(34)} p50 ${percentile(v, 50).toFixed(0).padStart(6)} ms, p95 ${percentile(v, 95)
        .toFixed(0)
        .padStart(6)} ms, max ${Math.max(...v)
        .toFixed(0)
        .padStart(6)} ms  (${v.length} of ${CASES})`;
    const q95 = percentile(queue, 95);
    const b95 = percentile(board, 95);
    const s95 = percentile(submit, 95);
    console.log(
      `\n${CASES} proposals submitted at once (${dateInShanghai(new Date())}); everything seen after ` +
        `${(wall / 1000).toFixed(1)} s; ${polls} polls of queue + board, each p50 ${percentile(pollTimes, 50).toFixed(0)} ms  [load ${loadavg()}]`,
    );
    console.log(
      `  ratio to the submission request itself, p95: queue ${(q95 / s95).toFixed(2)}×, board ${(b95 / s95).toFixed(2)}×; ` +
        `p50: queue ${(percentile(queue, 50) / percentile(submit, 50)).toFixed(2)}×, board ${(percentile(board, 50) / percentile(submit, 50)).toFixed(2)}×`,
    );
    console.log(row('submission answered (raw)', submit));
    console.log(row("in the legal-review office's queue", queue));
    console.log(row('on the supervision board', board));
    const worst = Math.max(q95, b95);
    console.log(
      `  target p95 ≤ ${TARGET_P95_MS} ms from submission to queue and board: ${worst <= TARGET_P95_MS ? 'met' : 'NOT met'} ` +
        `(worst ${worst.toFixed(0)} ms; includes up to one poll, p50 ${percentile(pollTimes, 50).toFixed(0)} ms)`,
    );
    if (failures.length > 0 || queue.length < CASES || board.length < CASES) {
      console.log(`  ${failures.length} submissions FAILED; first: ${String(failures[0])}`);
      process.exitCode = 1;
    }
  } finally {
    await system.terminateCases(caseNumbers);
    await system.stop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
