import { formatDate } from '@sanxiang/shared';
import { correctionOutcomeLabel, requesterKindLabel } from '../../../domain/corrections/correction-request';
import type { TCorrectionRequestStatus } from '../../../domain/corrections/list-correction-requests';
import { html, multiline, type SafeHtml } from '../html';
import { layout } from './layout';

export interface TCorrectionFormModel {
  decision?: { id: string; documentNumber: string; issuingAuthority: string } | undefined;
  values: Record<string, string | undefined>;
  errors: { field: string; message: string }[];
}

const field = (
  m: TCorrectionFormModel,
  name: string,
  label: string,
  control: (attrs: SafeHtml) => SafeHtml,
  hint?: string,
) => {
  const error = m.errors.find((e) => e.field === name);
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  const attrs = html` id="${name}"
  name="${name}"${describedBy ? html` aria-describedby="${describedBy}"` : ''}${
    error ? html` aria-invalid="true"` : ''
  }`;
  return html`<div class="field field-wide">
    <label for="${name}">${label}</label>
    ${control(attrs)} ${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : ''}
    ${error ? html`<p class="field-error" id="${name}-error">${error.message}</p>` : ''}
  </div>`;
};

/** 更正申请表: works as a plain form post. */
export function renderCorrectionForm(m: TCorrectionFormModel): string {
  const v = (k: string) => m.values[k] ?? '';
  const body = m.decision
    ? html`<p>
          申请更正的公示信息：<a href="/public/decisions/${m.decision.id}">${m.decision.documentNumber}</a
          >（${m.decision.issuingAuthority}）
        </p>
        ${
          m.errors.length > 0
            ? html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
                <h2 id="error-summary-title">申请内容不完整，请修改后重新提交</h2>
                <ul>
                  ${m.errors.map((e) => html`<li><a href="#${e.field}">${e.message}</a></li>`)}
                </ul>
              </div>`
            : ''
        }
        <form class="form" method="post" action="/public/corrections">
          <input type="hidden" name="decisionId" value="${m.decision.id}" />
          ${field(m, 'requesterName', '申请人姓名或名称', (a) => html`<input type="text" ${a} maxlength="100" required value="${v('requesterName')}" />`)}
          <fieldset class="field field-wide">
            <legend>申请人类型</legend>
            ${Object.entries(requesterKindLabel).map(
              ([k, label]) =>
                html`<label
                  ><input
                    type="radio"
                    name="requesterKind"
                    value="${k}"
                    ${v('requesterKind') === k ? html` checked` : ''}
                    required
                  />
                  ${label}</label
                > `,
            )}
            ${m.errors.find((e) => e.field === 'requesterKind') ? html`<p class="field-error">请选择申请人类型</p>` : ''}
          </fieldset>
          ${field(m, 'contactPhone', '联系电话', (a) => html`<input type="tel" ${a} maxlength="20" autocomplete="tel" value="${v('contactPhone')}" />`, '电话和电子邮箱至少填写一项，用于告知办理结果。')}
          ${field(m, 'contactEmail', '电子邮箱', (a) => html`<input type="email" ${a} maxlength="200" autocomplete="email" value="${v('contactEmail')}" />`)}
          ${field(m, 'description', '哪些信息不准确', (a) => html`<textarea${a} rows="5" maxlength="2000" required>${v('description')}</textarea>`, '请写明不准确的内容和应当更正为什么。')}
          ${field(m, 'evidence', '证据', (a) => html`<textarea${a} rows="5" maxlength="4000" required>${v('evidence')}</textarea>`, '请列明能证明信息不准确的证据（如文书名称、编号、出具单位），工作人员将据此核实，必要时与您联系。')}
          <div class="actions"><button type="submit">提交更正申请</button></div>
        </form>`
    : html`<p>请先在<a href="/public">公示检索</a>中找到需要更正的公示信息，在其页面点击“申请更正”。</p>
        <p>已提交申请的，可<a href="/public/corrections/status">查询办理情况</a>。</p>`;
  return layout(
    { title: '申请更正公示信息', current: 'corrections' },
    html`<h1>申请更正公示信息</h1>
      <p class="lead">
        公民、法人或者其他组织有证据证明公示的行政执法信息不准确的，可以申请更正，我们将在 10
        个工作日内办理并答复。
      </p>
      ${body}`,
  );
}

export function renderCorrectionReceipt(r: {
  trackingNumber: string;
  dueDate: string;
  documentNumber: string;
}): string {
  return layout(
    { title: '更正申请已受理', current: 'corrections' },
    html`<h1>更正申请已受理</h1>
      <div class="notice" role="status">
        <p>受理编号：<strong>${r.trackingNumber}</strong></p>
        <p>公示信息：${r.documentNumber}；办理期限：${formatDate(r.dueDate)}前答复。</p>
        <p>
          请保存受理编号，凭此<a href="/public/corrections/status?trackingNumber=${r.trackingNumber}"
            >查询办理情况和答复</a
          >。
        </p>
      </div>`,
  );
}

export function renderCorrectionStatus(m: {
  trackingNumber?: string | undefined;
  error?: string | undefined;
  status?: TCorrectionRequestStatus | undefined;
}): string {
  const s = m.status;
  return layout(
    { title: '查询更正申请', current: 'corrections' },
    html`<h1>查询更正申请办理情况</h1>
      <form class="form" method="get" action="/public/corrections/status">
        <div class="field field-wide">
          <label for="trackingNumber">受理编号</label>
          <input
            type="text"
            id="trackingNumber"
            name="trackingNumber"
            maxlength="20"
            value="${m.trackingNumber ?? ''}"
            ${m.error ? html` aria-invalid="true" aria-describedby="trackingNumber-error"` : ''}
          />
          ${m.error ? html`<p class="field-error" id="trackingNumber-error" role="alert">${m.error}</p>` : ''}
        </div>
        <div class="actions"><button type="submit">查询</button></div>
      </form>
      ${
        s
          ? html`<section aria-labelledby="status-heading">
              <h2 id="status-heading">办理情况</h2>
              <dl class="record">
                <dt>受理编号</dt>
                <dd>${s.trackingNumber}</dd>
                <dt>公示信息</dt>
                <dd>${s.documentNumber ?? ''}</dd>
                <dt>受理时间</dt>
                <dd>${formatDate(s.receivedAt)}</dd>
                <dt>办理期限</dt>
                <dd>${formatDate(s.dueDate)}</dd>
                <dt>状态</dt>
                <dd>${s.statusLabel}</dd>
                ${
                  s.outcome
                    ? html`<dt>处理结果</dt>
                        <dd>
                          ${correctionOutcomeLabel[s.outcome as keyof typeof correctionOutcomeLabel] ?? s.outcome}
                        </dd>`
                    : ''
                }
                ${
                  s.answer
                    ? html`<dt>答复</dt>
                        <dd>${multiline(s.answer)}</dd>`
                    : ''
                }
              </dl>
            </section>`
          : ''
      }`,
  );
}
