import type { TRecordKind } from '@sanxiang/shared';
import type { TCaseFileView, TEvidenceView, TRecordView } from '../case-file/case-file-views';
import { recordKindLabel } from '../records/record-bodies';

/**
 * A readable, self-contained HTML rendering of the case file for filing and for courts: no scripts,
 * no external resources, every value escaped. The JSON beside it is the authoritative form.
 */

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Labels of the common fields; others show their field name. */
const fieldLabel: Record<string, string> = {
  place: '地点',
  startedAt: '开始时间',
  endedAt: '结束时间',
  shownAt: '出示时间',
  shownTo: '出示对象',
  officers: '执法人员',
  interviewers: '询问人',
  inspectors: '检查人',
  recorder: '记录人',
  interviewee: '被询问人',
  questionsAndAnswers: '问答',
  question: '问',
  answer: '答',
  signature: '签名',
  findings: '检查情况',
  present: '在场人',
  name: '姓名',
  certificateNumber: '执法证号',
  items: '清单',
  provider: '提供人',
  providedOn: '提供日期',
  source: '来源',
  reason: '理由',
  facts: '事实',
  legalBasis: '法律依据',
  proposedDecision: '拟处理意见',
  opinion: '意见',
  approved: '是否批准',
  outcome: '审核结论',
  reasons: '理由',
  servedAt: '送达时间',
  method: '送达方式',
  recipient: '受送达人',
  witnesses: '见证人',
  channel: '公告载体',
  evidenceIds: '关联证据',
  note: '备注',
  conclusion: '结论',
  participants: '参加人',
  chair: '主持人',
  discussion: '讨论情况',
};

function renderValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value !== 'object') return escape(String(value));
  if (Array.isArray(value)) return `<ol>${value.map((v) => `<li>${renderValue(v)}</li>`).join('')}</ol>`;
  return `<dl>${Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `<dt>${escape(fieldLabel[k] ?? k)}</dt><dd>${renderValue(v)}</dd>`)
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
  const records = input.records
    .map(
      (r) => `<section><h2>${r.seq}. ${escape(recordKindLabel[r.kind as TRecordKind] ?? r.kind)}</h2>
<p class="meta">登记人 ${escape(r.filedBy.name)} · ${escape(r.filedAt ?? '')} · 记录编号 ${escape(r.id)}${
        r.correctsRecordId ? ` · 更正/替代记录 ${escape(r.correctsRecordId)}` : ''
      }</p>${renderValue(r.content)}</section>`,
    )
    .join('\n');
  const evidence = input.evidence
    .map(
      (e) =>
        `<tr><td>${escape(e.fileName)}</td><td>${escape(e.mediaKind)}</td><td>${e.size}</td><td><code>${e.sha256}</code></td><td>${escape(
          e.uploadedAt ?? '',
        )}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>案卷 ${escape(file.caseNumber)}</title>
<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}dt{font-weight:bold}dd{margin:0 0 .5em 1.5em}
.meta{color:#555}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .5em}code{font-size:.8em}</style>
</head><body>
<h1>行政执法案卷 ${escape(file.caseNumber)}</h1>
<p>案由：${escape(file.title)}<br>执法承办机构：${escape(file.handlingUnit)}<br>当事人：${escape(file.party.name)}（${escape(file.party.kind)}）<br>
执法人员：${file.officers.map((o) => `${escape(o.name)}（执法证号 ${escape(o.certificateNumber)}）`).join('、')}<br>
立案：${escape(file.openedAt ?? '')}；状态：${escape(file.status)}；阶段：${escape(file.stage)}</p>
<p class="meta">导出时间 ${escape(input.exportedAt)}，导出人 ${escape(input.exportedBy)}。文件哈希见 manifest.json 与 SHA256SUMS。</p>
${records}
<h2>证据文件</h2><table><tr><th>文件名</th><th>类型</th><th>字节</th><th>SHA-256</th><th>上传时间</th></tr>${evidence}</table>
</body></html>
`;
}
