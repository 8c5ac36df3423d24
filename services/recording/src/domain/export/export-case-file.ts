import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { recordAuditEvent } from '../../data-access/audit-trail';
import { loadCaseFileContents } from '../../data-access/case-file-contents';
import { actorOf, auditContext, readAttemptOf, type TCallContext } from '../call-context';
import { requireReadAccess } from '../access/case-access';
import {
  activityView,
  caseFileView,
  escalationView,
  evidenceView,
  recordView,
  stageTransitionView,
} from '../case-file/case-file-views';
import { verifyingStream } from '../evidence/read-evidence';
import type { TRecordingDeps } from '../recording-deps';
import { renderCaseFilePdf } from './case-file-pdf';
import { renderCaseFileHtml } from './render-case-file-html';

/**
 * The whole case file as one zip, streamed (evidence is never held in memory):
 *   case-file.json        the case, its records, activities, evidence metadata, escalations, stages
 *   case-file.html        the same, readable
 *   case-file.pdf         the case file for the archive, in Chinese (cover, 卷内文件目录, page numbers)
 *   records/NNN-kind.json each record on its own
 *   evidence/…            the original files, each checked against its SHA-256 while it is written
 *   manifest.json         every file with size and SHA-256; SHA256SUMS the same for `sha256sum -c`
 * The manifest comes last: if any evidence file does not match its hash, the transfer is cut before
 * it, so a complete archive is a verified one.
 */
export async function exportCaseFile(deps: TRecordingDeps, ctx: TCallContext, caseNumber: string) {
  const { file, basis } = await requireReadAccess(deps.db, readAttemptOf(ctx, 'caseFile.export'), caseNumber);
  const { records, activities, evidence, escalations, transitions } = await loadCaseFileContents(
    deps.db,
    file.id,
  );
  const exportedAt = new Date().toISOString();
  const caseView = caseFileView(file);
  const recordViews = records.map(recordView);
  const evidenceViews = evidence.map(evidenceView);

  const manifest: { path: string; size: number; sha256: string }[] = [];
  const zip = new ZipFile();
  const addJsonOrText = (path: string, text: string) => {
    const buffer = Buffer.from(text, 'utf8');
    manifest.push({ path, size: buffer.length, sha256: createHash('sha256').update(buffer).digest('hex') });
    zip.addBuffer(buffer, path, { mtime: new Date(exportedAt) });
  };
  addJsonOrText(
    'case-file.json',
    JSON.stringify(
      {
        exportedAt,
        exportedBy: { id: ctx.principal.id, name: ctx.principal.name },
        caseFile: caseView,
        records: recordViews,
        activities: activities.map((a) => activityView(a, records)),
        evidence: evidenceViews.map((e, i) => ({ ...e, path: evidencePath(i, e.id, e.fileName) })),
        escalations: escalations.map(escalationView),
        stageTransitions: transitions.map(stageTransitionView),
      },
      null,
      2,
    ),
  );
  addJsonOrText(
    'case-file.html',
    renderCaseFileHtml({
      file: caseView,
      records: recordViews,
      evidence: evidenceViews,
      exportedAt,
      exportedBy: ctx.principal.name,
    }),
  );
  const pdf = await renderCaseFilePdf({
    file: caseView,
    records: recordViews,
    evidence: evidenceViews.map((e, i) => ({ ...e, path: evidencePath(i, e.id, e.fileName) })),
    transitions: transitions.map(stageTransitionView),
    exportedAt,
    exportedBy: ctx.principal.name,
  });
  manifest.push({
    path: 'case-file.pdf',
    size: pdf.length,
    sha256: createHash('sha256').update(pdf).digest('hex'),
  });
  zip.addBuffer(pdf, 'case-file.pdf', { mtime: new Date(exportedAt) });
  for (const r of recordViews)
    addJsonOrText(`records/${String(r.seq).padStart(3, '0')}-${r.kind}.json`, JSON.stringify(r, null, 2));

  evidence.forEach((e, i) => {
    const path = evidencePath(i, e.id, e.fileName);
    manifest.push({ path, size: Number(e.size), sha256: e.sha256 });
    zip.addReadStreamLazy(path, { size: Number(e.size), compress: false, mtime: e.uploadedAt }, (cb) => {
      deps.store
        .readVersion(e.objectKey, e.versionId)
        .then((source) => {
          const checked = source.pipe(verifyingStream(e.sha256, Number(e.size)));
          // yazl pipes without forwarding errors: a mismatch or a broken read must fail the archive.
          source.on('error', (err) => zip.emit('error', err));
          checked.on('error', (err) => zip.emit('error', err));
          cb(null, checked);
        })
        .catch((err: unknown) => cb(err, undefined as never));
    });
  });
  const manifestJson = JSON.stringify({ caseNumber, exportedAt, files: manifest }, null, 2);
  zip.addBuffer(Buffer.from(manifestJson, 'utf8'), 'manifest.json', { mtime: new Date(exportedAt) });
  zip.addBuffer(Buffer.from(manifest.map((m) => `${m.sha256}  ${m.path}\n`).join(''), 'utf8'), 'SHA256SUMS', {
    mtime: new Date(exportedAt),
  });
  zip.end();

  await recordAuditEvent(deps.db, {
    actor: actorOf(ctx),
    action: 'caseFile.exported',
    subject: `case:${file.id}`,
    caseId: file.id,
    details: {
      basis,
      userAgent: ctx.userAgent ?? null,
      evidence: evidence.map((e) => e.id),
      records: records.length,
    },
    context: auditContext(ctx),
  });
  return { fileName: `${caseNumber}-案卷.zip`, zip, stream: zip.outputStream as Readable };
}

const evidencePath = (index: number, id: string, fileName: string) =>
  `evidence/${String(index + 1).padStart(3, '0')}-${id.slice(0, 8)}-${fileName.replace(/[\\/:*?"<>|]/g, '_')}`;
