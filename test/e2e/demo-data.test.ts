/**
 * The demo loader of `npm start` (scripts/demo) against the whole system in this process: it loads
 * every case to its stage through the real APIs and the real worker, and a second run creates
 * nothing. Case numbers get a suffix (workflow ids are global on the shared Temporal server).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadWorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import { bearer, testStack } from '@sanxiang/testing';
import { loadDemoData, renameDemoCases } from '../../scripts/demo/demo-loader';
import { catalogueEntries, users } from '../../scripts/demo/demo-data';
import { loadDirectoryDemo } from '../../scripts/demo/load-directory-demo';
import {
  getCaseFile,
  listDisclosures,
  listReviews,
  searchPublicDecisions,
  getPublicDecision,
} from '../../scripts/demo/support/case-steps';
import { startInProcessSystem, type TInProcessSystem } from '../support/in-process-system';
import { createStaffApi, type TStaffApi } from '../../scripts/demo/support/staff-api';
import { fetchCaseFilePdf, pdfText, renderPdfPages } from '../../scripts/demo/support/case-file-pdf';

jest.setTimeout(150_000);

const suffix = `T${randomUUID().slice(0, 6)}`;
const cases = renameDemoCases(suffix);
const numberOf = (n: number) =>
  cases.find((c) => c.story.caseNumber.includes(`〔2026〕${n}-`))!.story.caseNumber;

let system: TInProcessSystem;
let api: TStaffApi;

beforeAll(async () => {
  system = await startInProcessSystem();
  api = createStaffApi({ baseUrls: system.urls, authorization: (user) => bearer(user) });
  await loadDirectoryDemo(system.urls.directory, {
    secret: testStack().authSecret,
    issuer: process.env.AUTH_ISSUER ?? 'sanxiang-local',
    audience: process.env.AUTH_AUDIENCE ?? 'sanxiang',
  });
}, 90_000);

afterAll(async () => {
  await system?.terminateCases(cases.map((c) => c.story.caseNumber));
  await system?.stop();
});

/** On failure, the loader's lines so far say where it stopped. */
async function withLog<T>(lines: string[], run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof Error) err.message = `${err.message}\n--- demo loader output ---\n${lines.join('\n')}`;
    throw err;
  }
}

it('loads the demo cases to their stages, and a second run finds everything and creates nothing', async () => {
  const calendar = await loadWorkingDayCalendar({});
  const first: string[] = [];
  const loaded = await withLog(first, () =>
    loadDemoData({ api, calendar, cases, log: (l) => first.push(l) }),
  );
  expect(loaded.created).toBeGreaterThan(30);
  expect(loaded.published.map((p) => p.caseNumber)).toEqual([numberOf(101), numberOf(105)]);

  const stages = await Promise.all(
    cases.map(async (c) => {
      const f = await getCaseFile(api, users.unitHead, c.story.caseNumber);
      return [c.target, f?.stage, f?.cycle];
    }),
  );
  expect(stages).toEqual([
    ['published', 'published', 1],
    ['inLegalReview', 'legalReview', 1],
    ['materialsRequested', 'legalReview', 1],
    ['exempt', 'exempt', 1],
    ['published', 'published', 1],
    ['withdrawnToBeRedone', 'proposal', 2],
  ]);
  expect((await listReviews(api, users.officeHead, numberOf(102)))[0]).toMatchObject({
    status: 'inReview',
    assignee: { id: users.reviewerLiu.id },
  });
  expect((await listReviews(api, users.officeHead, numberOf(103)))[0]).toMatchObject({
    status: 'awaitingMaterials',
    clock: 'paused',
  });
  expect((await listDisclosures(api, users.discloser, { caseNumber: numberOf(104) }))[0]).toMatchObject({
    status: 'exempt',
  });
  expect((await listDisclosures(api, users.discloser, { caseNumber: numberOf(106) }))[0]).toMatchObject({
    status: 'withdrawn',
  });
  expect(
    (await listDisclosures(api, users.discloser, { kind: 'catalogueEntry' })).map((d) => d.status),
  ).toEqual(catalogueEntries.map(() => 'published'));
  // 执法人员 are no catalogue entries any more: the catalogue's section links to the list the
  // directory generates from valid certificates, which names the demo's officers.
  const cataloguePage = await (await fetch(`${system.urls.disclosure}/public/catalogue`)).text();
  expect(cataloguePage).toContain('<a href="/public/personnel">执法人员清单</a');
  expect(cataloguePage).not.toContain(users.zhangWei.certificateNumber);
  const personnelSection = cataloguePage.slice(
    cataloguePage.indexOf('<h2 id="personnel">'),
    cataloguePage.indexOf('</section>', cataloguePage.indexOf('<h2 id="personnel">')),
  );
  expect(personnelSection).toContain('执法人员清单');
  expect(personnelSection).not.toContain('暂无');
  const personnelPage = await (await fetch(`${system.urls.disclosure}/public/personnel`)).text();
  expect(personnelPage).toContain(users.zhangWei.certificateNumber);
  expect(personnelPage).toContain(users.liNa.certificateNumber);

  // The natural person is 王某 on the platform; ID, address and phone are masked.
  const [hit] = (await searchPublicDecisions(api, { q: '职业中介' })).items;
  expect(hit).toMatchObject({ partyName: '王某', state: 'published' });
  const record = await getPublicDecision(api, hit!.id);
  // 案件名称 (004 §9(1)): from the case file, through the lifecycle's draft activity, to the platform.
  expect(record).toMatchObject({ caseName: '未经许可擅自从事职业中介活动' });
  expect(JSON.stringify(record)).not.toMatch(/320402199001017818|15061234567|龙锦路|王建国/u);
  // The withdrawn decision is found by its document number only, and shows only its notice.
  const redone = cases.find((c) => c.target === 'withdrawnToBeRedone')!.story;
  expect((await searchPublicDecisions(api, { q: '恒泰物业' })).items).toEqual([]);
  const [withdrawn] = (await searchPublicDecisions(api, { q: redone.decision.documentNumber })).items;
  expect(withdrawn).toMatchObject({ state: 'withdrawn', documentNumber: redone.decision.documentNumber });
  expect(await getPublicDecision(api, withdrawn!.id)).toMatchObject({
    state: 'withdrawn',
    withdrawal: { reason: 'toBeRedone' },
  });

  // The demo case's PDF case file (npm run case-file:png renders the same export): Chinese
  // throughout, Beijing times, every page renders. CASE_FILE_PNG_DIR keeps the pages to look at.
  const pdf = await fetchCaseFilePdf(system.urls.recording, await bearer(users.unitHead), numberOf(101));
  const text = pdfText(pdf);
  for (const heading of ['行政执法案卷', '卷内文件目录', '送达记录', '证据文件目录', '文件哈希清单'])
    expect(text).toContain(heading);
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}|(?<![A-Za-z/._-])[a-z]+[A-Z][A-Za-z]*/u);
  const pages = renderPdfPages(
    pdf,
    process.env.CASE_FILE_PNG_DIR ?? mkdtempSync(path.join(tmpdir(), 'demo-case-file-')),
  );
  expect(pages.length).toBeGreaterThan(5);

  const second: string[] = [];
  const again = await withLog(second, () =>
    loadDemoData({ api, calendar, cases, log: (l) => second.push(l) }),
  );
  expect(second.filter((l) => l.startsWith('  + '))).toEqual([]);
  expect(again.created).toBe(0);
  expect(again.found).toBeGreaterThan(30);
  expect(again.published).toEqual(loaded.published);
});
