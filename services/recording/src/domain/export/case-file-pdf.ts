import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { formatDate, formatDateTime } from '@sanxiang/shared/src/format';
import type {
  TCaseFileView,
  TEvidenceView,
  TRecordView,
  stageTransitionView,
} from '../case-file/case-file-views';
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
 * The case file (行政执法案卷) as a PDF in Chinese, for an archive: a cover (封面), the table of
 * contents in the statutory order of a case file (卷内文件目录) with page numbers, every record
 * with labelled Chinese fields, the evidence list with SHA-256 and retention, the stage history,
 * and the hash manifest of the originals. Set in Noto Sans CJK (Debian `fonts-noto-cjk`, installed
 * by provisioning). The zip beside it carries the originals and the JSON.
 */

const GAP = '\u3000'; // ideographic space between items of a line
const FONT_DIR = '/usr/share/fonts/opentype/noto';
const REGULAR = { path: `${FONT_DIR}/NotoSansCJK-Regular.ttc`, family: 'NotoSansCJKsc-Regular' };
const BOLD = { path: `${FONT_DIR}/NotoSansCJK-Bold.ttc`, family: 'NotoSansCJKsc-Bold' };

/** Order of the documents in a case file (立卷顺序): opening, investigation, decision, after it. */
export const caseFileOrder = [
  'certificateShown',
  'interview',
  'siteInspection',
  'evidenceList',
  'evidencePreservation',
  'refusalToCooperate',
  'audioVisualInterruption',
  'audioVisualExemption',
  'investigationReport',
  'handlerOpinion',
  'rightsNotification',
  'hearing',
  'legalReviewOpinion',
  'collectiveDiscussion',
  'headApproval',
  'decisionDocument',
  'service',
  'performance',
  'urgingNotice',
  'courtEnforcement',
  'remedy',
  'correction',
] as const;

export interface TCaseFilePdfInput {
  file: TCaseFileView;
  records: TRecordView[];
  evidence: (TEvidenceView & { path: string })[];
  transitions: ReturnType<typeof stageTransitionView>[];
  exportedAt: string;
  exportedBy: string;
  /** The agency shown on the cover (the handling unit when absent). */
  agency?: string;
}

