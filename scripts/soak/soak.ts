/**
 * `npm run soak` (issue #16; not part of `npm test`): drives N case lifecycles through every path
 * of the demo set (published; exempt; published, withdrawn and redone; major cases in legal review,
 * one waiting for materials) against the real system — the soak stack's PostgreSQL, MinIO, Mailpit
 * and Temporal dev server (scripts/stack/up.sh soak, its own ports and .local/soak), the six
 * services and the worker as separate processes — while a chaos driver SIGKILLs them in turn (seeded
 * shuffled rounds over all of them) at random moments, waits, and restarts each (the Temporal dev
 * server on its persisted SQLite file).
 * Evidence uploads are in flight during the kills. Everything is seeded (--seed): the same seed
 * picks the same victims at the same offsets and the same cases.
 *
 * Afterwards it checks, and prints as a table: every case at its expected stage; no duplicate
 * publications, opinions, filings, notifications, e-mails, evidence or records; no orphan objects
 * (recording's reconcile-evidence agrees); every evidence object's hash matches its row; every audit
 * chain verifies; every outbox is empty or shows only visible dead letters. Exit 1 when a check fails.
 *
 *   npm run soak                         # default size (about ten minutes on an idle machine)
 *   npm run soak -- --lifecycles 1000    # the full run
 *   npm run soak -- --seed 7 --lifecycles 12 --lanes 3
 *   npm run soak -- --lifecycles 1000 --lanes 6 --drive-minutes 60   # stop starting after an hour
 *   --large-every N: every N-th lifecycle also uploads a 24 MiB video in parts (default 4; 0: none)
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { outboxBacklog, signToken, verifyAuditChain, type TSqlClient } from '@sanxiang/shared';
import { loadWorkingDayCalendar, resolveCalendarDataDir } from '@sanxiang/shared/src/calendar';
import { demoCases, users, type TDemoCaseTemplate } from '../demo/demo-data';
import { loadDemoData, renameDemoCases } from '../demo/demo-loader';
import { getCaseFile } from '../demo/support/case-steps';
import { createStaffApi, type TStaffUser } from '../demo/support/staff-api';
import { NodeProcess, StackServer, readStackEnv, type TEnv, type TSoakProcess } from './processes';

const root = path.resolve(__dirname, '../..');
const { values: args } = parseArgs({
  options: {
    lifecycles: { type: 'string', default: '36' },
    seed: { type: 'string', default: '1' },
    lanes: { type: 'string', default: '3' },
    /** Every N-th lifecycle also uploads a 24 MiB video in parts (resumable); 0: none. */
    'large-every': { type: 'string', default: '4' },
    /** Start no lifecycle after this many minutes of driving (then settle and check those started). */
    'drive-minutes': { type: 'string' },
    /** Gap between two kills, milliseconds: uniformly in [min, max]. */
    'chaos-min-ms': { type: 'string', default: '4000' },
    'chaos-max-ms': { type: 'string', default: '15000' },
    /** Keep .local/soak from an earlier run (default: start from empty servers). */
    keep: { type: 'boolean', default: false },
    /** Only report on what is there (no driving, no chaos): re-check a finished run. */
    'check-only': { type: 'boolean', default: false },
  },
});
const lifecycles = Number(args.lifecycles);
const seed = Number(args.seed);
const lanes = Number(args.lanes);
const largeEvery = Number(args['large-every']);
const driveMinutes = args['drive-minutes'] === undefined ? undefined : Number(args['drive-minutes']);

