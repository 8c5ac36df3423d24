import { formatDate } from '@sanxiang/shared';
import { ZDecisionKind } from '@sanxiang/shared/src/domain';
import { decisionKindLabel } from '../../../domain/labels';
import type { TPublicSearchItem } from '../../../domain/search/search-public-decisions';
import { html, queryString, type SafeHtml } from '../html';
import { layout } from './layout';

export interface TSearchForm {
  q?: string | undefined;
  kind?: string | undefined;
  authority?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface TSearchPageModel {
  form: TSearchForm;
  authorities: string[];
  /** Field name → message, when the query was refused (400). */
  errors: { field: string; message: string }[];
  result?: {
    items: TPublicSearchItem[];
    page: number;
    pageSize: number;
    hasMore: boolean;
    total: number;
    totalAtLeast: boolean;
  };
}

const fieldIds: Record<string, string> = {
  q: 'q',
  kind: 'kind',
  authority: 'authority',
  from: 'from',
  to: 'to',
  page: 'q',
  pageSize: 'q',
};

const dateText = (value: string) => formatDate(value);

/** `text` with the matched stretches in <mark> (highlighted; a screen reader reads them as marked). */
export function marked(text: string, marks: { start: number; end: number }[]): SafeHtml {
  const parts: SafeHtml[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start < at || m.end <= m.start) continue;
    parts.push(html`${text.slice(at, m.start)}<mark>${text.slice(m.start, m.end)}</mark>`);
    at = m.end;
  }
  parts.push(html`${text.slice(at)}`);
  return html`${parts}`;
}

function searchForm(m: TSearchPageModel): SafeHtml {
  const err = (field: string) => m.errors.find((e) => fieldIds[e.field] === field);
  const invalid = (field: string) =>
    err(field) ? html` aria-invalid="true" aria-describedby="${field}-error"` : '';
  const errorText = (field: string) => {
    const e = err(field);
    return e ? html`<p class="field-error" id="${field}-error">${e.message}</p>` : '';
  };
  return html`<form class="search" role="search" method="get" action="/public" aria-label="检索执法决定">
    <div class="field field-wide">
      <label for="q">关键词</label>
      <input
        id="q"
        name="q"
        type="search"
        maxlength="50"
        value="${m.form.q ?? ''}"
        aria-describedby="q-hint"
        ${invalid('q')}
      />
      <p class="hint" id="q-hint">
        可输入当事人名称、决定书文号或执法内容中的词语，至少 2 个字；多个词语用空格分开，结果须包含每个词语。
      </p>
      ${errorText('q')}
    </div>
    <div class="field">
      <label for="kind">决定类别</label>
      <select id="kind" name="kind" ${invalid('kind')}>
        <option value="">全部类别</option>
        ${ZDecisionKind.options.map(
          (k) =>
            html`<option value="${k}" ${m.form.kind === k ? html` selected` : ''}>
              ${decisionKindLabel[k]}
            </option>`,
        )}
      </select>
      ${errorText('kind')}
    </div>
    <div class="field">
      <label for="authority">执法机关</label>
      <select id="authority" name="authority" ${invalid('authority')}>
        <option value="">全部机关</option>
        ${m.authorities.map(
          (a) => html`<option value="${a}" ${m.form.authority === a ? html` selected` : ''}>${a}</option>`,
        )}
      </select>
      ${errorText('authority')}
    </div>
    <fieldset class="field dates">
      <legend>决定日期</legend>
      <label for="from">从</label>
      <input id="from" name="from" type="date" value="${m.form.from ?? ''}" ${invalid('from')} />
      <label for="to">至</label>
      <input id="to" name="to" type="date" value="${m.form.to ?? ''}" ${invalid('to')} />
      ${errorText('from')}${errorText('to')}
    </fieldset>
    <div class="actions"><button type="submit">检索</button> <a href="/public">清除条件</a></div>
  </form>`;
}

function results(m: TSearchPageModel): SafeHtml {
  const r = m.result;
  if (!r) return html``;
  const link = (page: number) => `/public${queryString({ ...m.form, page })}`;
  return html`<section class="results" aria-labelledby="results-heading">
    <h2 id="results-heading">检索结果</h2>
    <p class="result-summary" role="status">
      ${
        r.total === 0 && r.items.length === 0
          ? '没有找到符合条件的公示信息。'
          : `${r.totalAtLeast ? `共找到 ${r.total} 条以上，请缩小检索范围` : `共找到 ${r.total} 条`}；第 ${r.page} 页，本页 ${r.items.length} 条。`
      }
    </p>
    <ol class="result-list" start="${(r.page - 1) * r.pageSize + 1}">
      ${r.items.map(
        (i) =>
          html`<li class="result">
            <article aria-labelledby="r-${i.id}">
              <h3 id="r-${i.id}">
                <a href="/public/decisions/${i.id}"
                  >${marked(i.documentNumber, i.highlights.documentNumber)}</a
                >${
                  i.state === 'withdrawn' ? html` <span class="badge">已撤下</span>` : ''
                }${i.correctedAt ? html` <span class="badge badge-info">已更正</span>` : ''}
              </h3>
              <dl class="facts">
                ${
                  i.partyName
                    ? html`<dt>行政相对人</dt>
                        <dd>${marked(i.partyName, i.highlights.partyName)}</dd>`
                    : ''
                }
                <dt>决定类别</dt>
                <dd>${i.decisionKindLabel}</dd>
                <dt>执法机关</dt>
                <dd>${i.issuingAuthority}</dd>
                <dt>决定日期</dt>
                <dd>${dateText(i.decisionDate)}</dd>
                ${
                  i.state === 'withdrawn' && i.withdrawnAt
                    ? html`<dt>撤下日期</dt>
                        <dd>${dateText(i.withdrawnAt)}</dd>`
                    : ''
                }
              </dl>
              ${i.excerpt ? html`<p class="excerpt">${marked(i.excerpt, i.highlights.excerpt)}</p>` : ''}
            </article>
          </li>`,
      )}
    </ol>
    ${
      r.page > 1 || r.hasMore
        ? html`<nav class="pagination" aria-label="分页">
            <ul>
              ${r.page > 1 ? html`<li><a href="${link(r.page - 1)}" rel="prev">上一页</a></li>` : ''}
              <li><span aria-current="page">第 ${r.page} 页</span></li>
              ${r.hasMore ? html`<li><a href="${link(r.page + 1)}" rel="next">下一页</a></li>` : ''}
            </ul>
          </nav>`
        : ''
    }
  </section>`;
}

export function renderSearchPage(m: TSearchPageModel): string {
  const errorSummary =
    m.errors.length > 0
      ? html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">检索条件有误，请修改后重试</h2>
          <ul>
            ${m.errors.map((e) => html`<li><a href="#${fieldIds[e.field] ?? 'q'}">${e.message}</a></li>`)}
          </ul>
        </div>`
      : '';
  return layout(
    {
      title: '行政执法决定公示检索',
      current: 'search',
      description: '检索已公示的行政许可、行政处罚、行政强制、行政检查等执法决定',
    },
    html`<h1>行政执法决定公示</h1>
      <p class="lead">
        公开本机关作出的行政执法决定（结果）。依法不予公开的信息不在此列；涉及个人信息的内容已作处理。
      </p>
      ${errorSummary} ${searchForm(m)} ${results(m)}`,
  );
}
