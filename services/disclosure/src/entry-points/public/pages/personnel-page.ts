import { formatDate, formatDateTime } from '@sanxiang/shared';
import type { TPublicPersonnelList } from '@sanxiang/shared/src/contracts';
import { html } from '../html';
import { layout } from './layout';

/**
 * 执法人员清单 (002 3 规范事中公示): everyone holding a valid enforcement certificate at this moment,
 * generated from the staff directory — an expired, suspended or revoked certificate is not listed —
 * with the person's photo as the directory holds it (004 §4(2) 姓名、照片及执法证件) and post (职务,
 * 000 §5, 001 二(一)2(5)).
 */
export function renderPersonnelPage(list: TPublicPersonnelList): string {
  return layout(
    {
      title: '执法人员清单',
      current: 'personnel',
      description:
        '持有效行政执法证件的执法人员：姓名、职务、工作单位、执法证件编号、执法类别、执法区域和有效期',
    },
    html`<h1>执法人员清单</h1>
      <p class="lead">
        ${list.agencyName ?? '本机关'}持有效行政执法证件、可以从事行政执法活动的人员。清单由人员目录按执法证的有效期和状态自动生成：执法证到期、暂扣或注销后即不再列出。
      </p>
      <p class="meta">截至 ${formatDateTime(list.asOf)}，共 ${String(list.entries.length)} 人</p>
      ${
        list.entries.length === 0
          ? html`<p>暂无。</p>`
          : html`<table>
              <caption>
                执法人员名单
              </caption>
              <thead>
                <tr>
                  <th scope="col">照片</th>
                  <th scope="col">姓名</th>
                  <th scope="col">职务</th>
                  <th scope="col">工作单位</th>
                  <th scope="col">执法证件编号</th>
                  <th scope="col">执法类别</th>
                  <th scope="col">执法区域</th>
                  <th scope="col">有效期至</th>
                </tr>
              </thead>
              <tbody>
                ${list.entries.map(
                  (e) =>
                    html`<tr>
                      <td>
                        ${
                          e.personId && e.photoSha256
                            ? html`<img
                                class="officer-photo"
                                src="/public/personnel/${encodeURIComponent(e.personId)}/photo?v=${e.photoSha256}"
                                alt="${e.name}的照片"
                                width="60"
                                height="80"
                              />`
                            : html`<span class="muted">暂无照片</span>`
                        }
                      </td>
                      <th scope="row">${e.name}</th>
                      <td>${e.post ?? ''}</td>
                      <td>${e.unitName}</td>
                      <td>${e.certificateNumber}</td>
                      <td>${e.categories.join('、')}</td>
                      <td>${e.areas.join('、')}</td>
                      <td>${formatDate(e.validTo)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }`,
  );
}
