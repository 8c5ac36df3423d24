import { formatDate } from '@sanxiang/shared';
import {
  decisionKindLabel,
  exemptionReasonLabel,
  labelOf,
  withdrawalReasonLabel,
} from '../../../domain/labels';
import type {
  TAnnualStatisticsContent,
  TCreditBlacklistContent,
  TRandomInspectionResultsContent,
} from '../../../domain/reports/report-content';
import { html, type SafeHtml } from '../html';
import { layout } from './layout';

interface TReportView {
  id: string;
  kind: string;
  period: string | null;
  title: string;
  content?: unknown;
  publishedAt: string;
}

export function renderReportsPage(items: TReportView[]): string {
  return layout(
    { title: '抽查结果、名单与年报', current: 'reports' },
    html`<h1>随机抽查结果、失信惩戒名单与统计年报</h1>
      ${
        items.length === 0
          ? html`<p>暂无。</p>`
          : html`<ul>
              ${items.map((i) => html`<li><a href="/public/reports/${i.id}">${i.title}</a>（${formatDate(i.publishedAt)} 发布）</li>`)}
            </ul>`
      }`,
  );
}

const table = (caption: string, head: string[], rows: (string | number)[][]): SafeHtml =>
  html`<table>
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        ${head.map((h) => html`<th scope="col">${h}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${
        rows.length === 0
          ? html`<tr>
              <td colspan="${head.length}">本期无</td>
            </tr>`
          : rows.map(
              (r) =>
                html`<tr>
                  ${r.map((c) => html`<td>${c}</td>`)}
                </tr>`,
            )
      }
    </tbody>
  </table>`;

export function renderReportPage(r: TReportView): string {
  let body: SafeHtml;
  if (r.kind === 'randomInspectionResults') {
    const c = r.content as TRandomInspectionResultsContent;
    body = table(
      `${c.period} 随机抽查结果`,
      ['决定书文号', '检查对象', '日期', '结果', '执法机关'],
      c.items.map((i) => [i.documentNumber, i.partyName, i.decisionDate, i.result, i.issuingAuthority]),
    );
  } else if (r.kind === 'creditBlacklist') {
    const c = r.content as TCreditBlacklistContent;
    body = table(
      `${c.period} 失信惩戒名单`,
      ['当事人', '决定书文号', '列入依据', '列入日期', '执法机关'],
      c.items.map((i) => [i.partyName, i.documentNumber, i.basis, i.listedAt, i.issuingAuthority]),
    );
  } else {
    const c = r.content as TAnnualStatisticsContent;
    body = html`${table(
      '按决定类别',
      ['类别', '数量'],
      Object.entries(c.byDecisionKind).map(([k, n]) => [labelOf(decisionKindLabel, k), n]),
    )}
    ${table(
      '公示情况',
      ['项目', '数量'],
      [
        ['已公示', c.published],
        ['按期公示', c.publishedOnTime],
        ['逾期公示', c.publishedLate],
        ['不予公开', c.exempt],
        ['撤下', c.withdrawn],
        ['期满撤下', c.expired],
        ['更正', c.corrections],
        ['更正申请', c.correctionRequests],
      ],
    )}
    ${table(
      '不予公开原因',
      ['原因', '数量'],
      Object.entries(c.exemptByReason).map(([k, n]) => [labelOf(exemptionReasonLabel, k), n]),
    )}
    ${table(
      '撤下原因',
      ['原因', '数量'],
      Object.entries(c.withdrawnByReason).map(([k, n]) => [labelOf(withdrawalReasonLabel, k), n]),
    )}`;
  }
  return layout(
    { title: r.title, current: 'reports' },
    html`<h1>${r.title}</h1>
      <p class="meta">发布日期 ${formatDate(r.publishedAt)}</p>
      ${body}`,
  );
}
