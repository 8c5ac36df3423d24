// Benchmark of the public keyword search (公示检索) with 1,000,000 published decisions of realistic
// Chinese text: the same queries over HTTP (the real app, its own process) and directly in SQL (the
// very statement the app runs), 16 concurrent clients each, in one run. Prints p50/p95 and ratios.
//
//   npx tsx services/disclosure/bench/public-search.ts      (test stack env: source .local/test/env.sh)
//
// Env: BENCH_ROWS (default 1000000), BENCH_REQUESTS per mode (3000), BENCH_CONCURRENCY (16),
// BENCH_POOL_SIZE (8, the same for the app and the raw client), BENCH_KEEP_DB=1 to keep the database,
// BENCH_DATABASE=<name> to measure again on a kept one.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import readline from 'node:readline';
import { readdirSync, readFileSync } from 'node:fs';
import { Client } from 'pg';
import { deployMigrations } from '@sanxiang/prisma-migrate';
import {
  loadTokenStats,
  runPublicSearch,
  type TPublicSearchFilters,
} from '../src/data-access/public-decision-repository';
import { createPublicReadPool, runOn } from '../src/data-access/public-read-pool';
import { parseSearchTerms } from '../src/domain/search/search-terms';
import { buildSearchText } from '../src/domain/search/search-text';

// `--quick`: a small table and few requests, to see that the benchmark runs (its figures mean little).
const QUICK = process.argv.includes('--quick');
const ROWS = Number(process.env.BENCH_ROWS ?? (QUICK ? 20_000 : 1_000_000));
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? (QUICK ? 300 : 3000));
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 8);
const WARMUP = Math.min(500, REQUESTS);
const TARGET_P95_MS = 25;
const TARGET_RATIO = 2;

const serviceDir = path.resolve(__dirname, '..');
const log = (line: string) => process.stdout.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------
// Vocabulary: party names, violations, law articles and decisions as labour-inspection bureaus
// write them (cities of the seed documents and their neighbours).

