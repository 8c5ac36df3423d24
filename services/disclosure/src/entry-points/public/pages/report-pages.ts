import { formatDate } from '@sanxiang/shared';
import type {
  TAnnualStatisticsContent,
  TCreditBlacklistContent,
  TRandomInspectionResultsContent,
} from '../../../domain/reports/report-content';
import { statisticsGroups, statisticsTable } from '../../../domain/reports/statistics';
import { html, type SafeHtml } from '../html';
import { barChart } from './bar-chart';
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
    const rows = statisticsTable(c);
    body = html`<p>
        ${
          c.services
            ? `本年报汇总 ${c.year} 年本机关各系统的记录：执法案件与执法记录、法制审核、双随机抽查和行政执法公示。`
            : `本年报为 ${c.year} 年行政执法公示的统计。`
        }每幅图下附同样数字的表格。
      </p>
      ${statisticsGroups.flatMap((group, i) => {
        const bars = rows
          .filter((row) => row.group === group)
          .map((row) => ({ label: row.item, value: row.value }));
        return bars.length ? [barChart(`chart-${i}`, group, bars)] : [];
      })}`;
  }
  return layout(
    { title: r.title, current: 'reports' },
    html`<h1>${r.title}</h1>
      <p class="meta">发布日期 ${formatDate(r.publishedAt)}</p>
      ${body}`,
  );
}
