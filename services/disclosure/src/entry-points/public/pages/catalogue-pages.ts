import { formatDate } from '@sanxiang/shared';
import { decisionKindLabel } from '../../../domain/labels';
import {
  catalogueSectionLabel,
  catalogueSections,
  remedyKindLabel,
  type TCatalogueEntryContent,
} from '../../../domain/catalogue/catalogue-content';
import type {
  TPublicCatalogueEntry,
  TPublicCatalogueEntryPage,
  TPublicCatalogueHistoryItem,
  TPublicCatalogueVersion,
  TPublicCatalogueWithdrawal,
} from '../../../domain/catalogue/get-public-catalogue';
import { html, multiline, type SafeHtml } from '../html';
import { layout } from './layout';

const row = (label: string, value: SafeHtml | string | undefined) =>
  value === undefined || value === ''
    ? ''
    : html`<dt>${label}</dt>
        <dd>${value}</dd>`;

type TStep = { name: string; description: string; timeLimit?: string | undefined };

/** Steps in order as a flow chart (流程图): boxes joined by arrows (site.css `.flow`). */
const flowChart = (heading: string, headingId: string, steps: readonly TStep[]) =>
  html`<h2 id="${headingId}">${heading}</h2>
    <ol class="flow" aria-labelledby="${headingId}">
      ${steps.map((s) => html`<li><strong>${s.name}</strong>${s.timeLimit ? html`（时限：${s.timeLimit}）` : ''}<br />${s.description}</li>`)}
    </ol>`;

