/**
 * `npm run case-file:png [-- <caseNumber>]`: the PDF case file (行政执法案卷) of a demo case as the
 * recording service exports it, every page rendered to PNG (pdftoppm, poppler-utils) into
 * `.local/case-file-png/` (ignored), to look at. Against `npm start`'s system with its demo data;
 * the default case is 常人社监察〔2026〕101号 (decided, served and published). The same export is
 * rendered by test/e2e/demo-data.test.ts (set CASE_FILE_PNG_DIR to keep its pages).
 *
 *   source .local/dev/env.sh && npm run case-file:png
 */
import path from 'node:path';
import { signToken } from '@sanxiang/shared';
import { users } from './demo-data';
import { fetchCaseFilePdf, renderPdfPages } from './support/case-file-pdf';

async function main(): Promise<void> {
  const env = process.env;
  const caseNumber = process.argv[2] ?? '常人社监察〔2026〕101号';
  if (!env.AUTH_JWT_SECRET) throw new Error('未设置 AUTH_JWT_SECRET：请先执行 `source .local/dev/env.sh`');
  const head = users.unitHead;
  const token = await signToken({
    secret: env.AUTH_JWT_SECRET,
    issuer: env.AUTH_ISSUER ?? 'sanxiang-local',
    audience: env.AUTH_AUDIENCE ?? 'sanxiang',
    subject: head.id,
    name: head.name,
    roles: head.roles,
    ...(head.unitId ? { unitId: head.unitId } : {}),
    expiresIn: '10m',
  });
  const recording = env.SERVICE_URL_RECORDING ?? 'http://127.0.0.1:3002';
  const pdf = await fetchCaseFilePdf(recording, `Bearer ${token}`, caseNumber);
  const outDir = path.resolve(env.CASE_FILE_PNG_DIR ?? '.local/case-file-png');
  const pages = renderPdfPages(pdf, outDir);
  console.log(`${caseNumber} 的案卷 PDF 共 ${pages.length} 页，已渲染到 ${outDir}：`);
  for (const p of pages) console.log(`  ${p}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