// ---- seeded randomness ----------------------------------------------------------------------------
function mulberry32(a: number) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
// The chaos draws from its own stream, so the same seed kills the same victims at the same offsets
// however many driver attempts failed; the driver's retry pauses draw from another.
const random = mulberry32(seed);
const between = (min: number, max: number) => Math.round(min + random() * (max - min));
const retryRandom = mulberry32(seed ^ 0x5eed);
const retryPause = () => Math.round(1000 + retryRandom() * 3000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(0)} s`;
const say = (line: string) => console.log(`[soak ${elapsed()}] ${line}`);

function run(command: string, argv: string[], env: TEnv = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: root, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

// ---- the cases ------------------------------------------------------------------------------------
/** Where each path of the demo set ends: the stage (and decision cycle) the case must reach. */
const expected: Record<TDemoCaseTemplate['target'], { stage: string; cycle?: number }> = {
  published: { stage: 'published' },
  inLegalReview: { stage: 'legalReview' },
  materialsRequested: { stage: 'legalReview' },
  exempt: { stage: 'exempt' },
  withdrawnToBeRedone: { stage: 'proposal', cycle: 2 },
  redonePublished: { stage: 'published', cycle: 2 },
  disclosureDraft: { stage: 'disclosure' },
};

/** A body camera's recording of 24 MiB + 1234 bytes: 3 full parts of 8 MiB and a short last one. */
const largeVideo: TDemoCaseTemplate['files'][number] = {
  mediaKind: 'video',
  fileName: '执法记录仪视频-现场检查.mp4',
  contentType: 'video/mp4',
  size: 24 * 1024 * 1024 + 1234,
  description: '执法记录仪现场检查全程录像',
  role: 'evidence',
  text: [],
};

/**
 * Lifecycle i: demo case i mod 6, numbered for this seed and index (workflow ids are global); every
 * `--large-every`-th one also uploads the large video (in parts, so kills land mid-upload).
 */
function soakCases(): TDemoCaseTemplate[] {
  return Array.from({ length: lifecycles }, (_, i) => {
    const template = demoCases[i % demoCases.length]!;
    const large = largeEvery > 0 && (i + 1) % largeEvery === 0;
    // Every other withdrawn-to-be-redone case is decided and published again (cycle 2).
    const redo = template.target === 'withdrawnToBeRedone' && Math.floor(i / demoCases.length) % 2 === 1;
    const withFiles = {
      ...template,
      ...(large ? { files: [...template.files, largeVideo] } : {}),
      ...(redo ? { target: 'redonePublished' as const } : {}),
    };
    return renameDemoCases(`S${seed}-${i + 1}`, [withFiles])[0]!;
  });
}

/** Runs `work` over `items` in `width` lanes. */
async function inLanes<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

async function main(): Promise<number> {
  const stackDir = path.join(root, '.local/soak');
  if (!args.keep && !args['check-only']) {
    say('fresh soak stack (.local/soak removed)');
    await run('bash', [path.join(root, 'scripts/stack/down.sh'), 'soak']);
    rmSync(stackDir, { recursive: true, force: true });
  }
  say('starting the soak stack (scripts/stack/up.sh soak)');
  const up = await run('bash', [path.join(root, 'scripts/stack/up.sh'), 'soak']);
  if (up.code !== 0) {
    console.error(up.output);
    throw new Error('scripts/stack/up.sh soak failed');
  }
  const env = readStackEnv(path.join(stackDir, 'env.sh'));
  Object.assign(process.env, env);
  const logDir = path.join(stackDir, 'log');
  mkdirSync(logDir, { recursive: true });

  // ---- processes ----------------------------------------------------------------------------------
  const restartServers = async () => {
    const r = await run('bash', [path.join(root, 'scripts/stack/up.sh'), 'soak'], {
      STACK_UP_SERVERS_ONLY: '1',
    });
    if (r.code !== 0) say(`up.sh (servers) failed: ${r.output.split('\n').slice(-5).join(' / ')}`);
  };
  const pgPool = (db: string) => {
    const pool = new Pool({ connectionString: env[`DATABASE_URL_${db}`], max: 2 });
    pool.on('error', () => undefined);
    return pool;
  };
  const probe = pgPool('DIRECTORY');
  const servers = [
    new StackServer('postgres', stackDir, restartServers, async () => {
      await probe.query('SELECT 1');
      return true;
    }),
    new StackServer(
      'minio',
      stackDir,
      restartServers,
      async () =>
        (await fetch(`${env.S3_ENDPOINT}/minio/health/ready`, { signal: AbortSignal.timeout(2000) })).ok,
    ),
    new StackServer(
      'mailpit',
      stackDir,
      restartServers,
      async () => (await fetch(`${env.MAILPIT_URL}/readyz`, { signal: AbortSignal.timeout(2000) })).ok,
    ),
    new StackServer(
      'temporal',
      stackDir,
      restartServers,
      async () => (await fetch(`${env.TEMPORAL_UI_URL}/`, { signal: AbortSignal.timeout(2000) })).ok,
    ),
  ];
  const serviceNames = [
    'directory',
    'notifications',
    'recording',
    'legal-review',
    'disclosure',
    'inspection',
  ];
  const services = serviceNames.map((name) => {
    const url = env[`SERVICE_URL_${name.toUpperCase().replace('-', '_')}`]!;
    const own: TEnv =
      name === 'recording'
        ? { S3_ACCESS_KEY: env.S3_RECORDING_ACCESS_KEY!, S3_SECRET_KEY: env.S3_RECORDING_SECRET_KEY! }
        : {};
    return new NodeProcess(
      name,
      'service',
      root,
      `services/${name}/src/main.ts`,
      {
        ...env,
        HTTP_PORT: new URL(url).port,
        DATABASE_URL: env[`DATABASE_URL_${name.toUpperCase().replace('-', '_')}`]!,
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'warn',
        ...own,
      },
      logDir,
      `${url}/readyz`,
    );
  });
  const worker = new NodeProcess(
    'worker',
    'worker',
    root,
    'workflows/src/worker/main.ts',
    { ...env, LOG_FORMAT: 'json', LOG_LEVEL: 'warn' },
    logDir,
  );
  const ours: NodeProcess[] = [...services, worker];
  const everything: TSoakProcess[] = [...servers, ...ours];

  const pools = {
    recording: pgPool('RECORDING'),
    legalReview: pgPool('LEGAL_REVIEW'),
    disclosure: pgPool('DISCLOSURE'),
    notifications: pgPool('NOTIFICATIONS'),
    inspection: pgPool('INSPECTION'),
    directory: probe,
  };
  const sql = (pool: Pool): TSqlClient => ({
    $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) =>
      (await pool.query(query, values)).rows as T,
    $executeRawUnsafe: async (query: string, ...values: unknown[]) =>
      (await pool.query(query, values)).rowCount ?? 0,
  });

  try {
    for (const p of ours) await p.start();
    for (const s of services) {
      if (!(await s.ready(180_000)))
        throw new Error(`${s.name} did not become ready (log: .local/soak/log/${s.name}.log)`);
    }
    say('services ready; loading the demo directory');
    const dir = await run(process.execPath, ['--import', 'tsx', 'scripts/demo/load-directory-demo.ts'], env);
    if (dir.code !== 0) throw new Error(`directory demo: ${dir.output}`);

    const auth = { secret: env.AUTH_JWT_SECRET!, issuer: env.AUTH_ISSUER!, audience: env.AUTH_AUDIENCE! };
    const tokenCache = new Map<string, { token: Promise<string>; at: number }>();
    const authorization = (user: TStaffUser) => {
      const cached = tokenCache.get(user.id);
      if (cached && Date.now() - cached.at < 30 * 60_000) return cached.token;
      const token = signToken({
        ...auth,
        subject: user.id,
        name: user.name,
        roles: user.roles,
        ...(user.unitId ? { unitId: user.unitId } : {}),
        ...(user.certificateNumber ? { certificateNumber: user.certificateNumber } : {}),
        expiresIn: '1h',
      }).then((t) => `Bearer ${t}`);
      tokenCache.set(user.id, { token, at: Date.now() });
      return token;
    };
    const api = createStaffApi({
      baseUrls: {
        recording: env.SERVICE_URL_RECORDING!,
        legalReview: env.SERVICE_URL_LEGAL_REVIEW!,
        disclosure: env.SERVICE_URL_DISCLOSURE!,
      },
      authorization,
      timeoutMs: 30_000,
    });
    const calendar = await loadWorkingDayCalendar({ importedDir: resolveCalendarDataDir(env) });
    const cases = soakCases();
    const driverLog = (line: string) =>
      writeFileSync(path.join(logDir, 'driver.log'), `${line}\n`, { flag: 'a' });

    /** One case, retried (the loader is idempotent: every step checks, every write has a key). */
    const attempts = new Map<string, number>();
    const errors: string[] = [];
    const drive = async (c: TDemoCaseTemplate, deadline: number): Promise<boolean> => {
      for (let attempt = 1; Date.now() < deadline; attempt++) {
        attempts.set(c.story.caseNumber, attempt);
        try {
          await loadDemoData({ api, calendar, cases: [c], catalogue: false, log: driverLog });
          return true;
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          driverLog(`! ${c.story.caseNumber} attempt ${attempt}: ${message}`);
          errors.push(`${c.story.caseNumber}#${attempt}: ${message.slice(0, 300)}`);
          await sleep(retryPause());
        }
      }
      return false;
    };

    // ---- drive, with chaos ------------------------------------------------------------------------
    const kills = new Map<string, number>();
    const downtime: string[] = [];
    let driving = !args['check-only'];
    const round: TSoakProcess[] = [];
    const shuffled = <T>(items: T[]): T[] => {
      const a = [...items];
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [a[i], a[j]] = [a[j]!, a[i]!];
      }
      return a;
    };
    const chaos = (async () => {
      while (driving) {
        await sleep(between(Number(args['chaos-min-ms']), Number(args['chaos-max-ms'])));
        if (!driving) break;
        // Rounds over every process in a seeded shuffled order: each one is killed once per round.
        if (round.length === 0) round.push(...shuffled(everything));
        const victim = round.shift()!;
        const pause = between(300, 4000);
        say(`chaos: SIGKILL ${victim.name}, restart in ${pause} ms`);
        await victim.kill();
        kills.set(victim.name, (kills.get(victim.name) ?? 0) + 1);
        await sleep(pause);
        const t0 = Date.now();
        await victim.start();
        const back = await victim.ready(180_000);
        downtime.push(
          `${victim.name}: ${pause} ms down, ${Date.now() - t0} ms to ready${back ? '' : ' (NOT READY)'}`,
        );
      }
    })();

    let reached = 0;
    /** The lifecycles started (all of them, unless --drive-minutes ran out first). */
    const started: TDemoCaseTemplate[] = [];
    if (!args['check-only']) {
      say(`driving ${cases.length} lifecycles in ${lanes} lanes (seed ${seed})`);
      const deadline = Date.now() + Math.max(20 * 60_000, cases.length * 3 * 60_000);
      const stopStarting = driveMinutes === undefined ? Infinity : Date.now() + driveMinutes * 60_000;
      await inLanes(cases, lanes, async (c) => {
        if (Date.now() > stopStarting) return;
        started.push(c);
        if (await drive(c, deadline)) reached += 1;
        say(`${reached}/${cases.length} lifecycles driven (${c.story.caseNumber})`);
      });
    } else {
      started.push(...cases);
    }
    driving = false;
    await chaos;
    say('chaos stopped; every process up again');
    for (const p of everything) if (!(await p.ready(180_000))) say(`${p.name} is not ready after the chaos`);

    // ---- settle: one more pass without chaos (must create nothing new), then the checks ------------
    const settle = { created: 0 };
    await inLanes(started, lanes, async (c) => {
      const end = Date.now() + 5 * 60_000;
      while (Date.now() < end) {
        try {
          const r = await loadDemoData({ api, calendar, cases: [c], catalogue: false, log: driverLog });
          settle.created += r.created;
          break;
        } catch (err) {
          driverLog(`! settle ${c.story.caseNumber}: ${err instanceof Error ? err.message : String(err)}`);
          await sleep(2000);
        }
      }
    });
    // Outboxes drain in the background: give them a minute before counting what is left.
    const outboxDbs = {
      recording: pools.recording,
      'legal-review': pools.legalReview,
      disclosure: pools.disclosure,
      notifications: pools.notifications,
      inspection: pools.inspection,
    };
    for (let i = 0; i < 60; i++) {
      let pending = 0;
      for (const pool of Object.values(outboxDbs)) {
        const b = await outboxBacklog(sql(pool));
        pending += b.pending - b.failing;
      }
      if (pending === 0) break;
      await sleep(1000);
    }

    const rows: { check: string; result: string; ok: boolean }[] = [];
    const add = (check: string, ok: boolean, result: string) => rows.push({ check, ok, result });

    // Stages.
    const wrong: string[] = [];
    await inLanes(started, lanes, async (c) => {
      const want = expected[c.target];
      const file = await getCaseFile(api, users.unitHead, c.story.caseNumber).catch(() => undefined);
      const cycle = (file as { cycle?: number } | undefined)?.cycle;
      if (!file || file.stage !== want.stage || (want.cycle !== undefined && cycle !== want.cycle))
        wrong.push(
          `${c.story.caseNumber}: ${file ? `${file.stage}/${cycle}` : 'missing'} (want ${want.stage})`,
        );
    });
    add(
      'cases at their expected stage',
      wrong.length === 0,
      `${started.length - wrong.length}/${started.length}${wrong.length ? `; ${wrong.slice(0, 5).join('; ')}` : ''}`,
    );

    // Duplicates.
    const dupes = async (label: string, pool: Pool, query: string) => {
      const { rows: r } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${query}) d`);
      const n = r[0]?.n ?? 0;
      add(`duplicate ${label}`, n === 0, String(n));
    };
    const count = async (pool: Pool, query: string) =>
      (await pool.query<{ n: number }>(query)).rows[0]?.n ?? 0;
    await dupes(
      'publications (decision disclosures per case and cycle)',
      pools.disclosure,
      `SELECT "caseNumber", "cycle" FROM "Disclosure" WHERE "kind" = 'decision' GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    await dupes(
      'opinions (per review)',
      pools.legalReview,
      `SELECT "reviewId" FROM "Opinion" GROUP BY 1 HAVING count(*) > 1`,
    );
    await dupes(
      'review rounds (per case and round)',
      pools.legalReview,
      `SELECT "caseNumber", "round" FROM "Review" GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    await dupes(
      'filings (per case and document number)',
      pools.legalReview,
      `SELECT "caseNumber", "documentNumber" FROM "DecisionFiling" GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    await dupes(
      'notifications (per clock, level and person)',
      pools.notifications,
      `SELECT "clockKey", "level", "personId" FROM "Notification" GROUP BY 1, 2, 3 HAVING count(*) > 1`,
    );
    await dupes(
      'evidence (per case and file name)',
      pools.recording,
      `SELECT "caseId", "fileName" FROM "Evidence" GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    const mail = (await (await fetch(`${env.MAILPIT_URL}/api/v1/messages?limit=5000`)).json()) as {
      messages?: { To?: { Address: string }[]; Subject: string }[];
    };
    const seen = new Map<string, number>();
    for (const m of mail.messages ?? []) {
      const k = `${(m.To ?? []).map((t) => t.Address).join(',')}|${m.Subject}`;
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    const mailDupes = [...seen.values()].filter((n) => n > 1).length;
    add(
      'duplicate e-mails (per recipient and subject)',
      mailDupes === 0,
      `${mailDupes} of ${mail.messages?.length ?? 0} messages`,
    );
    const counts = {
      evidence: await count(pools.recording, `SELECT count(*)::int AS n FROM "Evidence"`),
      publications: await count(
        pools.disclosure,
        `SELECT count(*)::int AS n FROM "Disclosure" WHERE "kind" = 'decision' AND "status" IN ('published', 'withdrawn')`,
      ),
      opinions: await count(pools.legalReview, `SELECT count(*)::int AS n FROM "Opinion"`),
      filings: await count(pools.legalReview, `SELECT count(*)::int AS n FROM "DecisionFiling"`),
      notifications: await count(pools.notifications, `SELECT count(*)::int AS n FROM "Notification"`),
    };

    // Orphans and hashes: recording's reconciliation (no grace: nothing is in flight any more).
    const reconcile = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'services/recording/src/cli/reconcile-evidence.ts',
        '--verify-hashes',
        '--grace-minutes',
        '0',
      ],
      { ...env, DATABASE_URL: env.DATABASE_URL_RECORDING! },
    );
    const findings = reconcile.output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { kind: string; key: string });
    const of = (...kinds: string[]) => findings.filter((f) => kinds.includes(f.kind));
    const orphans = of('orphanVersion', 'strayMultipart', 'expiredUpload');
    const hashes = of('hashMismatch', 'sizeMismatch', 'missingObject');
    const summaryLine =
      reconcile.output.split('\n').find((l) => l.startsWith('checked')) ?? reconcile.output.slice(-300);
    add(
      'orphan objects / uploads (reconcile-evidence)',
      orphans.length === 0,
      `${orphans.length}; ${summaryLine.trim()}`,
    );
    add(
      'evidence hash / size / object mismatches',
      hashes.length === 0,
      `${hashes.length} of ${counts.evidence} evidence rows`,
    );
    const others = findings.filter((f) => !orphans.includes(f) && !hashes.includes(f));
    add(
      'other reconciliation findings (notLocked, deleteMarker)',
      others.length === 0,
      `${others.length}${
        others.length
          ? `: ${others
              .slice(0, 3)
              .map((f) => f.kind)
              .join(', ')}`
          : ''
      }`,
    );

    // Audit chains.
    const audit = await run(
      process.execPath,
      ['--import', 'tsx', 'services/recording/src/cli/verify-audit-chain.ts'],
      {
        ...env,
        DATABASE_URL: env.DATABASE_URL_RECORDING!,
      },
    );
    add('audit chain recording', audit.code === 0, audit.output.trim().split('\n').pop() ?? '');
    for (const [name, pool] of Object.entries({
      'legal-review': pools.legalReview,
      disclosure: pools.disclosure,
      notifications: pools.notifications,
      inspection: pools.inspection,
      directory: pools.directory,
    })) {
      const { rows: table } = await pool.query(`SELECT to_regclass('"AuditEvent"') AS t`);
      if (!(table[0] as { t: string | null }).t) {
        add(`audit chain ${name}`, true, 'no audit table in this service');
        continue;
      }
      const v = await verifyAuditChain(sql(pool));
      add(
        `audit chain ${name}`,
        v.ok,
        v.ok ? `intact, ${v.checked} entries` : `BROKEN at ${v.firstBroken?.id}: ${v.firstBroken?.problem}`,
      );
    }

    // Outboxes.
    for (const [name, pool] of Object.entries(outboxDbs)) {
      const b = await outboxBacklog(sql(pool));
      const undelivered = b.pending - b.failing;
      add(
        `outbox ${name}`,
        undelivered === 0,
        `${b.pending} undelivered, of which ${b.failing} visible dead letters${
          b.failures.length
            ? ` (${b.failures
                .slice(0, 2)
                .map((f) => `${f.kind}: ${f.lastError.slice(0, 80)}`)
                .join('; ')})`
            : ''
        }`,
      );
    }

    // ---- report -----------------------------------------------------------------------------------
    const failed = rows.filter((r) => !r.ok);
    const killLine = [...kills.entries()].map(([n, k]) => `${n} ${k}`).join(', ') || 'none';
    const crashLine =
      ours
        .filter((p) => p.crashes > 0)
        .map((p) => `${p.name} ${p.crashes}`)
        .join(', ') || 'none';
    const lines = [
      `Soak run: seed ${seed}, ${cases.length} lifecycles (${lanes} lanes${largeEvery > 0 ? `, every ${largeEvery}th with a 24 MiB video uploaded in parts` : ''}), ${elapsed()} in all, finished ${new Date().toISOString()}.`,
      `Lifecycles driven to their end during the chaos: ${reached}/${started.length} started${started.length < cases.length ? ` (of ${cases.length}: --drive-minutes ran out)` : ''}; a settle pass without chaos created ${settle.created} more thing(s).`,
      `SIGKILLs: ${kills.size ? [...kills.values()].reduce((a, b) => a + b, 0) : 0} (${killLine}); exits not caused by the driver (restarted): ${crashLine}.`,
      `Failed driver attempts (retried): ${errors.length}. Counts: ${counts.evidence} evidence, ${counts.publications} publications, ${counts.opinions} opinions, ${counts.filings} filings, ${counts.notifications} notifications, ${mail.messages?.length ?? 0} e-mails.`,
      '',
      '| check | result | |',
      '| --- | --- | --- |',
      ...rows.map((r) => `| ${r.check} | ${r.result.replace(/\|/gu, '/')} | ${r.ok ? 'ok' : 'FAILED'} |`),
      '',
    ];
    const report = lines.join('\n');
    console.log(`\n${report}`);
    writeFileSync(
      path.join(stackDir, 'report.md'),
      `${report}\nDriver errors (first 40):\n${errors.slice(0, 40).join('\n')}\n\nRestarts:\n${downtime.join('\n')}\n`,
    );
    say(`report in .local/soak/report.md; ${failed.length} check(s) failed`);
    return failed.length === 0 ? 0 : 1;
  } finally {
    for (const p of ours) await p.stop();
    for (const pool of Object.values(pools)) await pool.end().catch(() => undefined);
    await run('bash', [path.join(root, 'scripts/stack/down.sh'), 'soak']);
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(2);
  },
);