/** The fields of one entry, by section; a procedure's steps form its flow chart (流程图). */
function entryBody(c: TCatalogueEntryContent): SafeHtml {
  switch (c.section) {
    case 'serviceGuide':
      return html`<dl class="record">
          ${row('事项名称', c.title)}${row('设定依据', multiline(c.basis))}${row('受理机构', c.acceptingBody)}${row('审批机构', c.approvingBody)}${row('办理条件', multiline(c.conditions))}${row('办理时限', c.timeLimit)}${row('收费标准', c.fees)}${row('责任追究', multiline(c.accountability))}${row('办公时间', c.officeHours)}${row('办公地址', c.address)}${row('办公电话', c.phone)}${row('咨询渠道', c.consultation)}${row('投诉举报', c.complaint)}
        </dl>
        <table>
          <caption>
            申请材料清单
          </caption>
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">材料名称</th>
              <th scope="col">份数</th>
              <th scope="col">说明</th>
            </tr>
          </thead>
          <tbody>
            ${c.materials.map(
              (m, i) =>
                html`<tr>
                  <td>${String(i + 1)}</td>
                  <th scope="row">${m.name}</th>
                  <td>${m.copies ?? ''}</td>
                  <td>${m.note ?? ''}</td>
                </tr>`,
            )}
          </tbody>
        </table>
        ${flowChart('办理流程', 'flow-heading', c.steps)}`;
    case 'discretionBenchmark':
      return html`<dl class="record">
          ${row('违法行为', c.title)}${row('违法依据', multiline(c.violationBasis))}${row('处罚依据', multiline(c.penaltyBasis))}${row('说明', c.notes ? multiline(c.notes) : undefined)}
        </dl>
        <table>
          <caption>
            裁量等级与处罚标准
          </caption>
          <thead>
            <tr>
              <th scope="col">裁量等级</th>
              <th scope="col">适用情形</th>
              <th scope="col">处罚标准</th>
            </tr>
          </thead>
          <tbody>
            ${c.levels.map(
              (l) =>
                html`<tr>
                  <th scope="row">${l.grade}</th>
                  <td>${l.circumstances}</td>
                  <td>${l.penalty}</td>
                </tr>`,
            )}
          </tbody>
        </table>`;
    case 'legalReviewFlow':
      return html`<dl class="record">
          ${row('依据', multiline(c.basis))}${row('审核载体', c.carrier)}${row('意见不一致时', multiline(c.disagreement))}${row('责任追究', multiline(c.accountability))}
        </dl>
        <h2 id="materials-heading">送审材料</h2>
        <ul aria-labelledby="materials-heading">
          ${c.materials.map((m) => html`<li>${m}</li>`)}
        </ul>
        ${flowChart('审核流程图', 'flow-heading', c.steps)}`;
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
        ${flowChart('流程图', 'flow-heading', c.steps)}`;
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

type TWithdrawnListItem = TPublicCatalogueWithdrawal & { id: string; title: string; sectionLabel: string };

export function renderCataloguePage(
  items: TPublicCatalogueEntry[],
  withdrawn: TWithdrawnListItem[] = [],
): string {
  const sections = catalogueSections.map((s) => ({ s, items: items.filter((i) => i.section === s) }));
  return layout(
    {
      title: '事前公开',
      current: 'catalogue',
      description:
        '行政执法主体、人员、职责权限、依据、程序、随机抽查事项、救济途径、监督方式、服务指南、裁量基准和法制审核流程图',
    },
    html`<h1>事前公开</h1>
      <p class="lead">
        本机关的行政执法主体、人员、职责权限、执法依据、执法程序、随机抽查事项清单、救济途径、监督方式、服务指南、行政处罚裁量基准和重大执法决定法制审核流程图。法律法规或机构职能调整后，相关内容在
        20 个工作日内更新；更新前的版本和已撤下的条目仍可查阅。
      </p>
      <nav aria-label="栏目">
        <ul>
          ${sections.map(({ s }) => html`<li><a href="#${s}">${catalogueSectionLabel[s]}</a></li>`)}
          <li><a href="#withdrawn">已撤下的条目</a></li>
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
                ? s === 'personnel'
                  ? ''
                  : html`<p>暂无。</p>`
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
      )}
      <section aria-labelledby="withdrawn">
        <h2 id="withdrawn">已撤下的条目</h2>
        ${
          withdrawn.length === 0
            ? html`<p>暂无。</p>`
            : html`<ul>
                ${withdrawn.map(
                  (w) =>
                    html`<li>
                      <a href="/public/catalogue/${w.id}">${w.title}</a
                      >（${w.sectionLabel}，${formatDate(w.withdrawnAt)}撤下：${w.reasonLabel}）
                    </li>`,
                )}
              </ul>`
        }
      </section>`,
  );
}

/** 历史版本: the versions an entry had before, each with when and why it stopped being current. */
function historySection(id: string, history: TPublicCatalogueHistoryItem[]): SafeHtml {
  if (history.length === 0) return html``;
  return html`<section aria-labelledby="history-heading">
    <h2 id="history-heading">历史版本</h2>
    <table>
      <caption>
        本条目此前发布的版本
      </caption>
      <thead>
        <tr>
          <th scope="col">版本</th>
          <th scope="col">发布日期</th>
          <th scope="col">停止使用日期</th>
          <th scope="col">原因</th>
        </tr>
      </thead>
      <tbody>
        ${history.map(
          (h) =>
            html`<tr>
              <th scope="row">
                <a href="/public/catalogue/${id}/versions/${String(h.version)}">第 ${String(h.version)} 版</a>
              </th>
              <td>${formatDate(h.publishedAt)}</td>
              <td>${h.supersededAt ? formatDate(h.supersededAt) : ''}</td>
              <td>${h.endKind === 'withdrawn' ? '撤下：' : '更新：'}${h.endExplanation ?? ''}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

export function renderCatalogueEntryPage(e: TPublicCatalogueEntryPage): string {
  if (e.state === 'withdrawn') {
    const w = e.withdrawal;
    return layout(
      { title: `${e.title}（已撤下）`, current: 'catalogue' },
      html`<p><a href="/public/catalogue#${e.section}">${e.sectionLabel}</a></p>
        <h1>${e.title}</h1>
        <p><span class="badge">已撤下</span></p>
        <dl class="record">
          ${row('撤下日期', formatDate(w.withdrawnAt))}${row('撤下原因', w.reasonLabel)}${row('说明', multiline(w.explanation))}${row(
            '现行条目',
            w.replacedBy
              ? html`<a href="/public/catalogue/${w.replacedBy.id}"
                  >${w.replacedBy.title ?? '查看现行条目'}</a
                >`
              : undefined,
          )}
        </dl>
        ${historySection(e.id, e.history)}`,
    );
  }
  return layout(
    { title: e.title, current: 'catalogue' },
    html`<p><a href="/public/catalogue#${e.section}">${e.sectionLabel}</a></p>
      <h1>${e.title}</h1>
      <p class="meta">
        发布日期 ${formatDate(e.publishedAt)}${e.updatedAt ? html` · 更新于 ${formatDate(e.updatedAt)}` : ''}
      </p>
      ${entryBody(e.content)} ${historySection(e.id, e.history)}`,
  );
}

/** One earlier version, as it was published, marked as no longer current. */
export function renderCatalogueVersionPage(v: TPublicCatalogueVersion): string {
  return layout(
    { title: `${v.title}（第 ${String(v.version)} 版）`, current: 'catalogue' },
    html`<p>
        <a href="/public/catalogue#${v.section}">${v.sectionLabel}</a> ›
        <a href="/public/catalogue/${v.id}">${v.supersededAt ? '本条目现状' : '现行版本'}</a>
      </p>
      <h1>${v.title}（第 ${String(v.version)} 版）</h1>
      ${
        v.supersededAt
          ? html`<p class="notice" role="note">
              <span class="badge">历史版本</span> 本版本自 ${formatDate(v.publishedAt)}
              起公开，${formatDate(v.supersededAt)}
              ${v.endKind === 'withdrawn' ? '撤下' : '更新'}，现已不再适用。原因：${v.endExplanation ?? ''}
            </p>`
          : html`<p class="meta">现行版本，自 ${formatDate(v.publishedAt)} 起公开</p>`
      }
      ${entryBody(v.content)}`,
  );
}