export const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : bytes >= 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${bytes} 字节`;

export function sortedForCaseFile(records: TRecordView[]): TRecordView[] {
  const rank = (kind: string) => {
    const i = (caseFileOrder as readonly string[]).indexOf(kind);
    return i === -1 ? caseFileOrder.length : i;
  };
  return [...records].sort((a, b) => rank(a.kind) - rank(b.kind) || a.seq - b.seq);
}

export function caseFileFontsAvailable() {
  return existsSync(REGULAR.path) && existsSync(BOLD.path);
}

export async function renderCaseFilePdf(input: TCaseFilePdfInput): Promise<Buffer> {
  if (!caseFileFontsAvailable()) {
    throw new Error(`CJK font missing (${REGULAR.path}); run provisioning (Debian fonts-noto-cjk)`);
  }
  const { file } = input;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    bufferPages: true,
    info: {
      Title: `行政执法案卷 ${file.caseNumber}`,
      Author: input.agency ?? file.handlingUnit,
      Subject: file.title,
      CreationDate: new Date(input.exportedAt),
    },
  });
  doc.registerFont('regular', REGULAR.path, REGULAR.family);
  doc.registerFont('bold', BOLD.path, BOLD.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const ordered = sortedForCaseFile(input.records);
  const ctx = caseFileNames(ordered, input.evidence);
  const width = doc.page.width - 128;

  // ---- 封面 --------------------------------------------------------------------------------------
  doc
    .font('bold')
    .fontSize(30)
    .text('行政执法案卷', 64, 170, { align: 'center', width, characterSpacing: 6 });
  doc.moveDown(2.5);
  const cover: [string, string][] = [
    ['案号', file.caseNumber],
    ['案由', file.title],
    ['当事人', `${file.party.name}（${partyKindText(file.party.kind)}）`],
    ['承办机构', file.handlingUnit],
    ['执法人员', file.officers.map((o) => `${o.name}（执法证号 ${o.certificateNumber}）`).join('、')],
    ['立案日期', file.openedAt ? formatDate(file.openedAt) : ''],
    ['结案日期', file.closedAt ? formatDate(file.closedAt) : '尚未结案'],
    ['归档日期', file.archivedAt ? formatDate(file.archivedAt) : '尚未归档'],
    ['案件状态', `${caseStatusText(file.status)}；当前阶段：${stageLabel(file.stage)}`],
    ['卷内文件', `记录 ${ordered.length} 份，证据文件 ${input.evidence.length} 个`],
  ];
  for (const [label, value] of cover) {
    const y = doc.y;
    doc.font('bold').fontSize(13).text(label, 110, y, { width: 80 });
    doc
      .font('regular')
      .fontSize(13)
      .text(value, 200, y, { width: width - 136 });
    doc.moveDown(0.6);
  }
  doc
    .font('regular')
    .fontSize(10)
    .fillColor('#444')
    .text(
      `导出时间：${formatDateTime(input.exportedAt)}（北京时间）  导出人：${input.exportedBy}`,
      64,
      doc.page.height - 140,
      { align: 'center', width },
    )
    .fillColor('black');

  // ---- 卷内文件目录 (filled in once the page numbers are known) -----------------------------------
  const toc: { title: string; detail: string; page: number }[] = [];
  const tocEntries = ordered.length + 3;
  const rowsPerPage = 26;
  const tocPages = Math.ceil((tocEntries + 2) / rowsPerPage);
  const tocStart = 1;
  for (let i = 0; i < tocPages; i++) doc.addPage();

  const heading = (text: string) => {
    doc.font('bold').fontSize(18).text(text, { align: 'center' });
    doc.moveDown(0.8);
  };
  const startSection = (title: string, detail: string) => {
    doc.addPage();
    toc.push({ title, detail, page: doc.bufferedPageRange().count });
    heading(title);
  };
  const fields = (items: TField[], indent = 0) => {
    for (const f of items) {
      const x = 64 + indent;
      if (typeof f.value === 'string') {
        doc
          .font('bold')
          .fontSize(10.5)
          .text(`${f.label}：`, x, doc.y, { continued: true, width: width - indent });
        doc.font('regular').text(f.value || '—');
      } else {
        doc
          .font('bold')
          .fontSize(10.5)
          .text(`${f.label}：`, x, doc.y, { width: width - indent });
        fields(f.value, indent + 18);
      }
      doc.moveDown(0.25);
    }
  };

  ordered.forEach((r, i) => {
    const meta = `第 ${i + 1} 份 · 登记 ${r.filedAt ? formatDate(r.filedAt) : ''}`;
    startSection(recordTitle(r.kind), meta);
    doc
      .font('regular')
      .fontSize(9.5)
      .fillColor('#444')
      .text(
        `卷内序号 ${i + 1}${GAP}登记顺序 ${r.seq}${GAP}登记人 ${r.filedBy.name}${GAP}登记时间 ${r.filedAt ? formatDateTime(r.filedAt) : ''}` +
          (r.correctsRecordId ? `${GAP}更正或替代：${ctx.recordName(r.correctsRecordId) ?? '原记录'}` : ''),
        { align: 'center' },
      )
      .fillColor('black');
    doc.moveDown(0.8);
    fields(recordFields(r.content as Record<string, unknown>, ctx));
  });

  // ---- 证据文件目录 ------------------------------------------------------------------------------------
  startSection('证据文件目录', `证据文件 ${input.evidence.length} 个`);
  input.evidence.forEach((e, i) => {
    fields([
      {
        label: `证据 ${i + 1}`,
        value: [
          { label: '文件名', value: e.fileName },
          { label: '类型', value: `${mediaKindText(e.mediaKind)}（${e.contentType}）` },
          { label: '大小', value: `${sizeText(e.size)}（${e.size} 字节）` },
          { label: 'SHA-256', value: e.sha256 },
          { label: '说明', value: e.description ?? '' },
          {
            label: '上传',
            value: `${e.uploadedBy.name}，${e.uploadedAt ? formatDateTime(e.uploadedAt) : ''}`,
          },
          {
            label: '保存期限',
            value: `${retentionModeText(e.retention.mode)}，保存至 ${
              e.retention.retainUntil ? formatDate(e.retention.retainUntil) : '—'
            }${e.retention.locked ? '' : '（锁定待补）'}`,
          },
          ...(e.distinctOriginalReason
            ? [{ label: '另一原始文件说明', value: e.distinctOriginalReason }]
            : []),
          { label: '案卷包内路径', value: e.path },
        ],
      },
    ]);
    doc.moveDown(0.3);
  });

  // ---- 办案流程 ----------------------------------------------------------------------------------------
  startSection('办案流程记录', `阶段变更 ${input.transitions.length} 次`);
  fields(
    input.transitions.map((t, i) => ({
      label: `${i + 1}. ${t.at ? formatDateTime(t.at) : ''}`,
      value: `${stageLabel(t.from)} → ${stageLabel(t.to)}${t.note ? `（${t.note}）` : ''}`,
    })),
  );

  // ---- 文件哈希清单 ------------------------------------------------------------------------------------
  startSection('文件哈希清单', '证据原件的 SHA-256');
  doc
    .font('regular')
    .fontSize(10)
    .text(
      '下列哈希值与案卷包（zip）中 evidence/ 下的原始文件一一对应，可用 sha256sum -c SHA256SUMS 校验；' +
        '案卷包的 manifest.json 另列本 PDF 及各记录 JSON 的哈希值。',
    );
  doc.moveDown(0.6);
  for (const e of input.evidence) {
    doc.font('regular').fontSize(8.5).text(`${e.sha256}  ${e.path}`);
    doc.moveDown(0.2);
  }

  // ---- fill the table of contents, then number every page ------------------------------------------
  doc.switchToPage(tocStart);
  heading('卷内文件目录');
  let row = 0;
  const tocRow = (n: string, title: string, detail: string, page: string, bold = false) => {
    if (row > 0 && row % rowsPerPage === 0) {
      doc.switchToPage(tocStart + row / rowsPerPage);
      doc.y = 64;
    }
    const y = doc.y;
    doc.font(bold ? 'bold' : 'regular').fontSize(10.5);
    doc.text(n, 64, y, { width: 40 });
    doc.text(title, 104, y, { width: 170 });
    doc.text(detail, 274, y, { width: 180 });
    doc.text(page, 454, y, { width: 77, align: 'right' });
    doc.y = y + 22;
    row += 1;
  };
  tocRow('序号', '文件名称', '说明', '页号', true);
  toc.forEach((t, i) => tocRow(String(i + 1), t.title, t.detail, String(t.page)));

  const { count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(9)
      .fillColor('#444')
      .text(`${file.caseNumber}${GAP}第 ${i + 1} 页 共 ${count} 页`, 64, doc.page.height - 40, {
        width,
        align: 'center',
        lineBreak: false,
      })
      .fillColor('black');
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