const cities = [
  '沈阳',
  '大连',
  '鞍山',
  '抚顺',
  '本溪',
  '丹东',
  '锦州',
  '营口',
  '阜新',
  '辽阳',
  '盘锦',
  '铁岭',
  '朝阳',
  '葫芦岛',
  '长春',
  '吉林',
  '四平',
  '常州',
];
const cityAbbr = [
  '沈',
  '大',
  '鞍',
  '抚',
  '本',
  '丹',
  '锦',
  '营',
  '阜',
  '辽',
  '盘',
  '铁',
  '朝',
  '葫',
  '长',
  '吉',
  '四',
  '常',
];
const districts = [
  '和平',
  '沈河',
  '铁西',
  '皇姑',
  '大东',
  '浑南',
  '中山',
  '西岗',
  '甘井子',
  '铁东',
  '立山',
  '新抚',
  '望花',
  '平山',
  '明山',
  '振兴',
  '元宝',
  '古塔',
  '凌河',
  '站前',
  '海州',
  '细河',
  '白塔',
  '文圣',
  '兴隆台',
  '银州',
  '双塔',
  '龙城',
  '连山',
  '南关',
  '船营',
  '天宁',
  '钟楼',
  '新北',
  '武进',
];
const brands = [
  '华信',
  '盛京',
  '浑河',
  '北陵',
  '金桥',
  '恒达',
  '鑫源',
  '宏远',
  '东方',
  '天成',
  '瑞丰',
  '永盛',
  '兴隆',
  '泰和',
  '中联',
  '新世纪',
  '龙腾',
  '博远',
  '嘉禾',
  '安泰',
  '丰华',
  '信达',
  '远航',
  '福满',
  '顺通',
  '宝丰',
  '利民',
  '长城',
  '凯旋',
  '汇通',
  '明珠',
  '海天',
  '荣昌',
  '万家',
  '和信',
  '广厦',
  '金鼎',
  '银河',
  '星辰',
  '正大',
  '诚信',
  '鸿运',
  '蓝天',
  '绿源',
  '德润',
  '华美',
  '国泰',
  '盛世',
  '百川',
  '鼎盛',
  '春华',
  '秋实',
  '聚力',
  '同创',
  '弘毅',
  '锦程',
  '合众',
  '光明',
  '晨曦',
  '辽河',
];
const industries = [
  '建材',
  '物流',
  '餐饮管理',
  '建筑工程',
  '劳务派遣',
  '物业管理',
  '纺织',
  '机械制造',
  '电子科技',
  '商贸',
  '保安服务',
  '家政服务',
  '汽车销售',
  '食品加工',
  '装饰工程',
  '房地产开发',
  '印刷',
  '服装',
  '酒店管理',
  '网络科技',
  '化工',
  '医药',
  '教育咨询',
  '运输',
  '超市',
  '钢结构',
  '环保科技',
  '农业开发',
  '文化传媒',
  '人力资源',
];
const suffixes = ['有限公司', '有限公司', '有限公司', '有限责任公司', '股份有限公司', '分公司'];
const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
];
const violations = [
  "'未按规定为' || (3 + floor(random() * 80))::int || '名劳动者缴纳社会保险费'",
  "'拖欠' || (2 + floor(random() * 60))::int || '名劳动者工资共计' || (5000 + floor(random() * 900000))::int || '元'",
  "'未与' || (1 + floor(random() * 40))::int || '名劳动者订立书面劳动合同'",
  "'安排劳动者延长工作时间超过法定标准且未依法支付加班费'",
  "'违法招用未满十六周岁的未成年人'",
  "'克扣劳动者工资' || (1000 + floor(random() * 90000))::int || '元'",
  "'未按规定建立职工名册'",
  "'以担保为名向劳动者收取押金' || (500 + floor(random() * 20000))::int || '元'",
  "'无理抗拒、阻挠劳动保障监察'",
  "'解除劳动合同未依法支付经济补偿'",
  "'低于当地最低工资标准支付劳动者工资'",
  "'未按规定报送劳动用工备案'",
  "'扣押劳动者居民身份证等证件'",
  "'安排女职工从事国家规定的禁忌从事的劳动'",
  "'未按规定办理社会保险登记'",
  "'以欺诈手段骗取社会保险基金支出' || (3000 + floor(random() * 300000))::int || '元'",
  "'违反劳务派遣规定超比例使用被派遣劳动者'",
  "'未按规定提取和使用职工教育经费开展职业技能培训'",
  "'拒不提供有关工资支付和用工情况的资料'",
  "'伪造、变造社会保险登记证件'",
];
const evidence = [
  '上述事实有询问笔录、工资支付凭证、考勤记录等证据证实。',
  '当事人对上述违法事实无异议。',
  '经责令改正后逾期仍未改正。',
  '该单位已于调查期间部分整改。',
  '本案经负责人集体讨论决定。',
  '当事人在规定期限内未提出陈述、申辩。',
  '经现场检查及调取书证，事实清楚，证据确凿。',
  '当事人提出的陈述、申辩理由不成立，不予采纳。',
];
const laws = [
  '《劳动保障监察条例》第二十六条',
  '《劳动保障监察条例》第二十三条',
  '《劳动保障监察条例》第二十五条',
  '《劳动保障监察条例》第三十条',
  '《中华人民共和国社会保险法》第八十四条',
  '《中华人民共和国社会保险法》第八十六条',
  '《中华人民共和国社会保险法》第八十八条',
  '《中华人民共和国劳动合同法》第八十二条',
  '《中华人民共和国劳动合同法》第八十四条',
  '《中华人民共和国劳动合同法》第九十二条',
  '《禁止使用童工规定》第六条',
  '《女职工劳动保护特别规定》第十三条',
  '《保障农民工工资支付条例》第五十四条',
  '《辽宁省劳动保障监察条例》第三十一条',
];
const decisions = [
  "'责令限期改正，并处罚款人民币' || (2000 + floor(random() * 50) * 1000)::int || '元。'",
  "'给予警告，并责令限期改正。'",
  "'责令限期支付劳动者工资' || (5000 + floor(random() * 500000))::int || '元。'",
  "'责令限期补缴社会保险费，并自欠缴之日起按日加收万分之五的滞纳金。'",
  "'处以罚款人民币' || (5000 + floor(random() * 100) * 500)::int || '元。'",
  "'责令退还骗取的社会保险金，并处骗取金额二倍的罚款。'",
];
const kinds = [
  'penalty',
  'penalty',
  'penalty',
  'penalty',
  'penalty',
  'penalty',
  'handling',
  'handling',
  'inspection',
  'licensing',
  'coercion',
  'confirmation',
  'penalty',
  'handling',
  'inspection',
  'other',
];
const penaltyKinds = ['罚款', '警告', '罚款', '责令改正', '没收违法所得'];

