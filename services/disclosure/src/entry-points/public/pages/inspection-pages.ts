import { formatDate, formatDateTime } from '@sanxiang/shared';
import type {
  TPublicInspectionItem,
  TPublicInspectionPlan,
  TPublicInspectionResult,
  TPublicInspectionTask,
} from '../../../data-access/public-inspection-source';
import { html, queryString, type SafeHtml } from '../html';
import { layout } from './layout';

/**
 * 双随机、一公开 (000 §9, §17; 004 §4(6)) on the public platform: four tabs — 抽查事项 (the list),
 * 抽查计划, 抽查任务 (the drawn objects and inspectors, with the seed and algorithm so anyone can
 * re-draw), 抽查结果 — each searchable. Read from the inspection service's public API.
 */
export type TInspectionTab = 'items' | 'plans' | 'tasks' | 'results';

const tabs: { key: TInspectionTab; href: string; label: string }[] = [
  { key: 'items', href: '/public/inspection', label: '抽查事项' },
  { key: 'plans', href: '/public/inspection/plans', label: '抽查计划' },
  { key: 'tasks', href: '/public/inspection/tasks', label: '抽查任务' },
  { key: 'results', href: '/public/inspection/results', label: '抽查结果' },
];

function page(tab: TInspectionTab, title: string, body: SafeHtml): string {
  return layout(
    {
      title: `${title} - 双随机、一公开`,
      current: 'inspection',
      description:
        '随机抽查事项清单、抽查计划、抽查任务（抽取的检查对象和检查人员、随机种子与算法）和抽查结果',
    },
    html`<h1>双随机、一公开</h1>
      <p class="lead">
        随机抽取检查对象、随机选派执法检查人员，抽查情况及查处结果及时向社会公开。抽取所用的随机种子、算法和全部输入随任务公布，任何人可据此复现抽取结果。
      </p>
      <nav class="tabs" aria-label="双随机、一公开栏目">
        <ul>
          ${tabs.map(
            (t) =>
              html`<li>
                <a href="${t.href}" ${t.key === tab ? html` aria-current="page"` : ''}>${t.label}</a>
              </li>`,
          )}
        </ul>
      </nav>
      <h2>${title}</h2>
      ${body}`,
  );
}

function searchForm(
  action: string,
  label: string,
  fields: { q?: { value: string | undefined; hint: string }; year?: string | undefined },
): SafeHtml {
  return html`<form class="search" role="search" method="get" action="${action}" aria-label="${label}">
    ${
      fields.q
        ? html`<div class="field">
            <label for="q">关键词</label>
            <input
              id="q"
              name="q"
              type="search"
              maxlength="100"
              value="${fields.q.value ?? ''}"
              aria-describedby="q-hint"
            />
            <p class="hint" id="q-hint">${fields.q.hint}</p>
          </div>`
        : ''
    }
    ${
      'year' in fields
        ? html`<div class="field">
            <label for="year">年度</label>
            <input
              id="year"
              name="year"
              type="text"
              inputmode="numeric"
              maxlength="4"
              value="${fields.year ?? ''}"
              aria-describedby="year-hint"
            />
            <p class="hint" id="year-hint">四位数字，如 2026；不填为全部年度</p>
          </div>`
        : ''
    }
    <div class="actions"><button type="submit">检索</button></div>
  </form>`;
}

const count = (n: number, unit: string) => html`<p class="meta">共 ${String(n)} ${unit}</p>`;

const stratifyLabel = { district: '按所属区域分层抽取', kind: '按对象类型分层抽取' } as const;

export function renderInspectionItemsPage(items: TPublicInspectionItem[], q: string | undefined): string {
  return page(
    'items',
    '随机抽查事项清单',
    html`${searchForm('/public/inspection', '检索抽查事项', {
      q: { value: q, hint: '事项名称、编码、抽查对象或抽查内容中的词语' },
    })}
    ${count(items.length, '项')}
    ${
      items.length === 0
        ? html`<p>没有符合条件的抽查事项。</p>`
        : items.map(
            (i) =>
              html`<section class="result" aria-labelledby="item-${i.code}">
                <h3 id="item-${i.code}">${i.name}（${i.code}）</h3>
                <dl class="record">
                  <dt>抽查主体</dt>
                  <dd>${i.subject}</dd>
                  <dt>抽查依据</dt>
                  <dd>${i.basis}</dd>
                  <dt>抽查对象</dt>
                  <dd>${i.objectScope}</dd>
                  <dt>抽查内容</dt>
                  <dd>${i.content}</dd>
                  <dt>抽查比例</dt>
                  <dd>${i.ratio}${i.stratifyBy ? html`（${stratifyLabel[i.stratifyBy]}）` : ''}</dd>
                  <dt>抽查方式</dt>
                  <dd>${i.method}</dd>
                  <dt>抽查频次</dt>
                  <dd>${i.frequency}</dd>
                </dl>
              </section>`,
          )
    }`,
  );
}

