/**
 * 统计年报 and the monthly figures from every service (#15), on `npm start`'s demo data: the whole
 * system in this process with the real worker; the demo cases (scripts/demo) and the demo 双随机
 * plan loaded and finished. Each figure the disclosure service composes (GET /reports/statistics)
 * must equal this test's own count of the underlying rows in each service's database (plain SQL
 * here, not the services' code); the CSV and the XLSX parse back to the same numbers; the annual
 * report, prepared as the Schedule does, reviewed and published, shows the charts on the public
 * platform (Chromium, axe-core; screenshot apps/console/test-artifacts/public-statistics-report.png).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Workbook } from 'exceljs';
import { Client } from 'pg';
import { computeDeadline, dateInShanghai, loadWorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { clockRules } from '@sanxiang/shared/src/clocks';
import { systemTokenSource } from '@sanxiang/shared';
import { bearer, testStack } from '@sanxiang/testing';
import { loadDemoData, renameDemoCases } from '../../scripts/demo/demo-loader';
import { users } from '../../scripts/demo/demo-data';
import { loadDirectoryDemo } from '../../scripts/demo/load-directory-demo';
import {
  finishInspectionDemo,
  loadInspectionDemo,
  waitForPublishedResults,
} from '../../scripts/demo/load-inspection-demo';
import {
  getDisclosure,
  issueOpinion,
  listReviews,
  passInternalReview,
  recordFindings,
} from '../../scripts/demo/support/case-steps';
import { nineFindings } from '../../scripts/demo/support/sample-content';
import { createStaffApi, type TStaffApi } from '../../scripts/demo/support/staff-api';
import { ARTIFACTS, launchBrowser, seriousViolations } from '../../apps/console/test/support/browser';
import { startInProcessSystem, type TInProcessSystem } from '../support/in-process-system';

jest.setTimeout(240_000);

const auth = {
  get secret() {
    return testStack().authSecret;
  },
  issuer: process.env.AUTH_ISSUER ?? 'sanxiang-local',
  audience: process.env.AUTH_AUDIENCE ?? 'sanxiang',
};

const cases = renameDemoCases(`S${randomUUID().slice(0, 6)}`);
let system: TInProcessSystem;
let api: TStaffApi;

beforeAll(async () => {
  system = await startInProcessSystem();
  api = createStaffApi({ baseUrls: system.urls, authorization: (user) => bearer(user) });
  await loadDirectoryDemo(system.urls.directory, auth);
  const calendar = await loadWorkingDayCalendar({});
  await loadDemoData({ api, calendar, cases, log: () => undefined });
  // The demo leaves its major cases in review; 刘晓燕 finishes the one she holds, so that the
  // opinion figures count something (补充调查: the case goes back to investigation).
  const inReview = cases.find((c) => c.target === 'inLegalReview')!.story.caseNumber;
  const [review] = await listReviews(api, users.officeHead, inReview);
  await recordFindings(
    api,
    users.reviewerLiu,
    review!.id,
    nineFindings().map((f) =>
      f.point === 'factsAndEvidence'
        ? { ...f, conclusion: 'issueFound' as const, findings: '违法所得数额缺少工资支付记录佐证。' }
        : f,
    ),
  );
  await issueOpinion(
    api,
    users.reviewerLiu,
    review!.id,
    {
      outcome: 'supplementInvestigation',
      reasons: '现有证据不足以认定违法所得数额，请补充调查工资支付记录。',
    },
    `statistics-test-opinion-${review!.id}`,
  );
  const { taskId } = await loadInspectionDemo(system.urls.inspection, auth);
  await finishInspectionDemo(system.urls.inspection, auth, taskId);
  await waitForPublishedResults(system.urls.inspection, taskId, 90_000);
}, 200_000);

afterAll(async () => {
  await system?.terminateCases(cases.map((c) => c.story.caseNumber));
  await system?.stop();
});

/** Runs SQL on one service's database; every figure below is counted here, by hand. */
async function sql<T extends Record<string, unknown>>(url: string, text: string, values: unknown[]) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** A period's bounds written out here (Beijing midnight; dates as dates), not by the code under test. */
function bounds(period: string) {
  const [y, m] = period.split('-').map(Number) as [number, number | undefined];
  const first = m ? `${y}-${String(m).padStart(2, '0')}-01` : `${y}-01-01`;
  const next = m
    ? m === 12
      ? `${y + 1}-01-01`
      : `${y}-${String(m + 1).padStart(2, '0')}-01`
    : `${y + 1}-01-01`;
  return {
    from: new Date(`${first}T00:00:00+08:00`),
    to: new Date(`${next}T00:00:00+08:00`),
    firstDay: first,
    nextDay: next,
  };
}

