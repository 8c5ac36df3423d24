import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from '@sanxiang/shared';
import express, { type Request, type Response, type Router } from 'express';
import type { Provider } from 'oidc-provider';
import { z } from 'zod';
import { DirectoryUnavailableError, type TDirectoryAccounts } from '../data-access/directory-accounts';
import type { TLoginRateLimit } from '../domain/login-rate-limit';
import { maySignIn } from '../domain/staff-claims';
import { errorPage, loginPage } from './pages';

const ZLoginForm = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * The provider's interactions: the login page (demo accounts of the directory, one demo password),
 * and the consent step, granted at once for sanxiang's own client.
 */
export function interactionRoutes(deps: {
  provider: Provider;
  accounts: TDirectoryAccounts;
  demoPassword: string;
  logger: Logger;
  /** Failed sign-ins per login name and per peer address (429 with Retry-After past the limit). */
  loginLimit: TLoginRateLimit;
  /**
   * Where the login form may end up: the provider itself and the console's callback. Browsers apply
   * a page's `form-action` to every redirect after its POST, so the console's origin must be listed.
   */
  redirectOrigins: string[];
}): Router {
  const { provider, accounts, logger } = deps;
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '4kb' });
  const demoPasswordHash = sha256(deps.demoPassword);
  const formAction = ["'self'", ...deps.redirectOrigins].join(' ');

  const html = (res: Response, status: number, body: string) =>
    res
      .status(status)
      .type('html')
      .set({ 'cache-control': 'no-store', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' })
      .set(
        'content-security-policy',
        `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}`,
      )
      .send(body);

  const details = async (req: Request, res: Response) => {
    try {
      return await provider.interactionDetails(req, res);
    } catch {
      html(res, 400, errorPage('invalid_request', '登录页面已过期，请从工作台重新登录。'));
      return undefined;
    }
  };

  router.get('/interaction/:uid', async (req, res) => {
    const interaction = await details(req, res);
    if (!interaction) return;
    const client = await provider.Client.find(String(interaction.params.client_id));
    if (interaction.prompt.name === 'login') {
      html(res, 200, loginPage({ uid: interaction.uid, clientName: client?.clientName ?? '三项制度' }));
      return;
    }
    // consent: every client here is sanxiang's own, so what it asks for is granted.
    const { prompt, params, session, grantId } = interaction;
    const grant = grantId
      ? await provider.Grant.find(grantId)
      : new provider.Grant({ accountId: session!.accountId, clientId: String(params.client_id) });
    if (!grant) return html(res, 400, errorPage('invalid_request', '授权已失效，请重新登录。'));
    const missing = prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
      grant.addResourceScope(resource, scopes.join(' '));
    }
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
  });

  router.post('/interaction/:uid/login', form, async (req, res) => {
    const interaction = await details(req, res);
    if (!interaction) return;
    const client = await provider.Client.find(String(interaction.params.client_id));
    const clientName = client?.clientName ?? '三项制度';
    const parsed = ZLoginForm.safeParse(req.body);
    const login = typeof req.body?.login === 'string' ? req.body.login.trim().slice(0, 64) : '';
    if (!parsed.success) {
      return html(
        res,
        400,
        loginPage({ uid: interaction.uid, clientName, login, error: '请填写登录名和密码。' }),
      );
    }
    // req.ip is the peer address unless HTTP_TRUST_PROXY names the proxy in front.
    const peer = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const attempt = await deps.loginLimit.attempt(parsed.data.login, peer);
    if (!attempt.allowed) {
      logger.warn({ login: parsed.data.login, peer, limitedBy: attempt.limitedBy }, 'sign-in rate-limited');
      const minutes = Math.ceil(attempt.retryAfter / 60);
      res.set('retry-after', String(attempt.retryAfter));
      return html(
        res,
        429,
        loginPage({
          uid: interaction.uid,
          clientName,
          login,
          error: `登录失败次数过多，请 ${minutes} 分钟后再试。`,
        }),
      );
    }
    let person;
    try {
      person = await accounts.byLogin(parsed.data.login);
    } catch (err) {
      if (!(err instanceof DirectoryUnavailableError)) throw err;
      await attempt.discount();
      logger.error({ err: err.message }, 'sign-in: directory unavailable');
      return html(
        res,
        503,
        loginPage({ uid: interaction.uid, clientName, login, error: '人员目录暂时无法访问，请稍后再试。' }),
      );
    }
    const passwordOk = timingSafeEqual(sha256(parsed.data.password), demoPasswordHash);
    if (!passwordOk || !maySignIn(person)) {
      logger.info({ login: parsed.data.login }, 'sign-in refused');
      return html(
        res,
        401,
        loginPage({ uid: interaction.uid, clientName, login, error: '登录名或密码不正确，或账号已停用。' }),
      );
    }
    await attempt.succeeded();
    logger.info({ login: person.login, sub: person.id }, 'signed in');
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: person.id } },
      { mergeWithLastSubmission: false },
    );
  });

  router.get('/interaction/:uid/abort', async (req, res) => {
    const interaction = await details(req, res);
    if (!interaction) return;
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: '用户取消了登录' },
      { mergeWithLastSubmission: false },
    );
  });

  return router;
}
