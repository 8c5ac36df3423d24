import { html, SafeHtml } from '@sanxiang/shared';

/** Plain server-rendered pages of the provider: no script, one inline style, Simplified Chinese. */
function page(title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · 三项制度 统一身份认证（本地开发）</title>
        <style>
          body {
            font-family: system-ui, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif;
            background: #f3f5f8;
            color: #1f2933;
            margin: 0;
          }
          main {
            max-width: 26rem;
            margin: 4rem auto;
            background: #fff;
            padding: 2rem 2.25rem;
            border-radius: 8px;
            box-shadow: 0 1px 4px rgba(0, 0, 0, 0.12);
          }
          h1 {
            font-size: 1.4rem;
            margin: 0 0 0.25rem;
          }
          .sub {
            color: #52606d;
            margin: 0 0 1.5rem;
          }
          label {
            display: block;
            font-weight: 600;
            margin: 1rem 0 0.35rem;
          }
          input[type='text'],
          input[type='password'] {
            width: 100%;
            box-sizing: border-box;
            font-size: 1rem;
            padding: 0.6rem 0.7rem;
            border: 1px solid #7b8794;
            border-radius: 4px;
          }
          input:focus,
          button:focus,
          a:focus {
            outline: 3px solid #2563eb;
            outline-offset: 2px;
          }
          button {
            margin-top: 1.5rem;
            width: 100%;
            font-size: 1.05rem;
            padding: 0.7rem;
            background: #1d4ed8;
            color: #fff;
            border: 0;
            border-radius: 4px;
            cursor: pointer;
          }
          .error {
            background: #fdecec;
            color: #8a1c1c;
            border: 1px solid #f5b5b5;
            padding: 0.6rem 0.8rem;
            border-radius: 4px;
          }
          .note {
            color: #52606d;
            font-size: 0.9rem;
            margin-top: 1.5rem;
            border-top: 1px solid #e4e7eb;
            padding-top: 1rem;
          }
          .cancel {
            display: block;
            text-align: center;
            margin-top: 1rem;
            color: #1d4ed8;
          }
        </style>
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html>`.toString();
}

export interface TLoginPageInput {
  uid: string;
  clientName: string;
  login?: string;
  error?: string;
}

/** The sign-in form of an authorization request (interaction `uid`). */
export function loginPage(input: TLoginPageInput): string {
  return page(
    '工作人员登录',
    html`<h1>工作人员登录</h1>
      <p class="sub">登录后进入：${input.clientName}</p>
      ${input.error ? html`<p class="error" role="alert" id="login-error">${input.error}</p>` : ''}
      <form method="post" action="/interaction/${input.uid}/login" novalidate>
        <label for="login">登录名</label>
        <input
          type="text"
          id="login"
          name="login"
          autocomplete="username"
          required
          autofocus
          value="${input.login ?? ''}"
          ${input.error ? html` aria-describedby="login-error" aria-invalid="true"` : ''}
        />
        <label for="password">密码</label>
        <input type="password" id="password" name="password" autocomplete="current-password" required />
        <button type="submit">登录</button>
      </form>
      <a class="cancel" href="/interaction/${input.uid}/abort">取消登录</a>
      <p class="note">
        这是本地开发用的身份认证服务，仅供开发和测试使用。演示账号及其共同密码见
        <code>npm start</code> 的输出；正式部署时改用本机关的政务统一身份认证。
      </p>`,
  );
}

export function logoutPage(form: string): string {
  // `form` is the provider's own hidden form (with its CSRF value); we only add the buttons.
  return page(
    '退出登录',
    html`<h1>退出登录</h1>
      <p class="sub">确定要退出三项制度系统吗？</p>
      ${htmlRaw(form)}
      <button type="submit" form="op.logoutForm" name="logout" value="yes">退出登录</button>
      <button type="submit" form="op.logoutForm" style="background:#52606d">保持登录</button>`,
  );
}

export function loggedOutPage(): string {
  return page(
    '已退出',
    html`<h1>已退出登录</h1>
      <p class="sub">您已安全退出。可以关闭此页面。</p>`,
  );
}

export function errorPage(code: string, description?: string): string {
  return page(
    '登录出错',
    html`<h1>登录出错</h1>
      <p class="error" role="alert">${description ?? '登录请求无效或已过期，请从工作台重新登录。'}</p>
      <p class="note">错误代码：<code>${code}</code></p>`,
  );
}

/** The provider's own markup, trusted as it is. */
function htmlRaw(value: string): SafeHtml {
  return new SafeHtml(value);
}