const byKey = (rows: { k: string | null; n: number }[]) =>
  Object.fromEntries(rows.filter((r) => r.k !== null).map((r) => [r.k, r.n]));

async function countedByHand(period: string) {
  const { from, to, firstDay, nextDay } = bounds(period);
  const db = system.databaseUrls;
  const one = async (url: string, text: string, values: unknown[] = [from, to]) =>
    (await sql<{ n: number }>(url, text, values))[0]!.n;

  // recording
  const evidence = await sql<{ uploadedAt: Date; endedAt: Date | null }>(
    db.recording,
    `SELECT e."uploadedAt", a."endedAt" FROM "Evidence" e JOIN "EnforcementActivity" a ON a.id = e."activityId"
      WHERE e."uploadedAt" >= $1 AND e."uploadedAt" < $2`,
    [from, to],
  );
  const calendar = await loadWorkingDayCalendar({});
  const recording = {
    period,
    casesOpened: await one(
      db.recording,
      `SELECT count(*)::int n FROM "CaseFile" WHERE "openedAt" >= $1 AND "openedAt" < $2`,
    ),
    casesClosed: await one(
      db.recording,
      `SELECT count(*)::int n FROM "CaseFile" WHERE "closedAt" >= $1 AND "closedAt" < $2`,
    ),
    evidenceUploaded: evidence.length,
    evidenceUploadedLate: evidence.filter(
      (e) =>
        e.endedAt !== null &&
        e.uploadedAt.getTime() >
          Date.parse(
            computeDeadline(calendar, {
              start: e.endedAt,
              workingDays: clockRules.evidenceUpload.workingDays!,
            }).dueAt,
          ),
    ).length,
  };

  // legal-review
  const outcomes = await sql<{ k: string; n: number }>(
    db.legalReview,
    `SELECT outcome::text k, count(*)::int n FROM "Opinion" WHERE "issuedAt" >= $1 AND "issuedAt" < $2 GROUP BY 1`,
    [from, to],
  );
  const legalReview = {
    period,
    reviewsReceived: await one(
      db.legalReview,
      `SELECT count(*)::int n FROM "Review" WHERE "receivedAt" >= $1 AND "receivedAt" < $2`,
    ),
    casesReviewed: await one(
      db.legalReview,
      `SELECT count(DISTINCT "caseNumber")::int n FROM "Opinion" WHERE "issuedAt" >= $1 AND "issuedAt" < $2`,
    ),
    opinionsIssued: outcomes.reduce((a, r) => a + r.n, 0),
    opinionsIssuedLate: await one(
      db.legalReview,
      `SELECT count(*)::int n FROM "Opinion" o JOIN "Review" r ON r.id = o."reviewId"
        WHERE o."issuedAt" >= $1 AND o."issuedAt" < $2 AND o."issuedAt" > r."dueAt"`,
    ),
    opinionsByKind: {
      approve: 0,
      supplementInvestigation: 0,
      modify: 0,
      correct: 0,
      transfer: 0,
      ...byKey(outcomes),
    },
  };

  // inspection: published tasks whose inspection ended in the period, their current draws
  const taskWhere = `t.status = 'published' AND t."endDate" >= $1::date AND t."endDate" < $2::date`;
  const dates = [firstDay, nextDay];
  const results = await sql<{ k: string | null; n: number }>(
    db.inspection,
    `SELECT o.result::text k, count(*)::int n FROM "DrawnObject" o
       JOIN "TaskDraw" d ON d.id = o."drawId" JOIN "InspectionTask" t ON t.id = d."taskId"
      WHERE d."supersededAt" IS NULL AND ${taskWhere} GROUP BY 1`,
    dates,
  );
  const inspection = {
    period,
    tasks: await one(
      db.inspection,
      `SELECT count(*)::int n FROM "InspectionTask" t WHERE ${taskWhere}`,
      dates,
    ),
    objectsDrawn: results.reduce((a, r) => a + r.n, 0),
    results: { noProblem: 0, rectificationOrdered: 0, caseOpened: 0, notFound: 0, ...byKey(results) },
    pending: results.find((r) => r.k === null)?.n ?? 0,
    tasksResultsPublished: await one(
      db.inspection,
      `SELECT count(*)::int n FROM "InspectionTask" t WHERE ${taskWhere} AND t."resultsPublishedAt" IS NOT NULL`,
      dates,
    ),
    tasksResultsPublishedLate: await one(
      db.inspection,
      `SELECT count(*)::int n FROM "InspectionTask" t WHERE ${taskWhere} AND t."resultsPublishedAt" > t."resultsDueAt"`,
      dates,
    ),
  };

  // disclosure: decisions by decision date; withdrawals, expiries, corrections by when they happened
  const decided = `kind = 'decision' AND "decisionDate" >= $1::date AND "decisionDate" < $2::date`;
  const published = await one(
    db.disclosure,
    `SELECT count(*)::int n FROM "Disclosure" WHERE ${decided} AND "publishedAt" IS NOT NULL`,
    dates,
  );
  const publishedOnTime = await one(
    db.disclosure,
    `SELECT count(*)::int n FROM "Disclosure" WHERE ${decided} AND "publishedAt" IS NOT NULL
       AND ("dueAt" IS NULL OR "publishedAt" <= "dueAt")`,
    dates,
  );
  const exemptByReason = byKey(
    await sql(
      db.disclosure,
      `SELECT "exemptionReason" k, count(*)::int n FROM "Disclosure" WHERE ${decided} AND status = 'exempt' GROUP BY 1`,
      dates,
    ),
  );
  const withdrawnByReason = byKey(
    await sql(
      db.disclosure,
      `SELECT "withdrawalReason" k, count(*)::int n FROM "Disclosure"
        WHERE kind = 'decision' AND "withdrawnAt" >= $1 AND "withdrawnAt" < $2 GROUP BY 1`,
      [from, to],
    ),
  );
  const disclosure = {
    byDecisionKind: byKey(
      await sql(
        db.disclosure,
        `SELECT "decisionKind" k, count(*)::int n FROM "Disclosure" WHERE ${decided} GROUP BY 1`,
        dates,
      ),
    ),
    published,
    publishedOnTime,
    publishedLate: published - publishedOnTime,
    exempt: await one(
      db.disclosure,
      `SELECT count(*)::int n FROM "Disclosure" WHERE ${decided} AND status = 'exempt'`,
      dates,
    ),
    exemptByReason,
    withdrawn: await one(
      db.disclosure,
      `SELECT count(*)::int n FROM "Disclosure" WHERE kind = 'decision' AND "withdrawnAt" >= $1 AND "withdrawnAt" < $2`,
    ),
    withdrawnByReason,
    expired: await one(
      db.disclosure,
      `SELECT count(*)::int n FROM "Disclosure" WHERE kind = 'decision' AND "expiredAt" >= $1 AND "expiredAt" < $2`,
    ),
    corrections: await one(
      db.disclosure,
      `SELECT count(*)::int n FROM "DisclosureVersion" v JOIN "Disclosure" d ON d.id = v."disclosureId"
        WHERE v.purpose = 'correction' AND d.kind = 'decision' AND v."createdAt" >= $1 AND v."createdAt" < $2`,
    ),
    correctionRequests: await one(
      db.disclosure,
      `SELECT count(*)::int n FROM "CorrectionRequest" WHERE "receivedAt" >= $1 AND "receivedAt" < $2`,
    ),
  };
  return { ...disclosure, services: { recording, legalReview, inspection } };
}

