import { html } from '../html';
import { layout } from './layout';

const titles: Record<number, string> = {
  400: '检索条件不正确',
  404: '未找到',
  410: '已撤下',
  429: '请求过于频繁',
  500: '服务暂时不可用',
};

export function renderErrorPage(status: number, message: string, details: string[] = []): string {
  const title = titles[status] ?? '出错了';
  return layout(
    { title },
    html`<h1>${title}</h1>
      <div class="notice" role="alert">
        <p>${message}</p>
        ${
          details.length > 0
            ? html`<ul>
                ${details.map((d) => html`<li>${d}</li>`)}
              </ul>`
            : ''
        }
      </div>
      <p><a href="/public">返回公示检索</a></p>`,
  );
}