const sqlArray = (values: string[]) =>
  `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]::text[]`;
const pick = (arrayExpr: string, n: number) => `(${arrayExpr})[1 + floor(random() * ${n})::int]`;
const caseOf = (exprs: string[]) =>
  `(CASE floor(random() * ${exprs.length})::int ${exprs.map((e, i) => `WHEN ${i} THEN ${e}`).join(' ')} END)`;
/** The normalisation of search-text.ts for the punctuation this generator writes. */
const stripPunct = (expr: string) => `translate(${expr}, '，。、；：“”《》（）〔〕', '')`;

export function generatorSql(from: number, to: number): string {
  return `
WITH base AS (
  SELECT g,
    floor(random() * ${cities.length})::int + 1 AS c,
    random() < 0.2 AS person,
    ${pick(sqlArray(kinds), kinds.length)} AS kind,
    -- Published records arrive in date order, so the table's physical order follows the date.
    DATE '2021-11-01' + least(1825, floor((g - 1) * 1826.0 / ${ROWS} + random() * 3))::int AS ddate
  FROM generate_series(${from}, ${to}) g
), named AS (
  SELECT b.*,
    CASE WHEN person THEN ${pick(sqlArray(surnames), surnames.length)} || '某'
         ELSE (${sqlArray(cities)})[c] || ${pick(sqlArray(brands), brands.length)} || ${pick(sqlArray(industries), industries.length)} || ${pick(sqlArray(suffixes), suffixes.length)}
    END AS party,
    (${sqlArray(cityAbbr)})[c] || '人社监' || CASE WHEN kind = 'penalty' THEN '罚' ELSE '处' END
      || '〔' || extract(year FROM ddate)::int || '〕' || g || '号' AS docno,
    CASE WHEN random() < 0.7 THEN (${sqlArray(cities)})[c] || '市人力资源和社会保障局'
         ELSE (${sqlArray(cities)})[c] || '市' || ${pick(sqlArray(districts), districts.length)} || '区人力资源和社会保障局' END AS authority
  FROM base b
), texts AS (
  SELECT n.*,
    '经查，' || party || '在' || extract(year FROM ddate)::int || '年' || (1 + floor(random() * 6))::int || '月至'
      || (7 + floor(random() * 6))::int || '月期间' || ${caseOf(violations)} || '，' || ${caseOf(violations)} || '。'
      || ${pick(sqlArray(evidence), evidence.length)} || ${pick(sqlArray(evidence), evidence.length)} AS content,
    ${caseOf(decisions)} AS decision,
    CASE WHEN kind = 'penalty' THEN ${pick(sqlArray(penaltyKinds), penaltyKinds.length)} END AS pkind
  FROM named n
), searchable AS MATERIALIZED (
  SELECT t.*,
    party || '|' || ${stripPunct('docno')} || '|' || ${stripPunct('content')} || coalesce('|' || pkind, '') AS st
  FROM texts t
)
INSERT INTO "PublicDecision" ("disclosureId", state, version, "documentNumber", "decisionKind", "issuingAuthority",
  "decisionDate", "publishedAt", "partyKind", "partyName", "enforcementMethod", content, decision, "penaltyKind",
  "legalBasis", performance, "searchText")
SELECT gen_random_uuid(), 'published', 1, docno, kind, authority, ddate,
  (ddate + (1 + floor(random() * 7))::int)::timestamptz + interval '9 hours',
  CASE WHEN person THEN 'naturalPerson' ELSE 'legalPerson' END, party,
  ${pick(sqlArray(['现场检查', '书面审查', '现场检查、调取书证', '举报投诉核查', '双随机抽查']), 5)}, content, decision, pkind,
  ${pick(sqlArray(laws), laws.length)},
  '自收到决定书之日起' || ${pick("ARRAY['15','30','60']", 3)} || '日内履行',
  st
FROM searchable`;
}