type TRow = { group: string; item: string; value: number };

it('every figure of the year and of each month equals the rows counted in each service’s database', async () => {
  const thisMonth = dateInShanghai(new Date()).slice(0, 7);
  for (const period of ['2026', '2026-03', thisMonth]) {
    const { body } = await api.call<Record<string, unknown> & { table: TRow[] }>(
      'disclosure',
      'GET',
      '/reports/statistics',
      { as: users.unitHead, query: { period } },
    );
    const { table, period: answered, ...figures } = body;
    expect(answered).toBe(period);
    expect({ period, ...figures }).toEqual({ period, ...(await countedByHand(period)) });
    expect(table.length).toBeGreaterThanOrEqual(30); // the fixed rows, plus one per kind and reason found
  }
  // Not a vacuous comparison: the demo data has cases, reviews, a finished plan, publications.
  const year = await countedByHand('2026');
  expect(year.services.recording.casesOpened).toBeGreaterThanOrEqual(cases.length);
  expect(year.services.recording.evidenceUploaded).toBeGreaterThan(0);
  expect(year.services.legalReview.opinionsByKind.supplementInvestigation).toBe(1);
  expect(year.services.legalReview.reviewsReceived).toBeGreaterThanOrEqual(2);
  expect(year.services.inspection.objectsDrawn).toBeGreaterThan(0);
  expect(year.services.inspection.tasksResultsPublished).toBe(1);
  expect(year.published).toBeGreaterThanOrEqual(2);
  expect(year.exempt).toBeGreaterThanOrEqual(1);
  expect(year.withdrawn).toBeGreaterThanOrEqual(1);
});

