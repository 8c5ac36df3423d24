/**
 * Benchmark: the filtered, sorted review-queue listing with 100,000 reviews, over HTTP (the whole
 * app in-process: auth, validation, Prisma, JSON) next to the very same SQL run directly with `pg`,
 * interleaved in one run so both see the same cache and machine load.
 *
 *   source .local/test/env.sh && npx tsx services/legal-review/bench/queue-listing.ts
 *
 * Env: SANXIANG_TEST_PG_URL or SANXIANG_PG_ADMIN_URL (a server where it may create a database),
 * AUTH_JWT_SECRET. BENCH_REVIEWS (default 100000; --quick 20000), BENCH_RUNS (default 300; --quick
 * 100). Creates its own
 * database and drops it at the end (BENCH_KEEP_DB=1 keeps it, for EXPLAIN ANALYZE by hand). Target: HTTP p95 < 20 ms and HTTP ≤ 2 × SQL.
 */
import { randomBytes } from 'node:crypto';
import { Agent, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLogger, createTemporalClient, signToken } from '@sanxiang/shared';
import { deployMigrations } from '@sanxiang/prisma-migrate';
import { Client } from 'pg';
import { createApp } from '../src/app';
import { createPrismaClient } from '../src/data-access/prisma-client';
import { buildQueueQuery } from '../src/data-access/review-queue-query';
import { queueFilterFrom, ZQueueQuery } from '../src/domain/review/list-review-queue';

const QUICK = process.argv.includes('--quick');
const reviews = Number(process.env.BENCH_REVIEWS ?? (QUICK ? 20_000 : 100_000));
const runs = Number(process.env.BENCH_RUNS ?? (QUICK ? 100 : 300));
const warmup = QUICK ? 10 : 30;
const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const adminUrl = process.env.SANXIANG_TEST_PG_URL ?? process.env.SANXIANG_PG_ADMIN_URL;
const secret = process.env.AUTH_JWT_SECRET;
// A fixed "now" so every run sees the same overdue set.
const now = new Date('2026-06-15T02:00:00Z');

/** Each scenario is a query string as a client sends it. */
const scenarios: { name: string; query: string }[] = [
  { name: 'open queue (pending+inReview)', query: 'status=pending,inReview&limit=50' },
  { name: "a reviewer's queue", query: 'assigneeId=u-reviewer-7&status=inReview,awaitingMaterials&limit=50' },
  { name: 'overdue', query: 'overdue=true&limit=50' },
  {
    name: 'due in a week, unassigned',
    query: 'unassigned=true&dueFrom=2026-06-15&dueTo=2026-06-21&limit=50',
  },
  { name: 'all statuses, page 1', query: 'limit=50' },
  { name: 'open queue, page 6 (cursor)', query: '' /* filled in after seeding */ },
];

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url, options: '-c TimeZone=UTC' });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** 100,000 reviews in one INSERT … SELECT: 85 % issued (history), the rest open around "now". */
const seedSql = `
INSERT INTO "Review" ("id", "caseNumber", "round", "cycle", "workflowId", "status", "submittedBy", "submittedAt",
  "officers", "handlerIds", "decisionKind", "summary", "majorCriteria", "hearingOrAssessmentHeld", "receivedAt",
  "clockStartAt", "dueDate", "dueAt", "remindAt", "dueProvisional", "materialsDueAt", "attentionAt", "assigneeId",
  "assigneeName", "assignedAt", "outcome", "issuedAt", "updatedAt")
SELECT gen_random_uuid(), s.case_number, 1, 1, 'case-lifecycle:' || s.case_number, s.status, s.officer,
  s.received - interval '1 day', '[]'::jsonb, ARRAY[s.officer], 'penalty', '拖欠工资案 ' || s.g,
  ARRAY['majorRightsAffected'], false, s.received, s.received, s.due_date,
  s.due_date::timestamp + interval '16 hours', s.due_date::timestamp + interval '16 hours' - interval '3 days',
  false,
  CASE WHEN s.status = 'awaitingMaterials' THEN s.received + interval '5 days' END,
  CASE s.status WHEN 'issued' THEN NULL
    WHEN 'awaitingMaterials' THEN s.received + interval '5 days'
    ELSE s.due_date::timestamp + interval '16 hours' - interval '3 days' END,
  s.assignee, CASE WHEN s.assignee IS NOT NULL THEN '审核员' || (s.g % 20) END,
  CASE WHEN s.assignee IS NOT NULL THEN s.received + interval '1 hour' END,
  CASE WHEN s.status = 'issued' THEN (ARRAY['approve','supplementInvestigation','modify','correct','transfer'])[1 + s.g % 5]::"ReviewOutcome" END,
  CASE WHEN s.status = 'issued' THEN s.received + interval '8 days' END,
  now()
FROM (
  SELECT g, '常人社监察〔' || (2024 + g % 3) || '〕' || g || '号' AS case_number, 'u-officer-' || (g % 50) AS officer,
    b.status::"ReviewStatus" AS status,
    ($1::timestamptz - make_interval(mins => (CASE WHEN b.status = 'issued' THEN (g * 104729) % (400 * 1440)
                                                  ELSE (g * 104729) % (30 * 1440) END)::int)) AS received,
    ((($1::timestamptz - make_interval(mins => (CASE WHEN b.status = 'issued' THEN (g * 104729) % (400 * 1440)
                                                  ELSE (g * 104729) % (30 * 1440) END)::int)) + interval '14 days') AT TIME ZONE 'UTC')::date AS due_date,
    CASE WHEN b.status = 'pending' OR (b.status = 'awaitingMaterials' AND g % 2 = 0) THEN NULL
         ELSE 'u-reviewer-' || (g % 20) END AS assignee
  FROM generate_series(1, $2::bigint) AS g,
  LATERAL (SELECT CASE WHEN (g * 7919) % 1000 < 850 THEN 'issued'
                       WHEN (g * 7919) % 1000 < 910 THEN 'pending'
                       WHEN (g * 7919) % 1000 < 970 THEN 'inReview'
                       ELSE 'awaitingMaterials' END AS status) b
) s`;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (v: number) => `${v.toFixed(2)} ms`.padStart(9);

