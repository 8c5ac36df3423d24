import { html } from '@sanxiang/shared';

/**
 * The few pages the console server renders itself (before the app can run): sign-in failures,
 * the identity provider unreachable, signed out. Simplified Chinese, no script, one inline style.
 */
export function messagePage(input: {
  title: string;
  message: string;
  action?: { href: string; label: string };
}): string {
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${input.title} · 执法工作台</title>
        <style>
          body {
            font-family: system-ui, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif;
            background: #f3f5f8;
            color: #1f2933;
            margin: 0;
          }
          main {
            max-width: 32rem;
            margin: 4rem auto;
            background: #fff;
            padding: 2rem 2.25rem;
            border-radius: 8px;
            box-shadow: 0 1px 4px rgba(0, 0, 0, 0.12);
          }
          h1 {
            font-size: 1.4rem;
            margin: 0 0 1rem;
          }
          a {
            display: inline-block;
            margin-top: 1rem;
            padding: 0.55rem 1.2rem;
            background: #0958d9;
            color: #fff;
            border-radius: 4px;
            text-decoration: none;
          }
          a:focus {
            outline: 3px solid #1d4ed8;
            outline-offset: 2px;
          }
        </style>
      </head>
      <body>
        <main>
          <h1>${input.title}</h1>
          <p role="alert">${input.message}</p>
          ${input.action ? html`<a href="${input.action.href}">${input.action.label}</a>` : ''}
        </main>
      </body>
    </html>`.toString();
}