// ---------------------------------------------------------------------------------------------

async function createDatabase(): Promise<{ url: string; name: string; admin: string }> {
  const admin = process.env.SANXIANG_TEST_PG_URL ?? process.env.SANXIANG_PG_ADMIN_URL;
  if (!admin)
    throw new Error('Set SANXIANG_TEST_PG_URL or SANXIANG_PG_ADMIN_URL (source .local/test/env.sh).');
  const name = `bench_disclosure_${process.pid}`;
  const c = new Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  await deployMigrations({
    schemaPath: path.join(serviceDir, 'prisma/schema.prisma'),
    migrationsDir: path.join(serviceDir, 'prisma/migrations'),
    databaseUrl: url.toString(),
  });
  return { url: url.toString(), name, admin };
}

/** A database loaded by an earlier run with BENCH_KEEP_DB=1 (for tuning without reloading). */
function existingDatabase(name: string): { url: string; name: string; admin: string } {
  const admin = process.env.SANXIANG_TEST_PG_URL ?? process.env.SANXIANG_PG_ADMIN_URL ?? '';
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, admin };
}

async function dropDatabase(admin: string, name: string) {
  const c = new Client({ connectionString: admin });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.end();
}

/** The migration's own index statements for PublicDecision: dropped for the load, rebuilt after. */
function publicDecisionIndexes(kind: 'CREATE' | 'ALTER' = 'CREATE'): string[] {
  const dir = path.join(serviceDir, 'prisma/migrations');
  const files = readdirSync(dir)
    .filter((f) => /^\d+_/.test(f))
    .sort();
  return files
    .flatMap((f) => readFileSync(path.join(dir, f, 'migration.sql'), 'utf8').split(';'))
    .map((s) =>
      s
        .trim()
        .replace(/^--.*\n/gm, '')
        .trim(),
    )
    .filter((s) => s.startsWith(`${kind} INDEX "PublicDecision_`));
}