async function main() {
  if (!adminUrl || !secret) throw new Error('Run with the test stack env: source .local/test/env.sh');
  const dbName = `bench_legal_review_${process.pid}_${randomBytes(3).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${dbName}"`));
  const prismaDir = path.resolve(__dirname, '../prisma');
  const db = createPrismaClient(url.toString());
  const temporal = createTemporalClient({
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_CODEC_KEYS: process.env.TEMPORAL_CODEC_KEYS ?? '',
  });
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
    await sql.query('ANALYZE "Review"');
    const counts = await sql.query<{ status: string; n: number }>(
      `SELECT status::text, count(*)::int AS n FROM "Review" GROUP BY 1 ORDER BY 1`,
    );
    console.log(
      `legal-review queue benchmark${QUICK ? ' (--quick)' : ''}: ${os.cpus().length} cores, load average ${loadavg()}\n` +
        `seeded ${reviews.toLocaleString('en')} reviews in ${((performance.now() - t) / 1000).toFixed(1)} s: ` +
        counts.rows.map((r) => `${r.status} ${r.n}`).join(', '),
    );

    const app = createApp({
      config: {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        LOG_FORMAT: 'json',
        HTTP_HOST: '127.0.0.1',
        HTTP_PORT: 0,
        HTTP_TRUST_PROXY: '',
        DATABASE_URL: url.toString(),
        AUTH_JWT_SECRET: secret,
        AUTH_JWKS_URL: undefined,
        AUTH_MAX_TOKEN_AGE: 43_200,
        AUTH_ISSUER: process.env.AUTH_ISSUER ?? 'sanxiang-local',
        AUTH_AUDIENCE: process.env.AUTH_AUDIENCE ?? 'sanxiang',
        TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
        SERVICE_URL_RECORDING: 'http://127.0.0.1:9',
        SERVICE_URL_DIRECTORY: 'http://127.0.0.1:9',
        CALENDAR_DATA_DIR: '.local/test/calendar',
        TEMPORAL_NAMESPACE: 'default',
        TEMPORAL_TASK_QUEUE: 'case-lifecycle',
        TEMPORAL_CODEC_KEYS: process.env.TEMPORAL_CODEC_KEYS ?? '',
      },
      db,
      temporal,
      logger: createLogger({ name: 'legal-review-bench', level: 'warn' }),
      now: () => now,
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server!.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const authorization = `Bearer ${await signToken({
      secret,
      issuer: process.env.AUTH_ISSUER ?? 'sanxiang-local',
      audience: process.env.AUTH_AUDIENCE ?? 'sanxiang',
      // A reviewer of the office (a head would also be looked up in the directory: none here).
      subject: 'u-reviewer-7',
      name: '审核员7',
      roles: ['reviewer'],
    })}`;
    // node:http with one kept-alive socket: the leanest client, so the figures are the server's.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const http = (query: string) =>
      new Promise<{ items: unknown[]; nextCursor: string | null }>((resolve, reject) => {
        get(`${base}/reviews?${query}`, { agent, headers: { authorization } }, (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (data += chunk));
          res.on('end', () => {
            if (res.statusCode !== 200)
              reject(new Error(`GET /reviews?${query} → ${res.statusCode} ${data}`));
            else resolve(JSON.parse(data) as { items: unknown[]; nextCursor: string | null });
          });
        }).on('error', reject);
      });
    const sqlFor = (query: string) => {
      const parsed = ZQueueQuery.parse(Object.fromEntries(new URLSearchParams(query)));
      return buildQueueQuery(queueFilterFrom(parsed, now));
    };

    // The cursor of page 6 of the open queue, as a client would hold it.
    let cursor: string | null = null;
    for (let i = 0; i < 5; i += 1) {
      cursor = (await http(`status=pending,inReview&limit=50${cursor ? `&cursor=${cursor}` : ''}`))
        .nextCursor;
    }
    scenarios[scenarios.length - 1]!.query = `status=pending,inReview&limit=50&cursor=${cursor}`;

    console.log(
      `\n${runs} interleaved runs per query (after ${warmup} warm-up runs), limit 50, now = ${now.toISOString()}`,
    );
    console.log(
      `${'query'.padEnd(32)}${'×p50'.padStart(7)}${'×p95'.padStart(7)}${'HTTP p50'.padStart(10)}${'p95'.padStart(10)}` +
        `${'SQL p50'.padStart(10)}${'p95'.padStart(10)}  rows  [load]  plan`,
    );
    const summary: { name: string; httpP95: number; ratioP50: number }[] = [];
    for (const scenario of scenarios) {
      const { text, values } = sqlFor(scenario.query);
      const plan = (await sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, values)).rows
        .map((r) => r['QUERY PLAN'])
        .filter((line) => /Index|Seq Scan|Sort/.test(line))
        .map((line) =>
          line
            .trim()
            .replace(/\s+\(cost.*$/, '')
            .replace(/ on "Review" r$/, ''),
        )
        .join(' / ');
      const httpTimes: number[] = [];
      const sqlTimes: number[] = [];
      let rows = 0;
      for (let i = 0; i < warmup + runs; i += 1) {
        // Alternate which goes first, so neither always runs on a warmer cache.
        const order = i % 2 === 0 ? ['http', 'sql'] : ['sql', 'http'];
        for (const which of order) {
          t = performance.now();
          if (which === 'http') rows = (await http(scenario.query)).items.length;
          else await sql.query(text, values);
          const elapsed = performance.now() - t;
          if (i >= warmup) (which === 'http' ? httpTimes : sqlTimes).push(elapsed);
        }
      }
      httpTimes.sort((a, b) => a - b);
      sqlTimes.sort((a, b) => a - b);
      const [h50, h95, s50, s95] = [
        percentile(httpTimes, 50),
        percentile(httpTimes, 95),
        percentile(sqlTimes, 50),
        percentile(sqlTimes, 95),
      ];
      summary.push({ name: scenario.name, httpP95: h95, ratioP50: h50 / s50 });
      console.log(
        `${scenario.name.padEnd(32)}${(h50 / s50).toFixed(2).padStart(6)}×${(h95 / s95).toFixed(2).padStart(6)}×` +
          `${ms(h50)} ${ms(h95)} ${ms(s50)} ${ms(s95)}${String(rows).padStart(5)}  [${loadavg()}]  ${plan}`,
      );
    }
    const worstP95 = Math.max(...summary.map((s) => s.httpP95));
    const worstRatio = Math.max(...summary.map((s) => s.ratioP50));
    console.log(
      `\nworst HTTP/SQL at p50 ${worstRatio.toFixed(2)}× (target ≤ 2×: ${worstRatio <= 2 ? 'met' : 'NOT met'}); ` +
        `worst HTTP p95 ${worstP95.toFixed(2)} ms (target ≤ 20 ms: ${worstP95 <= 20 ? 'met' : 'NOT met'}); load average ${loadavg()}`,
    );
    agent.destroy();
  } finally {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await sql.end().catch(() => undefined);
    await db.$disconnect();
    await temporal.connection.close().catch(() => undefined);
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
