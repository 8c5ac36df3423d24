import type { Logger } from '@sanxiang/shared';
import * as oidc from 'openid-client';

export const CONSOLE_CLIENT_ID = 'sanxiang-console';
export const CONSOLE_SCOPES = 'openid profile offline_access';

export interface TOidcSettings {
  issuer: string;
  clientSecret: string;
  consoleUrl: string;
  logger: Logger;
}

/** The signed-in person as the console keeps it (from the access token's claims). */
export interface TSessionUser {
  id: string;
  name: string;
  unit: string | null;
  roles: string[];
}

export interface TTokenSet {
  accessToken: string;
  refreshToken: string | null;
  idToken: string | null;
  /** Epoch ms; the console refreshes a little before. */
  expiresAt: number;
}

/**
 * The OpenID Connect relying party (openid-client v6, ESM-only; Node ≥ 20.19 loads it from
 * CommonJS): authorization code with PKCE, refresh, RP-initiated logout. Discovery happens on first
 * use and is retried on the next request if the provider was not up yet.
 */
export function createOidcClient(settings: TOidcSettings) {
  let configuration: Promise<oidc.Configuration> | undefined;
  const redirectUri = `${settings.consoleUrl}/auth/callback`;
  const config = () => {
    configuration ??= oidc
      .discovery(new URL(settings.issuer), CONSOLE_CLIENT_ID, settings.clientSecret, undefined, {
        // The local provider speaks plain HTTP on the loopback interface.
        ...(settings.issuer.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : {}),
      })
      .catch((err: unknown) => {
        configuration = undefined;
        settings.logger.warn({ err }, 'OIDC discovery failed');
        throw err;
      });
    return configuration;
  };

  return {
    async startLogin() {
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(await config(), {
        redirect_uri: redirectUri,
        scope: CONSOLE_SCOPES,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, codeVerifier, state, nonce };
    },

    async finishLogin(callbackUrl: URL, expected: { codeVerifier: string; state: string; nonce: string }) {
      const tokens = await oidc.authorizationCodeGrant(await config(), callbackUrl, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
      return tokenSetOf(tokens);
    },

    async refresh(refreshToken: string): Promise<TTokenSet> {
      const tokens = await oidc.refreshTokenGrant(await config(), refreshToken);
      return tokenSetOf(tokens, refreshToken);
    },

    async logoutUrl(idToken: string | null): Promise<string> {
      const c = await config();
      if (!c.serverMetadata().end_session_endpoint) return `${settings.consoleUrl}/`;
      return oidc.buildEndSessionUrl(c, {
        post_logout_redirect_uri: `${settings.consoleUrl}/`,
        ...(idToken ? { id_token_hint: idToken } : {}),
      }).href;
    },
  };
}
export type TOidcClient = ReturnType<typeof createOidcClient>;

function tokenSetOf(tokens: oidc.TokenEndpointResponse, previousRefresh?: string): TTokenSet {
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? previousRefresh ?? null,
    idToken: tokens.id_token ?? null,
    expiresAt: Date.now() + (tokens.expires_in ?? 300) * 1000,
  };
}

/** Who the access token says the person is (`sub`, `name`, `unit`, `roles`); not a verification. */
export function userOfAccessToken(accessToken: string): TSessionUser {
  const payload = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
    sub?: string;
    name?: string;
    unit?: string;
    roles?: unknown;
  };
  if (!payload.sub || !payload.name) throw new Error('access token has no sub or name');
  return {
    id: payload.sub,
    name: payload.name,
    unit: typeof payload.unit === 'string' ? payload.unit : null,
    roles: Array.isArray(payload.roles)
      ? payload.roles.filter((r): r is string => typeof r === 'string')
      : [],
  };
}