it('the CSV and the XLSX parse back to the same rows and numbers', async () => {
  const { body } = await api.call<{ table: TRow[] }>('disclosure', 'GET', '/reports/statistics', {
    as: users.discloser,
    query: { period: '2026' },
  });
  const expected = body.table.map((r) => [r.group, r.item, r.value]);

  const csv = await api.call<string>('disclosure', 'GET', '/reports/statistics.csv', {
    as: users.discloser,
    query: { period: '2026' },
  });
  expect(csv.headers.get('content-disposition')).toContain('statistics-2026.csv');
  const lines = csv.body
    .replace(/^\uFEFF/u, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe('类别,项目,数量');
  expect(
    lines
      .slice(1)
      .map((l) => l.split(','))
      .map(([g, i, v]) => [g, i, Number(v)]),
  ).toEqual(expected);

  const xlsx = await api.call<Buffer>('disclosure', 'GET', '/reports/statistics.xlsx', {
    as: users.discloser,
    query: { period: '2026' },
    binary: true,
  });
  const book = new Workbook();
  await book.xlsx.load(xlsx.body as unknown as Parameters<typeof book.xlsx.load>[0]);
  const sheet = book.getWorksheet('统计')!;
  expect(String(sheet.getCell('A1').value)).toMatch(/^2026 年行政执法统计（统计时间 /u);
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 2) rows.push([1, 2, 3].map((c) => row.getCell(c).value));
  });
  expect(rows).toEqual(expected);
});

it('the annual report, prepared as the Schedule does and published, shows every service’s figures as charts', async () => {
  const token = await systemTokenSource({
    secret: auth.secret,
    issuer: auth.issuer,
    audience: auth.audience,
  })();
  const res = await fetch(`${system.urls.disclosure}/internal/reports`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': `statistics-test-${randomUUID()}`,
    },
    body: JSON.stringify({ kind: 'annualStatistics', period: '2026' }),
  });
  expect(res.status).toBe(201);
  const { disclosureId } = (await res.json()) as { disclosureId: string };
  const published = await passInternalReview(
    api,
    { discloser: users.discloser, checker: users.reviewerLiu, head: users.unitHead },
    await getDisclosure(api, users.discloser, disclosureId),
  );
  expect(published.status).toBe('published');

  const year = await countedByHand('2026');
  const html = await (await fetch(`${system.urls.disclosure}/public/reports/${disclosureId}`)).text();
  for (const caption of [
    '案件',
    '重大执法决定法制审核',
    '法制审核意见（按种类）',
    '抽查结果（按种类）',
    '执法记录',
    '公示',
  ])
    expect(html).toContain(`>${caption}</figcaption>`);
  expect(html).toContain(`立案 ${year.services.recording.casesOpened}`);
  expect(html).toContain(`补充调查 ${year.services.legalReview.opinionsByKind.supplementInvestigation}`);
  expect(html).toContain(`未发现问题 ${year.services.inspection.results.noProblem}`);

  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${system.urls.disclosure}/public/reports/${disclosureId}`);
    await page.getByRole('img', { name: /^案件：立案/u }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'public-statistics-report.png'), fullPage: true });
  } finally {
    await browser.close();
  }
});
