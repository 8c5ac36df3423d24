import { formatDate, formatDateTime } from '@sanxiang/shared/src/format';
import type { TCaseFileView, TEvidenceView, TRecordView } from '../case-file/case-file-views';
import { sizeText, sortedForCaseFile } from './case-file-pdf';
import {
  caseFileNames,
  caseStatusText,
  mediaKindText,
  partyKindText,
  recordFields,
  recordTitle,
  retentionModeText,
  stageLabel,
  type TField,
} from './record-fields';

/**
 * A readable, self-contained HTML rendering of the case file for filing and for courts: no scripts,
 * no external resources, every value escaped. The same words as the PDF (records in the order of
 * the case file, labelled Chinese fields, Beijing time through the one formatter); the JSON beside
 * it is the authoritative form.
 */

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso) : '');

function renderFields(fields: TField[]): string {
  return `<dl>${fields
    .map(
      (f) =>
        `<dt>${escape(f.label)}</dt><dd>${typeof f.value === 'string' ? escape(f.value || '—') : renderFields(f.value)}</dd>`,
    )
    .join('')}</dl>`;
}

export function renderCaseFileHtml(input: {
  file: TCaseFileView;
  records: TRecordView[];
  evidence: TEvidenceView[];
  exportedAt: string;
  exportedBy: string;
}): string {
  const { file } = input;
  const ordered = sortedForCaseFile(input.records);
  const names = caseFileNames(ordered, input.evidence);
  const records = ordered
    .map(
      (r, i) => `<section><h2>第 ${i + 1} 份\u3000${escape(recordTitle(r.kind))}</h2>
<p class="meta">登记人 ${escape(r.filedBy.name)} · 登记时间 ${escape(when(r.filedAt))} · 登记顺序 ${r.seq} · 记录编号 ${escape(r.id)}${
        r.correctsRecordId ? ` · 更正或替代：${escape(names.recordName(r.correctsRecordId) ?? '原记录')}` : ''
      }</p>${renderFields(recordFields(r.content as Record<string, unknown>, names))}</section>`,
    )
    .join('\n');
  const evidence = input.evidence
    .map(
      (e, i) =>
        `<tr><td>${i + 1}</td><td>${escape(e.fileName)}</td><td>${escape(mediaKindText(e.mediaKind))}</td><td>${escape(
          sizeText(e.size),
        )}</td><td><code>${e.sha256}</code></td><td>${escape(e.uploadedBy.name)}，${escape(when(e.uploadedAt))}</td><td>${escape(
          `${retentionModeText(e.retention.mode)}，保存至 ${e.retention.retainUntil ? formatDate(e.retention.retainUntil) : '—'}`,
        )}</td></tr>`,
    )
    .join('');
  const officers = file.officers
    .map((o) => `${escape(o.name)}（执法证号 ${escape(o.certificateNumber)}）`)
    .join('、');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>行政执法案卷 ${escape(file.caseNumber)}</title>
<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}dt{font-weight:bold}dd{margin:0 0 .5em 1.5em}
.meta{color:#555}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .5em}code{font-size:.8em}</style>
</head><body>
<h1>行政执法案卷 ${escape(file.caseNumber)}</h1>
<p>案由：${escape(file.title)}<br>承办机构：${escape(file.handlingUnit)}<br>当事人：${escape(file.party.name)}（${escape(
    partyKindText(file.party.kind),
  )}）<br>
执法人员：${officers}<br>
立案日期：${escape(file.openedAt ? formatDate(file.openedAt) : '')}；结案日期：${escape(
    file.closedAt ? formatDate(file.closedAt) : '尚未结案',
  )}；归档日期：${escape(file.archivedAt ? formatDate(file.archivedAt) : '尚未归档')}<br>
案件状态：${escape(caseStatusText(file.status))}；当前阶段：${escape(stageLabel(file.stage))}</p>
<p class="meta">导出时间 ${escape(formatDateTime(input.exportedAt))}（北京时间），导出人 ${escape(
    input.exportedBy,
  )}。文件哈希见 manifest.json 与 SHA256SUMS。</p>
${records}
<h2>证据文件目录</h2><table><tr><th>序号</th><th>文件名</th><th>类型</th><th>大小</th><th>SHA-256</th><th>上传</th><th>保存期限</th></tr>${evidence}</table>
</body></html>
`;
}
