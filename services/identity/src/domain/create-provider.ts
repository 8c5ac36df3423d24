import type { Logger } from '@sanxiang/shared';
import type { JWK } from 'jose';
import {
  Provider,
  errors,
  type AdapterConstructor,
  type Configuration,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import type { TDirectoryAccounts } from '../data-access/directory-accounts';
import { errorPage, logoutPage, loggedOutPage } from '../entry-points/pages';
import { API_AUDIENCE, API_RESOURCE, accessTokenClaims, maySignIn, profileClaims } from './staff-claims';

export const CONSOLE_CLIENT_ID = 'sanxiang-console';

export interface TProviderSettings {
  issuer: string;
  consoleUrl: string;
  consoleClientSecret: string;
  signingKey: JWK;
  cookieSecret: string;
  accessTokenTtl: number;
  accounts: TDirectoryAccounts;
  /** Where sessions, grants, codes and refresh tokens live (PostgreSQL: data-access/oidc-adapter.ts). */
  adapter: AdapterConstructor;
  logger: Logger;
}

/**
 * The local OpenID provider (the certified `oidc-provider`): authorization code with PKCE (S256,
 * required), refresh tokens, RP-initiated logout; JWT access tokens for the sanxiang services
 * (audience `sanxiang`) carrying name, unit and roles from the directory. Sessions, codes, grants and
 * refresh tokens live in the provider's PostgreSQL database (`settings.adapter`): a restart of the
 * provider signs nobody out, and several instances share them.
 */
export function createProvider(settings: TProviderSettings): Provider {
  const base = settings.consoleUrl.replace(/\/+$/, '');
  const configuration: Configuration = {
    adapter: settings.adapter,
    clients: [
      {
        client_id: CONSOLE_CLIENT_ID,
        client_name: '三项制度执法工作台',
        client_secret: settings.consoleClientSecret,
        redirect_uris: [`${base}/auth/callback`],
        post_logout_redirect_uris: [`${base}/auth/signed-out`, `${base}/`],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username', 'unit', 'unit_name', 'roles'],
      email: ['email'],
    },
    async findAccount(_ctx, id) {
      const person = await settings.accounts.byId(id);
      if (!maySignIn(person)) return undefined;
      return { accountId: person.id, claims: async () => profileClaims(person) };
    },
    async extraTokenClaims(_ctx, token) {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      // Read at every issue (sign-in and refresh): a changed role or unit applies at the next refresh.
      const person = await settings.accounts.byId(token.accountId);
      if (!maySignIn(person)) throw new errors.InvalidGrant('账号已停用');
      return accessTokenClaims(person);
    },
    // A first-party client: the console gets a refresh token without an extra consent prompt.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== API_RESOURCE) throw new errors.InvalidTarget(`未知的资源 ${resource}`);
          return {
            scope: 'api',
            audience: API_AUDIENCE,
            accessTokenFormat: 'jwt',
            accessTokenTTL: settings.accessTokenTtl,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = loggedOutPage();
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    jwks: { keys: [settings.signingKey as never] },
    cookies: { keys: [settings.cookieSecret] },
    ttl: {
      AccessToken: settings.accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 900,
      Grant: 8 * 3600,
      Session: 8 * 3600,
      RefreshToken: 8 * 3600,
    },
    renderError: async (ctx: KoaContextWithOIDC, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(out.error ?? 'error', out.error_description);
    },
  };
  const provider = new Provider(settings.issuer, configuration);
  provider.on('server_error', (_ctx, err) => settings.logger.error({ err }, 'oidc server error'));
  provider.on('grant.error', (_ctx, err) => settings.logger.warn({ err: err.message }, 'oidc grant refused'));
  return provider;
}
