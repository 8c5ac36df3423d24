/**
 * Benchmark: the supervision board (督办看板, `GET /board`) and 我的待办 (`GET /tasks/mine`) over
 * HTTP (the whole app in-process: token verification, zod, Prisma, the grouping, JSON) next to the
 * SQL of their reads run directly with `pg`, interleaved in one run so both see the same cache and
 * machine load. The tasks read model holds one row per clock run of 100,000 legal reviews (as the
 * legal-review queue benchmark seeds them: 85 % finished, the rest open around "now") plus the
 * disclosure and evidence-upload clocks of the same cases' stages.
 *
 *   source .local/test/env.sh && npx tsx services/notifications/bench/task-board.ts [--quick]
 *   (or `npm run bench -- task-board`)
 *
 * Env: SANXIANG_TEST_PG_URL or SANXIANG_PG_ADMIN_URL, AUTH_JWT_SECRET (the test stack's env).
 * BENCH_REVIEWS (default 100000; --quick 20000), BENCH_RUNS (default 300; --quick 100).
 * Creates its own database and drops it (BENCH_KEEP_DB=1 keeps it). Targets as for the queue:
 * HTTP p95 ≤ 20 ms and HTTP ≤ 2 × SQL at p50.
 */
import { randomBytes } from 'node:crypto';
import { Agent, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLogger, signToken } from '@sanxiang/shared';
import { deployMigrations } from '@sanxiang/prisma-migrate';
import { testConfig } from '@sanxiang/testing';
import { Client } from 'pg';
import { createApp } from '../src/app';
import { createCalendarSource } from '../src/data-access/calendar-source';
import { createPrismaClient } from '../src/data-access/prisma-client';
import { resolveCalendarDataDir } from '@sanxiang/shared/src/calendar';

const QUICK = process.argv.includes('--quick');
const reviews = Number(process.env.BENCH_REVIEWS ?? (QUICK ? 20_000 : 100_000));
const runs = Number(process.env.BENCH_RUNS ?? (QUICK ? 100 : 300));
const warmup = QUICK ? 10 : 30;
const adminUrl = process.env.SANXIANG_TEST_PG_URL ?? process.env.SANXIANG_PG_ADMIN_URL;
const secret = process.env.AUTH_JWT_SECRET;
const now = new Date('2026-06-15T02:00:00Z');
const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/**
 * One clock run per review (`legalReview`), and for a fifth of the cases a disclosure clock and an
 * evidence-upload clock. Finished ones are `stopped`; open ones are running (a few paused), due
 * around now, some reminded or escalated. Units: the legal-review office for the reviews, six
 * enforcement units and the disclosure office for the rest.
 */
const seedSql = `
WITH g AS (
  SELECT g, (g * 7919) % 1000 AS r, (g * 104729) % (30 * 1440) AS m FROM generate_series(1, $2::bigint) AS g
), t AS (
  SELECT 'legalReview:' || g || ':1' AS key, 'legalReview' AS kind, g, r, m, 'fazhi' AS unit, '法制审核科' AS unit_name
    FROM g
  UNION ALL
  SELECT 'disclosure:' || g || ':1', 'disclosure', g, (r + 333) % 1000, m, 'gongkai', '政务公开科' FROM g WHERE g % 5 = 0
  UNION ALL
  SELECT 'evidenceUpload:' || g || ':a', 'evidenceUpload', g, (r + 666) % 1000, m, 'jiancha-' || (g % 6), '监察' || (g % 6) || '科'
    FROM g WHERE g % 5 = 1
)
INSERT INTO "ClockTask" ("clockKey", "kind", "caseNumber", "title", "link", "unitId", "unitName", "dueAt",
  "dueDate", "status", "level", "lastEventAt", "updatedAt")
SELECT t.key, t.kind, '常人社监察〔2026〕' || t.g || '号', '拖欠工资案 ' || t.g, '/cases/' || t.g, t.unit, t.unit_name,
  $1::timestamptz + make_interval(mins => (t.m - 10 * 1440)::int),
  to_char(($1::timestamptz + make_interval(mins => (t.m - 10 * 1440)::int)) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'),
  (CASE WHEN t.r < 850 THEN 'stopped' WHEN t.r < 865 THEN 'paused' ELSE 'running' END)::"TaskStatus",
  CASE WHEN t.r < 850 THEN -1 WHEN t.m < 8 * 1440 THEN 1 + (t.g % 2) WHEN t.m < 12 * 1440 THEN 0 ELSE -1 END,
  $1::timestamptz - interval '1 hour', now()
FROM t`;

