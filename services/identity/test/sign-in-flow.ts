import * as oidc from 'openid-client';
import { CLIENT_SECRET, CONSOLE_URL } from './support';

/** A cookie jar and manual redirects: the browser's part of the authorization-code flow over HTTP. */
export class HttpBrowser {
  private readonly cookies = new Map<string, string>();

  /** @param headers sent with every request (e.g. a forged `X-Forwarded-For`). */
  constructor(private readonly headers: Record<string, string> = {}) {}

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        ...this.headers,
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const location = res.headers.get('location');
    return { res, location: location ? new URL(location, url).href : undefined, body: await res.text() };
  }

  /** Follow redirects until one leaves `origin` (the callback) or a page is shown. */
  async follow(url: string): Promise<{ url: string; body: string; status: number }> {
    let current = url;
    for (let i = 0; i < 10; i += 1) {
      if (!current.startsWith(new URL(url).origin)) return { url: current, body: '', status: 302 };
      const { res, location, body } = await this.request(current);
      if (!location) return { url: current, body, status: res.status };
      current = location;
    }
    throw new Error(`too many redirects from ${url}`);
  }
}

/** The console's side (openid-client, code + PKCE), exactly as the staff console signs people in. */
export async function consoleClient(issuer: string) {
  const config = await oidc.discovery(new URL(issuer), 'sanxiang-console', CLIENT_SECRET, undefined, {
    execute: [oidc.allowInsecureRequests],
  });
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const authorizationUrl = oidc.buildAuthorizationUrl(config, {
    redirect_uri: `${CONSOLE_URL}/auth/callback`,
    scope: 'openid profile offline_access',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  }).href;
  return {
    config,
    authorizationUrl,
    finish: (callbackUrl: string) =>
      oidc.authorizationCodeGrant(config, new URL(callbackUrl), {
        pkceCodeVerifier: codeVerifier,
        expectedState: state,
        expectedNonce: nonce,
        idTokenExpected: true,
      }),
  };
}

/** Sign in at the provider with login and password; returns the console's callback URL. */
export async function signInOverHttp(
  browser: HttpBrowser,
  authorizationUrl: string,
  login: string,
  password: string,
) {
  const loginPage = await browser.follow(authorizationUrl);
  const action = /action="([^"]+)"/.exec(loginPage.body)?.[1];
  if (!action)
    throw new Error(`no login form at ${loginPage.url}: ${loginPage.status} ${loginPage.body.slice(0, 300)}`);
  const posted = await browser.request(new URL(action, loginPage.url).href, {
    method: 'POST',
    form: { login, password },
  });
  if (!posted.location)
    return {
      callbackUrl: undefined,
      status: posted.res.status,
      body: posted.body,
      retryAfter: posted.res.headers.get('retry-after') ?? undefined,
    };
  const end = await browser.follow(posted.location);
  return {
    callbackUrl: end.url.startsWith(CONSOLE_URL) ? end.url : undefined,
    status: end.status,
    body: end.body,
    retryAfter: undefined,
  };
}
