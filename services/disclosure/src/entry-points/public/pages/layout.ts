import { html, type SafeHtml } from '../html';

export interface TLayoutOptions {
  title: string;
  /** Which top navigation item is current. */
  current?: 'search' | 'catalogue' | 'personnel' | 'inspection' | 'reports' | 'corrections';
  description?: string;
}

/** The site's identity a government portal shows in its footer (from PUBLIC_SITE_* configuration). */
export interface TSiteIdentity {
  sponsor?: string | undefined; // 主办单位
  contact?: string | undefined; // 联系方式
  icp?: string | undefined; // ICP 备案号
  siteCode?: string | undefined; // 网站标识码
}

let siteIdentity: TSiteIdentity = {};

/** Set once when the app is built (createApp); every page's footer shows it. */
export function configureSiteIdentity(identity: TSiteIdentity): void {
  siteIdentity = { ...identity };
}

function siteFooter(identity: TSiteIdentity): SafeHtml {
  const lines: SafeHtml[] = [];
  if (identity.sponsor) lines.push(html`<li>主办单位：${identity.sponsor}</li>`);
  if (identity.contact) lines.push(html`<li>联系方式：${identity.contact}</li>`);
  if (identity.icp)
    lines.push(
      html`<li>
        <a href="https://beian.miit.gov.cn/" rel="noopener noreferrer">${identity.icp}</a>
      </li>`,
    );
  if (identity.siteCode) lines.push(html`<li>网站标识码：${identity.siteCode}</li>`);
  return lines.length > 0
    ? html`<ul class="site-identity">
        ${lines}
      </ul>`
    : html``;
}

const nav: { key: NonNullable<TLayoutOptions['current']>; href: string; label: string }[] = [
  { key: 'search', href: '/public', label: '执法决定公示' },
  { key: 'catalogue', href: '/public/catalogue', label: '事前公开' },
  { key: 'personnel', href: '/public/personnel', label: '执法人员清单' },
  { key: 'inspection', href: '/public/inspection', label: '双随机、一公开' },
  { key: 'reports', href: '/public/reports', label: '抽查结果、名单与年报' },
  { key: 'corrections', href: '/public/corrections/new', label: '申请更正' },
];

/**
 * Every public page: lang="zh-CN", a skip link, banner / navigation / main / contentinfo landmarks,
 * one stylesheet, no script (everything works without JavaScript).
 */
export function layout(
  options: TLayoutOptions,
  body: SafeHtml,
  identity: TSiteIdentity = siteIdentity,
): string {
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} - 行政执法信息公示平台</title>
        ${options.description ? html`<meta name="description" content="${options.description}" />` : ''}
        <link rel="stylesheet" href="/public/assets/site.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">跳到主要内容</a>
        <header class="site-header">
          <p class="site-name"><a href="/public">行政执法信息公示平台</a></p>
          <nav aria-label="主导航">
            <ul>
              ${nav.map(
                (n) =>
                  html`<li>
                    <a href="${n.href}" ${n.key === options.current ? html` aria-current="page"` : ''}
                      >${n.label}</a
                    >
                  </li>`,
              )}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">${body}</main>
        <footer class="site-footer">
          <p>
            依据《行政执法公示办法》公开。公示信息不准确的，可<a href="/public/corrections/new">申请更正</a>。
          </p>
          ${siteFooter(identity)}
        </footer>
      </body>
    </html> `.value;
}