/** Each open task waits for its assignee; escalated ones also for the unit head (supervisor). */
const seedPeopleSql = `
INSERT INTO "TaskPerson" ("clockKey", "personId", "role")
SELECT "clockKey", CASE kind WHEN 'legalReview' THEN 'u-reviewer-' || (hashtext("clockKey") & 15)
                             WHEN 'disclosure' THEN 'u-discloser-' || (hashtext("clockKey") & 3)
                             ELSE 'u-officer-' || (hashtext("clockKey") & 31) END, 'assignee'
  FROM "ClockTask"
UNION ALL
SELECT "clockKey", 'u-head-' || "unitId", 'supervisor' FROM "ClockTask" WHERE level >= 1`;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (v: number) => `${v.toFixed(2)} ms`.padStart(10);

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url, options: '-c TimeZone=UTC' });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The reads each request makes, as Prisma sends them (the same filters, order and limits). */
const open = `t."status" IN ('running', 'paused')`;
/** The board: the rows shown (limit 100), and the counts grouped each side of now (countOpenTasks). */
const boardSql = (where: string, values: unknown[]) => {
  const n = values.length;
  const grouped = (cmp: string) =>
    `SELECT t."kind", t."unitId", t."unitName", t."status", t."level", count(*)::int AS n FROM "ClockTask" t ` +
    `WHERE ${open}${where} AND t."dueAt" ${cmp} $${n + 1} GROUP BY 1, 2, 3, 4, 5`;
  return [
    {
      text: `SELECT t.* FROM "ClockTask" t WHERE ${open}${where} ORDER BY t."dueAt" ASC, t."clockKey" ASC LIMIT 100`,
      values,
    },
    { text: grouped('<'), values: [...values, now] },
    { text: grouped('>='), values: [...values, now] },
  ];
};
const mineSql = (after: boolean) => [
  `SELECT t.* FROM "ClockTask" t WHERE ${open} AND EXISTS (SELECT 1 FROM "TaskPerson" p WHERE p."clockKey" = t."clockKey" AND p."personId" = $1)` +
    (after ? ` AND (t."dueAt" > $2 OR (t."dueAt" = $2 AND t."clockKey" > $3))` : '') +
    ` ORDER BY t."dueAt" ASC, t."clockKey" ASC LIMIT 21`,
  `SELECT p.* FROM "TaskPerson" p WHERE p."personId" = $1 AND p."clockKey" = ANY($2)`,
];

