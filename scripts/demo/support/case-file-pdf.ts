import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The PDF case file (case-file.pdf) out of a case's export zip, as the recording service answers
 * `GET /cases/{caseNumber}/export` to `authorization` (a head of the case's unit).
 */
export async function fetchCaseFilePdf(
  recordingUrl: string,
  authorization: string,
  caseNumber: string,
): Promise<Buffer> {
  const res = await fetch(`${recordingUrl}/cases/${encodeURIComponent(caseNumber)}/export`, {
    headers: { authorization },
  });
  if (res.status !== 200) throw new Error(`export of ${caseNumber}: HTTP ${res.status} ${await res.text()}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'case-file-'));
  try {
    const zip = path.join(dir, 'case.zip');
    writeFileSync(zip, Buffer.from(await res.arrayBuffer()));
    return execFileSync('unzip', ['-p', zip, 'case-file.pdf'], { maxBuffer: 256 * 1024 * 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text, in reading layout (poppler's pdftotext). */
export const pdfText = (pdf: Buffer): string =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, maxBuffer: 64 * 1024 * 1024 }).toString(
    'utf8',
  );

/**
 * Every page of the PDF as `page-N.png` in `outDir` (emptied first), rendered by poppler's
 * pdftoppm at `dpi`; answers the files in page order.
 */
export function renderPdfPages(pdf: Buffer, outDir: string, dpi = 80): string[] {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'case-file.pdf');
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, path.join(outDir, 'page')]);
  return readdirSync(outDir)
    .filter((f) => f.endsWith('.png'))
    .sort((a, b) => Number(/(\d+)\.png$/u.exec(a)![1]) - Number(/(\d+)\.png$/u.exec(b)![1]))
    .map((f) => path.join(outDir, f));
}