async function load(url: string) {
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query(`SET maintenance_work_mem = '1GB'`);
  const indexes = publicDecisionIndexes();
  for (const stmt of indexes) await c.query(`DROP INDEX "${/"(PublicDecision_[^"]+)"/.exec(stmt)![1]}"`);
  // Two loaders (the machine has two cores). The CTE is materialised so that each row's random
  // text is computed once.
  const batch = 50_000;
  const ranges: [number, number][] = [];
  for (let from = 1; from <= ROWS; from += batch) ranges.push([from, Math.min(ROWS, from + batch - 1)]);
  const t0 = performance.now();
  let done = 0;
  await Promise.all(
    [0, 1].map(async (worker) => {
      const w = new Client({ connectionString: url });
      await w.connect();
      await w.query(`SELECT setseed(${worker === 0 ? 0.2026 : -0.2026})`);
      for (let i = worker; i < ranges.length; i += 2) {
        const [from, to] = ranges[i]!;
        await w.query(generatorSql(from, to));
        done += to - from + 1;
        log(
          `  generated ${done.toLocaleString('en')} rows (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
        );
      }
      await w.end();
    }),
  );
  const t1 = performance.now();
  for (const stmt of [...indexes, ...publicDecisionIndexes('ALTER')]) await c.query(stmt);
  log(`  indexes rebuilt in ${((performance.now() - t1) / 1000).toFixed(0)} s`);
  await c.query('VACUUM ANALYZE "PublicDecision"');
  const size = await c.query(`SELECT pg_size_pretty(pg_total_relation_size('"PublicDecision"')) AS total,
    pg_size_pretty(pg_relation_size('"PublicDecision_searchTokens_idx"')) AS gin`);
  log(
    `  table with indexes ${size.rows[0].total}, search-token GIN ${size.rows[0].gin}; ${((performance.now() - t0) / 1000).toFixed(0)} s in all`,
  );
  await c.end();
}

/** The generator must index exactly as the app does: recompute a sample with search-text.ts. */
async function verifyIndexing(url: string) {
  const c = new Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query(
    `SELECT "partyName", "documentNumber", content, "penaltyKind", "searchText" FROM "PublicDecision" TABLESAMPLE SYSTEM (1) LIMIT 200`,
  );
  await c.end();
  for (const r of rows) {
    const text = buildSearchText([r.partyName, r.documentNumber, r.content, r.penaltyKind]);
    if (text !== r.searchText)
      throw new Error(`generated search text differs from the app's for ${r.documentNumber}`);
  }
  log(`  indexing of ${rows.length} sampled rows matches the app's (search-text.ts)`);
}

type TQuery = TPublicSearchFilters & { label: string; q: string };

/** Realistic keywords: company-name fragments, whole names, document numbers, 2–4 character terms. */
export async function buildQueries(url: string): Promise<TQuery[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const sample = await c.query(
    `SELECT "partyName", "documentNumber", "decisionKind" FROM "PublicDecision" TABLESAMPLE SYSTEM (0.5) WHERE "partyKind" = 'legalPerson' LIMIT 200`,
  );
  await c.end();
  const terms = [
    '拖欠',
    '工资',
    '童工',
    '加班费',
    '押金',
    '劳务派遣',
    '最低工资',
    '劳动合同',
    '职工名册',
    '社会保险费',
    '骗取',
    '身份证',
  ];
  const queries: TQuery[] = [];
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const q = (label: string, keyword: string, extra: Partial<TPublicSearchFilters> = {}): TQuery => ({
    label,
    q: keyword,
    terms: parseSearchTerms(keyword),
    page: 1,
    pageSize: 20,
    ...extra,
  });
  for (let i = 0; i < 400; i += 1) {
    const row = sample.rows[rnd(sample.rows.length)];
    const r = rnd(100);
    if (r < 35)
      queries.push(q('brand+industry', brands[rnd(brands.length)]! + industries[rnd(industries.length)]!));
    else if (r < 50) queries.push(q('party name', row.partyName));
    else if (r < 65) queries.push(q('document number', row.documentNumber));
    else if (r < 80) queries.push(q('term', terms[rnd(terms.length)]!));
    else if (r < 85)
      // Two words apart (the segmenter's case): each must occur, the phrase as typed ranks first.
      queries.push(q('two words', `${terms[rnd(terms.length)]!} ${terms[rnd(terms.length)]!}`));
    else if (r < 93) queries.push(q('term+kind', terms[rnd(terms.length)]!, { decisionKind: 'penalty' }));
    else
      queries.push(q('brand+dates', brands[rnd(brands.length)]!, { from: '2025-01-01', to: '2025-12-31' }));
  }
  return queries;
}

const toQueryString = (f: TQuery) => {
  const usp = new URLSearchParams();
  if (f.q) usp.set('q', f.q);
  if (f.decisionKind) usp.set('kind', f.decisionKind);
  if (f.from) usp.set('from', f.from);
  if (f.to) usp.set('to', f.to);
  return usp.toString();
};

async function startServer(url: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'serve-app.ts')], {
    env: {
      ...process.env,
      BENCH_DATABASE_URL: url,
      BENCH_POOL_SIZE: String(POOL_SIZE),
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`app exited with ${code}`)));
  });
  return { child, port: (JSON.parse(line) as { port: number }).port };
}