async function main() {
  if (!adminUrl || !secret) throw new Error('Run with the test stack env: source .local/test/env.sh');
  const dbName = `bench_notifications_${process.pid}_${randomBytes(3).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${dbName}"`));
  const prismaDir = path.resolve(__dirname, '../prisma');
  const db = createPrismaClient(url.toString());
  const sql = new Client({ connectionString: url.toString(), options: '-c TimeZone=UTC' });
  let server: ReturnType<ReturnType<typeof createApp>['listen']> | undefined;
  try {
    await deployMigrations({
      schemaPath: path.join(prismaDir, 'schema.prisma'),
      migrationsDir: path.join(prismaDir, 'migrations'),
      databaseUrl: url.toString(),
    });
    await sql.connect();
    let t = performance.now();
    await sql.query(seedSql, [now, reviews]);
    await sql.query(seedPeopleSql);
    await sql.query('ANALYZE "ClockTask"; ANALYZE "TaskPerson"');
    const counts = await sql.query<{ kind: string; open: number; all: number }>(
      `SELECT kind, count(*) FILTER (WHERE status <> 'stopped')::int AS open, count(*)::int AS all
         FROM "ClockTask" GROUP BY 1 ORDER BY 1`,
    );
    console.log(
      `task board benchmark${QUICK ? ' (--quick)' : ''}: ${os.cpus().length} cores, load average ${loadavg()}\n` +
        `seeded the tasks of ${reviews.toLocaleString('en')} reviews in ${((performance.now() - t) / 1000).toFixed(1)} s: ` +
        counts.rows.map((r) => `${r.kind} ${r.open} open of ${r.all}`).join(', '),
    );

    const config = testConfig('notifications', { DATABASE_URL: url.toString(), LOG_LEVEL: 'warn' });
    const app = createApp({
      config,
      db,
      logger: createLogger({ name: 'notifications-bench', level: 'warn' }),
      calendar: createCalendarSource(resolveCalendarDataDir(config)),
      now: () => now,
      leadershipUnitIds: () => Promise.resolve(['lingdao']),
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server!.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const tokenOf = async (subject: string, roles: ('reviewer' | 'head')[], unitId: string) =>
      `Bearer ${await signToken({
        secret,
        issuer: config.AUTH_ISSUER,
        audience: config.AUTH_AUDIENCE,
        subject,
        name: '基准',
        roles,
        unitId,
      })}`;
    const reviewer = await tokenOf('u-reviewer-7', ['reviewer'], 'fazhi');
    const officeHead = await tokenOf('u-head-fazhi', ['head', 'reviewer'], 'fazhi');
    const unitHead = await tokenOf('u-head-jiancha-3', ['head'], 'jiancha-3');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const http = (p: string, authorization: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        get(`${base}${p}`, { agent, headers: { authorization } }, (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (data += chunk));
          res.on('end', () => {
            if (res.statusCode !== 200) reject(new Error(`GET ${p} → ${res.statusCode} ${data}`));
            else resolve(JSON.parse(data) as Record<string, unknown>);
          });
        }).on('error', reject);
      });

    // The cursor of page 3 of the office head's 我的待办, as the console holds it.
    let cursor: string | null = null;
    let page3 = { dueAt: new Date(0), clockKey: '' };
    for (let i = 0; i < 2; i += 1) {
      const r = await http(`/tasks/mine${cursor ? `?cursor=${cursor}` : ''}`, officeHead);
      cursor = r.nextCursor as string;
      const last = (r.items as { dueAt: string; clockKey: string }[]).at(-1)!;
      page3 = { dueAt: new Date(last.dueAt), clockKey: last.clockKey };
    }

    type TScenario = {
      name: string;
      path: string;
      as: string;
      sql: { text: string; values: unknown[] }[];
      /** 我的待办: the second statement reads the people of the first one's rows. */
      keyed?: boolean;
    };
    const scenarios: TScenario[] = [
      { name: 'board, everything', path: '/board', as: reviewer, sql: boardSql('', []) },
      {
        name: 'board, reviews, overdue',
        path: '/board?kind=legalReview&overdue=true',
        as: officeHead,
        sql: boardSql(` AND t."kind" = $1 AND (t."level" >= 1 OR t."dueAt" < $2)`, ['legalReview', now]),
      },
      {
        name: "board, a unit head's unit",
        path: '/board',
        as: unitHead,
        sql: boardSql(` AND t."unitId" = $1`, ['jiancha-3']),
      },
      {
        name: "我的待办, a reviewer's",
        path: '/tasks/mine',
        as: reviewer,
        sql: mineSql(false).map((text, i) => ({
          text,
          values: i === 0 ? ['u-reviewer-7'] : ['u-reviewer-7', []],
        })),
        keyed: true,
      },
      {
        name: "我的待办, office head's, p. 3",
        path: `/tasks/mine?cursor=${cursor}`,
        as: officeHead,
        sql: mineSql(true).map((text, i) => ({
          text,
          values: i === 0 ? ['u-head-fazhi', page3.dueAt, page3.clockKey] : ['u-head-fazhi', []],
        })),
        keyed: true,
      },
    ];

    console.log(
      `\n${runs} interleaved runs per request (after ${warmup} warm-up runs), now = ${now.toISOString()}; ` +
        `SQL = the statements the request's data access sends, run with pg`,
    );
    console.log(
      `${'request'.padEnd(32)}${'×p50'.padStart(7)}${'×p95'.padStart(7)}${'HTTP p50'.padStart(11)}${'p95'.padStart(11)}` +
        `${'SQL p50'.padStart(11)}${'p95'.padStart(11)}  rows read / answered  [load]`,
    );
    const summary: { p95: number; ratio50: number }[] = [];
    for (const s of scenarios) {
      // The keyed half of 我的待办 reads the page's rows: take the ids the first statement returns.
      const runSql = async () => {
        let read = 0;
        let keys: string[] = [];
        for (const [i, q] of s.sql.entries()) {
          const values = s.keyed && i === 1 ? [q.values[0], keys] : q.values;
          const r = await sql.query<{ clockKey: string }>(q.text, values);
          if (i === 0) {
            read = r.rowCount ?? 0;
            keys = r.rows.slice(0, 20).map((row) => row.clockKey);
          }
        }
        return read;
      };
      const httpTimes: number[] = [];
      const sqlTimes: number[] = [];
      let read = 0;
      let answered = 0;
      for (let i = 0; i < warmup + runs; i += 1) {
        for (const which of i % 2 === 0 ? ['http', 'sql'] : ['sql', 'http']) {
          t = performance.now();
          if (which === 'http') {
            const body = await http(s.path, s.as);
            answered = ((body.items ?? body.rows) as unknown[]).length;
          } else read = await runSql();
          const elapsed = performance.now() - t;
          if (i >= warmup) (which === 'http' ? httpTimes : sqlTimes).push(elapsed);
        }
      }
      httpTimes.sort((a, b) => a - b);
      sqlTimes.sort((a, b) => a - b);
      const [h50, h95, s50, s95] = [50, 95, 50, 95].map((p, i) =>
        percentile(i < 2 ? httpTimes : sqlTimes, p),
      ) as [number, number, number, number];
      summary.push({ p95: h95, ratio50: h50 / s50 });
      console.log(
        `${s.name.padEnd(32)}${(h50 / s50).toFixed(2).padStart(6)}×${(h95 / s95).toFixed(2).padStart(6)}×` +
          `${ms(h50)} ${ms(h95)} ${ms(s50)} ${ms(s95)}  ${String(read).padStart(5)} / ${String(answered).padEnd(4)} [${loadavg()}]`,
      );
    }
    const worstP95 = Math.max(...summary.map((s) => s.p95));
    const worstRatio = Math.max(...summary.map((s) => s.ratio50));
    console.log(
      `\nworst HTTP/SQL at p50 ${worstRatio.toFixed(2)}× (target ≤ 2×: ${worstRatio <= 2 ? 'met' : 'NOT met'}); ` +
        `worst HTTP p95 ${worstP95.toFixed(2)} ms (target ≤ 20 ms: ${worstP95 <= 20 ? 'met' : 'NOT met'}); load average ${loadavg()}`,
    );
    agent.destroy();
  } finally {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await sql.end().catch(() => undefined);
    await db.$disconnect();
    if (process.env.BENCH_KEEP_DB === '1') console.log(`kept database ${dbName}`);
    else await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
