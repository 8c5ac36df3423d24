import { formatDate } from '@sanxiang/shared';
import { decisionKindLabel } from '../../../domain/labels';
import {
  catalogueSectionLabel,
  catalogueSections,
  remedyKindLabel,
  type TCatalogueEntryContent,
} from '../../../domain/catalogue/catalogue-content';
import type { TPublicCatalogueEntry } from '../../../domain/catalogue/get-public-catalogue';
import { html, multiline, type SafeHtml } from '../html';
import { layout } from './layout';

const row = (label: string, value: SafeHtml | string | undefined) =>
  value === undefined || value === ''
    ? ''
    : html`<dt>${label}</dt>
        <dd>${value}</dd>`;

/** The fields of one entry, by section; a procedure's steps form its flow chart (流程图). */
function entryBody(c: TCatalogueEntryContent): SafeHtml {
  switch (c.section) {
    case 'subject':
      return html`<dl class="record">
        ${row('主体名称', c.name)}${row('具体职责', multiline(c.duties))}${row('内设执法机构', c.internalUnits)}${row('管辖范围', c.jurisdiction)}${row('执法区域', c.area)}
      </dl>`;
    case 'personnel':
      return html`<dl class="record">
        ${row('姓名', c.name)}${row('工作单位', c.unit)}${row('职务', c.post)}${row('执法证件编号', c.certificateNumber)}${row('执法类别', c.category)}${row('执法区域', c.area)}${row('有效期限', `${formatDate(c.validFrom)} 至 ${formatDate(c.validUntil)}`)}
      </dl>`;
    case 'duty':
      return html`<dl class="record">
        ${row('事项', c.title)}${row('类别', decisionKindLabel[c.powerKind])}${row('职责权限', multiline(c.description))}${row('依据', multiline(c.basis))}
      </dl>`;
    case 'legalBasis':
      return html`<dl class="record">
        ${row('名称', c.title)}${row('制定机关', c.issuer)}${row('文号', c.documentNumber)}${row('施行日期', formatDate(c.effectiveDate))}${row('主要内容', multiline(c.summary))}
      </dl>`;
    case 'procedure':
      return html`<dl class="record">${row('依据', multiline(c.basis))}${row('监督', c.supervision)}</dl>
        <h2 id="flow-heading">流程图</h2>
        <ol class="flow" aria-labelledby="flow-heading">
          ${c.steps.map((s) => html`<li><strong>${s.name}</strong>${s.timeLimit ? html`（时限：${s.timeLimit}）` : ''}<br />${s.description}</li>`)}
        </ol>`;
    case 'randomInspectionItem':
      return html`<dl class="record">
        ${row('抽查事项', c.title)}${row('抽查依据', multiline(c.basis))}${row('抽查主体', c.inspectingBody)}${row('抽查对象', c.objects)}${row('抽查内容', multiline(c.content))}${row('抽查比例', c.ratio)}${row('抽查方式', c.method)}${row('抽查频次', c.frequency)}
      </dl>`;
    case 'remedy':
      return html`<dl class="record">
        ${row('救济途径', remedyKindLabel[c.remedyKind])}${row('说明', multiline(c.description))}${row('期限', c.timeLimit)}${row('受理机关', c.authority)}
      </dl>`;
    case 'supervisionChannel':
      return html`<dl class="record">
        ${row('地址', c.address)}${row('邮政编码', c.postCode)}${row('电话', c.phone)}${row('电子邮箱', c.email)}${row('受理反馈程序', multiline(c.procedure))}
      </dl>`;
  }
}

export function renderCataloguePage(items: TPublicCatalogueEntry[]): string {
  const sections = catalogueSections.map((s) => ({ s, items: items.filter((i) => i.section === s) }));
  return layout(
    {
      title: '事前公开',
      current: 'catalogue',
      description: '行政执法主体、人员、职责权限、依据、程序、随机抽查事项、救济途径和监督方式',
    },
    html`<h1>事前公开</h1>
      <p class="lead">
        本机关的行政执法主体、人员、职责权限、执法依据、执法程序、随机抽查事项清单、救济途径和监督方式。法律法规或机构职能调整后，相关内容在
        20 个工作日内更新。
      </p>
      <nav aria-label="栏目">
        <ul>
          ${sections.map(({ s }) => html`<li><a href="#${s}">${catalogueSectionLabel[s]}</a></li>`)}
        </ul>
      </nav>
      ${sections.map(
        ({ s, items: list }) =>
          html`<section aria-labelledby="${s}">
            <h2 id="${s}">${catalogueSectionLabel[s]}</h2>
            ${
              s === 'personnel'
                ? html`<p>
                    持有效执法证件的全部人员见<a href="/public/personnel">执法人员清单</a
                    >（由人员目录按执法证有效期和状态自动生成）。
                  </p>`
                : ''
            }
            ${
              list.length === 0
                ? html`<p>暂无。</p>`
                : s === 'personnel'
                  ? html`<table>
                      <caption>
                        ${catalogueSectionLabel[s]}名单
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">姓名</th>
                          <th scope="col">工作单位</th>
                          <th scope="col">职务</th>
                          <th scope="col">执法证件编号</th>
                          <th scope="col">执法类别</th>
                          <th scope="col">执法区域</th>
                          <th scope="col">有效期限</th>
                        </tr>
                      </thead>
                      <tbody>
                        ${list.map((i) => {
                          const c = i.content as Extract<TCatalogueEntryContent, { section: 'personnel' }>;
                          return html`<tr>
                            <th scope="row"><a href="/public/catalogue/${i.id}">${c.name}</a></th>
                            <td>${c.unit}</td>
                            <td>${c.post}</td>
                            <td>${c.certificateNumber}</td>
                            <td>${c.category}</td>
                            <td>${c.area}</td>
                            <td>${c.validFrom} 至 ${c.validUntil}</td>
                          </tr>`;
                        })}
                      </tbody>
                    </table>`
                  : html`<ul>
                      ${list.map((i) => html`<li><a href="/public/catalogue/${i.id}">${i.title}</a></li>`)}
                    </ul>`
            }
          </section>`,
      )}`,
  );
}

export function renderCatalogueEntryPage(e: TPublicCatalogueEntry): string {
  return layout(
    { title: e.title, current: 'catalogue' },
    html`<p><a href="/public/catalogue#${e.section}">${e.sectionLabel}</a></p>
      <h1>${e.title}</h1>
      <p class="meta">
        发布日期 ${formatDate(e.publishedAt)}${e.updatedAt ? html` · 更新于 ${formatDate(e.updatedAt)}` : ''}
      </p>
      ${entryBody(e.content)}`,
  );
}