async function runLoad(count: number, one: (q: TQuery) => Promise<number>, queries: TQuery[]) {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (;;) {
        const i = next++;
        if (i >= count) return;
        const q = queries[i % queries.length]!;
        const start = performance.now();
        await one(q);
        latencies.push(performance.now() - start);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  return {
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: latencies[latencies.length - 1]!,
    rps: count / seconds,
  };
}

async function main() {
  log(
    `disclosure public search: ${ROWS.toLocaleString('en')} published decisions, ${CONCURRENCY} concurrent clients, ${REQUESTS} requests per mode`,
  );
  const reuse = process.env.BENCH_DATABASE;
  const db = reuse ? existingDatabase(reuse) : await createDatabase();
  let server: { child: ChildProcess; port: number } | undefined;
  const pool = createPublicReadPool(db.url, { max: POOL_SIZE });
  try {
    if (!reuse) {
      log('loading…');
      await load(db.url);
    }
    await verifyIndexing(db.url);
    const queries = await buildQueries(db.url);
    server = await startServer(db.url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    let results = 0;
    const viaHttp = (q: TQuery) =>
      new Promise<number>((resolve, reject) => {
        const req = http.get(
          { host: '127.0.0.1', port: server!.port, path: `/api/public/decisions?${toQueryString(q)}`, agent },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              if (res.statusCode !== 200)
                return reject(new Error(`HTTP ${res.statusCode}: ${Buffer.concat(chunks).toString()}`));
              const body = JSON.parse(Buffer.concat(chunks).toString()) as { items: unknown[] };
              results += body.items.length;
              resolve(body.items.length);
            });
          },
        );
        req.on('error', reject);
      });
    // The same statements the app runs (runPublicSearch), straight on node-postgres.
    const run = runOn(pool);
    const stats = await loadTokenStats(pool);
    log(`  search-token statistics: ${stats.frequency.size} common tokens`);
    const viaSql = async (q: TQuery) => (await runPublicSearch(run, q, stats)).items.length;

    log('warming up…');
    await runLoad(WARMUP, viaSql, queries);
    await runLoad(WARMUP, viaHttp, queries);
    // Alternate the two modes so that neither gets a quieter machine (2 cores, shared).
    const half = Math.floor(REQUESTS / 2);
    const sqlA = await runLoad(half, viaSql, queries);
    const httpA = await runLoad(half, viaHttp, queries);
    const sqlB = await runLoad(REQUESTS - half, viaSql, queries.slice().reverse());
    const httpB = await runLoad(REQUESTS - half, viaHttp, queries.slice().reverse());
    const merge = (a: typeof sqlA, b: typeof sqlA) => ({
      p50: (a.p50 + b.p50) / 2,
      p95: Math.max(a.p95, b.p95),
      p99: Math.max(a.p99, b.p99),
      max: Math.max(a.max, b.max),
      rps: (a.rps + b.rps) / 2,
    });
    const sql = merge(sqlA, sqlB);
    const web = merge(httpA, httpB);
    const fmt = (n: number) => n.toFixed(2).padStart(8);
    log('');
    log(`                 p50 ms   p95 ms   p99 ms   max ms   req/s`);
    log(
      `raw SQL        ${fmt(sql.p50)} ${fmt(sql.p95)} ${fmt(sql.p99)} ${fmt(sql.max)} ${sql.rps.toFixed(0).padStart(7)}`,
    );
    log(
      `HTTP (app)     ${fmt(web.p50)} ${fmt(web.p95)} ${fmt(web.p99)} ${fmt(web.max)} ${web.rps.toFixed(0).padStart(7)}`,
    );
    log(`ratio HTTP/SQL ${fmt(web.p50 / sql.p50)} ${fmt(web.p95 / sql.p95)}`);
    log('');
    log(
      `target p95 < ${TARGET_P95_MS} ms over HTTP: ${web.p95 < TARGET_P95_MS ? 'met' : 'NOT met'} (${web.p95.toFixed(1)} ms)`,
    );
    log(
      `target HTTP p95 ≤ ${TARGET_RATIO}× raw SQL p95: ${web.p95 <= TARGET_RATIO * sql.p95 ? 'met' : 'NOT met'} (${(web.p95 / sql.p95).toFixed(2)}×)`,
    );
    log(
      `(${results.toLocaleString('en')} result rows returned over HTTP; pool ${POOL_SIZE} connections each)`,
    );
    agent.destroy();
  } finally {
    server?.child.kill('SIGTERM');
    await pool.end();
    if (reuse || process.env.BENCH_KEEP_DB === '1')
      log(`kept database ${db.name} (BENCH_DATABASE=${db.name} reuses it)`);
    else await dropDatabase(db.admin, db.name);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(
      `benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  });
}