const window = (t: { startDate: string; endDate: string }) =>
  `${formatDate(t.startDate)} 至 ${formatDate(t.endDate)}`;

const howMany = (t: { objectCount: number | null; ratioPercent: number | null }) =>
  t.objectCount !== null ? `${t.objectCount} 个` : `名录库的 ${String(t.ratioPercent)}%`;

function taskTable(
  caption: string,
  tasks: (TPublicInspectionPlan['tasks'][number] & { planName?: string })[],
) {
  return html`<table>
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">抽查任务</th>
        <th scope="col">抽查事项</th>
        ${tasks.some((t) => t.planName) ? html`<th scope="col">所属计划</th>` : ''}
        <th scope="col">检查期间</th>
        <th scope="col">抽取对象</th>
        <th scope="col">每个对象检查人员</th>
        <th scope="col">公布时间</th>
      </tr>
    </thead>
    <tbody>
      ${tasks.map(
        (t) =>
          html`<tr>
            <th scope="row"><a href="/public/inspection/tasks/${t.id}">${t.name}</a></th>
            <td>${t.itemName}</td>
            ${t.planName ? html`<td>${t.planName}</td>` : ''}
            <td>${window(t)}</td>
            <td>${howMany(t)}${t.district ? `（${t.district}）` : ''}</td>
            <td>${String(t.inspectorsPerObject)} 名</td>
            <td>${t.publishedAt ? formatDateTime(t.publishedAt) : ''}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function renderInspectionPlansPage(plans: TPublicInspectionPlan[], year: string | undefined): string {
  return page(
    'plans',
    '抽查计划',
    html`${searchForm('/public/inspection/plans', '按年度检索抽查计划', { year })}
    ${count(plans.length, '个计划')}
    ${
      plans.length === 0
        ? html`<p>没有符合条件的抽查计划。</p>`
        : plans.map(
            (p) =>
              html`<section class="result" aria-labelledby="plan-${p.id}">
                <h3 id="plan-${p.id}">${p.name}</h3>
                <p class="meta">
                  ${String(p.year)} 年度${p.publishedAt ? html`，${formatDateTime(p.publishedAt)} 公布` : ''}
                </p>
                ${p.description ? html`<p>${p.description}</p>` : ''}
                ${p.tasks.length === 0 ? html`<p>尚未公布抽查任务。</p>` : taskTable(`${p.name}的抽查任务`, p.tasks)}
              </section>`,
          )
    }`,
  );
}

export function renderInspectionTasksPage(
  plans: TPublicInspectionPlan[],
  form: { q: string | undefined; year: string | undefined },
): string {
  const q = form.q?.trim();
  const tasks = plans
    .flatMap((p) => p.tasks.map((t) => ({ ...t, planName: p.name })))
    .filter((t) => !q || [t.name, t.itemName, t.itemCode, t.planName].some((s) => s.includes(q)));
  return page(
    'tasks',
    '抽查任务',
    html`${searchForm('/public/inspection/tasks', '检索抽查任务', {
      q: { value: form.q, hint: '任务名称、抽查事项或计划名称中的词语' },
      year: form.year,
    })}
    ${count(tasks.length, '个任务')}
    ${tasks.length === 0 ? html`<p>没有符合条件的抽查任务。</p>` : taskTable('已公布的抽查任务（点任务名称查看抽取的检查对象和检查人员）', tasks)}`,
  );
}

type TDraw = NonNullable<TPublicInspectionTask['draw']>;

function drawFacts(draw: TDraw, taskId: string): SafeHtml {
  return html`<dl class="record">
    <dt>随机种子</dt>
    <dd><code>${String(draw.seed)}</code></dd>
    <dt>抽取算法</dt>
    <dd><code>${draw.algorithm}</code></dd>
    <dt>抽取时间</dt>
    <dd>${formatDateTime(draw.drawnAt)}（第 ${String(draw.number)} 次抽取）</dd>
    <dt>检查对象名录库</dt>
    <dd>${String(draw.input.objects.length)} 个对象，抽取 ${String(draw.input.objectCount)} 个</dd>
    ${
      draw.input.strata
        ? html`<dt>分层</dt>
            <dd>
              ${draw.input.strata.map((s) => `${s.key || '（未填写）'}：${s.poolSize} 个中抽取 ${s.count} 个`).join('；')}
            </dd>`
        : ''
    }
    <dt>执法检查人员名录库</dt>
    <dd>
      ${String(draw.input.inspectors.length)} 名持有效执法证的人员，每个对象抽取
      ${String(draw.input.inspectorsPerObject)} 名；已申报利益冲突的 ${String(draw.input.conflicts.length)}
      对人员与对象回避${draw.input.previous.length > 0 ? html`，上次检查过该对象的人员回避` : ''}
    </dd>
    <dt>复现抽取</dt>
    <dd>
      抽取的全部输入（按序的名录库、检查人员库、回避关系和抽取数）与种子见
      <a href="/public/inspection/tasks/${taskId}/draw.json">抽取数据（JSON）</a
      >；按算法说明以同一种子运行，得到与下表相同的对象和人员。
    </dd>
  </dl>`;
}

export function renderInspectionTaskPage(task: TPublicInspectionTask): string {
  const draw = task.draw;
  return page(
    'tasks',
    task.name,
    html`<dl class="record">
        <dt>抽查事项</dt>
        <dd>${task.itemName}（${task.itemCode}）</dd>
        <dt>检查期间</dt>
        <dd>${window(task)}</dd>
        <dt>公布时间</dt>
        <dd>${task.publishedAt ? formatDateTime(task.publishedAt) : ''}</dd>
      </dl>
      ${
        draw
          ? html`<h3>抽取情况</h3>
              ${drawFacts(draw, task.id)}
              <table>
                <caption>
                  抽取的检查对象和执法检查人员
                </caption>
                <thead>
                  <tr>
                    <th scope="col">序号</th>
                    <th scope="col">检查对象</th>
                    <th scope="col">统一社会信用代码</th>
                    <th scope="col">执法检查人员</th>
                  </tr>
                </thead>
                <tbody>
                  ${draw.assignments.map(
                    (a) =>
                      html`<tr>
                        <td>${String(a.position + 1)}</td>
                        <th scope="row">${a.objectName}</th>
                        <td>${a.uscc}</td>
                        <td>${a.inspectors.map((i) => i.name).join('、')}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
          : html`<p>尚未抽取。</p>`
      }
      ${
        task.supersededDraws.length > 0
          ? html`<h3>重新抽取记录</h3>
              <ul>
                ${task.supersededDraws.map(
                  (d) =>
                    html`<li>
                      第 ${String(d.number)} 次抽取（${formatDateTime(d.drawnAt)}，种子
                      ${String(d.seed)}）已被重新抽取替代
                    </li>`,
                )}
              </ul>
              ${draw?.reason ? html`<p>重新抽取的理由：${draw.reason}</p>` : ''}`
          : ''
      }
      <p>
        <a href="/public/inspection/results?${queryString({ taskId: task.id })}">查看本任务的抽查结果</a>
      </p>`,
  );
}

export function renderInspectionResultsPage(
  results: TPublicInspectionResult[],
  form: { q: string | undefined; year: string | undefined },
): string {
  return page(
    'results',
    '抽查结果',
    html`${searchForm('/public/inspection/results', '检索抽查结果', {
        q: { value: form.q, hint: '检查对象名称、统一社会信用代码、任务或事项名称中的词语' },
        year: form.year,
      })}
      <p class="hint">
        检查结果经核对、负责人审批后，于检查结束之日起 20
        个工作日内公示。立案查处的案件，其行政处罚决定另行公示。
      </p>
      ${count(results.length, '条结果')}
      ${
        results.length === 0
          ? html`<p>没有符合条件的已公示抽查结果。</p>`
          : html`<table>
              <caption>
                已公示的抽查结果
              </caption>
              <thead>
                <tr>
                  <th scope="col">检查对象</th>
                  <th scope="col">统一社会信用代码</th>
                  <th scope="col">抽查结果</th>
                  <th scope="col">抽查任务</th>
                  <th scope="col">检查结束日</th>
                  <th scope="col">公示时间</th>
                </tr>
              </thead>
              <tbody>
                ${results.map(
                  (r) =>
                    html`<tr>
                      <th scope="row">${r.objectName}</th>
                      <td>${r.uscc}</td>
                      <td>${r.resultLabel}${r.caseNumber ? html`<br />案号：${r.caseNumber}` : ''}</td>
                      <td><a href="/public/inspection/tasks/${r.taskId}">${r.taskName}</a></td>
                      <td>${formatDate(r.endDate)}</td>
                      <td>${formatDateTime(r.publishedAt)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }`,
  );
}
