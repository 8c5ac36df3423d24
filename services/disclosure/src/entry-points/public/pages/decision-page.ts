import { formatDate, formatYuan } from '@sanxiang/shared';
import type { TPublicDecisionView } from '../../../domain/publication/get-public-decision';
import { html, multiline } from '../html';
import { layout } from './layout';

const dateText = (value: string | null | undefined) => (value ? formatDate(value) : '');

/** A published decision, or — once withdrawn — only its withdrawal notice. */
export function renderDecisionPage(d: TPublicDecisionView): string {
  if (d.state === 'withdrawn') {
    return layout(
      { title: `已撤下：${d.documentNumber}`, current: 'search' },
      html`<h1>行政执法决定公示信息已撤下</h1>
        <section class="notice" aria-labelledby="withdrawal-heading">
          <h2 id="withdrawal-heading">撤下说明</h2>
          <dl class="facts">
            <dt>决定书文号</dt>
            <dd>${d.documentNumber}</dd>
            <dt>执法机关</dt>
            <dd>${d.issuingAuthority}</dd>
            <dt>决定类别</dt>
            <dd>${d.decisionKindLabel}</dd>
            <dt>决定日期</dt>
            <dd>${dateText(d.decisionDate)}</dd>
            <dt>撤下日期</dt>
            <dd>${dateText(d.withdrawal.at)}</dd>
            <dt>撤下原因</dt>
            <dd>${d.withdrawal.reasonLabel}</dd>
          </dl>
          <h3>说明</h3>
          ${multiline(d.withdrawal.explanation)}
        </section>
        <p><a href="/public">返回公示检索</a></p>`,
    );
  }
  return layout(
    { title: d.documentNumber, current: 'search' },
    html`<h1>${d.documentNumber}</h1>
      <p class="meta">
        ${d.decisionKindLabel} · ${d.issuingAuthority} · 公示日期
        ${dateText(d.publishedAt)}${
          d.correctedAt ? html` · <strong>已于 ${dateText(d.correctedAt)} 更正</strong>` : ''
        }
      </p>
      <section aria-labelledby="decision-heading">
        <h2 id="decision-heading" class="visually-hidden">公示内容</h2>
        <dl class="record">
          ${
            d.caseName
              ? html`<dt>案件名称</dt>
                  <dd>${d.caseName}</dd>`
              : ''
          }
          <dt>行政相对人</dt>
          <dd>${d.partyName}（${d.partyKindLabel}）</dd>
          ${
            d.creditCode
              ? html`<dt>统一社会信用代码</dt>
                  <dd>${d.creditCode}</dd>`
              : ''
          }
          ${
            d.legalRepresentative
              ? html`<dt>${d.partyKind === 'legalPerson' ? '法定代表人' : '负责人'}</dt>
                  <dd>${d.legalRepresentative}</dd>`
              : ''
          }
          <dt>决定书文号</dt>
          <dd>${d.documentNumber}</dd>
          <dt>决定类别</dt>
          <dd>${d.decisionKindLabel}</dd>
          <dt>执法方式</dt>
          <dd>${d.enforcementMethod}</dd>
          <dt>执法内容</dt>
          <dd>${multiline(d.content)}</dd>
          <dt>执法决定</dt>
          <dd>${multiline(d.decision)}</dd>
          ${
            d.penaltyKind
              ? html`<dt>处罚种类</dt>
                  <dd>${d.penaltyKind}</dd>`
              : ''
          }
          ${
            d.fineAmountYuan !== null
              ? html`<dt>罚款金额</dt>
                  <dd>${formatYuan(d.fineAmountYuan)}</dd>`
              : ''
          }
          <dt>执法依据</dt>
          <dd>${multiline(d.legalBasis)}</dd>
          <dt>履行方式和期限</dt>
          <dd>${multiline(d.performance)}</dd>
          <dt>执法机关</dt>
          <dd>${d.issuingAuthority}</dd>
          <dt>决定日期</dt>
          <dd>${dateText(d.decisionDate)}</dd>
          <dt>公示期限</dt>
          <dd>
            ${
              d.expiresAt
                ? `自 ${dateText(d.publishedAt)} 起至 ${dateText(d.expiresAt)} 止`
                : `自 ${dateText(d.publishedAt)} 起`
            }
          </dd>
        </dl>
      </section>
      <p>认为公示信息不准确的，可<a href="/public/corrections/new?decisionId=${d.id}">申请更正</a>。</p>
      <p><a href="/public">返回公示检索</a></p>`,
  );
}
