import type { Logger } from '@sanxiang/shared';
import * as oidc from 'openid-client';

export const CONSOLE_CLIENT_ID = 'sanxiang-console';
export const CONSOLE_SCOPES = 'openid profile offline_access';
/** Where the provider sends the browser after signing out (registered as a post-logout URI). */
export const SIGNED_OUT_PATH = '/auth/signed-out';

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
  /** The unit's id in the directory (what the services authorise by). */
  unit: string | null;
  /** The unit's name, from the ID token's `unit_name` (for the header). */
  unitName: string | null;
  roles: string[];
}

export interface TTokenSet {
  accessToken: string;
  refreshToken: string | null;
  idToken: string | null;
  /** `unit_name` of the ID token, when it had one. */
  unitName?: string | null;
  /** Epoch ms; the console refreshes a little before. */
  expiresAt: number;
}

/**
 * The OpenID Connect relying party (openid-client v6, ESM-only; Node ≥ 20.19 loads it from
 * CommonJS): authorization code with PKCE, refresh, RP-initiated logout. Discovery happens at each
 * sign-in (and on first use otherwise); the other calls reuse the last one.
 */
export function createOidcClient(settings: TOidcSettings) {
  let configuration: Promise<oidc.Configuration> | undefined;
  const redirectUri = `${settings.consoleUrl}/auth/callback`;
  // `fresh`: discover again (each sign-in does, so an unreachable provider is told to the person
  // at once, on the console's own page, instead of the browser failing at the provider's address).
  const config = (fresh = false) => {
    if (fresh) configuration = undefined;
    configuration ??= oidc
      .discovery(new URL(settings.issuer), CONSOLE_CLIENT_ID, settings.clientSecret, undefined, {
        timeout: 5,
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
      const url = oidc.buildAuthorizationUrl(await config(true), {
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
      if (!c.serverMetadata().end_session_endpoint) return `${settings.consoleUrl}${SIGNED_OUT_PATH}`;
      return oidc.buildEndSessionUrl(c, {
        post_logout_redirect_uri: `${settings.consoleUrl}${SIGNED_OUT_PATH}`,
        ...(idToken ? { id_token_hint: idToken } : {}),
      }).href;
    },
  };
}
export type TOidcClient = ReturnType<typeof createOidcClient>;

function tokenSetOf(
  tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers,
  previousRefresh?: string,
): TTokenSet {
  const unitName = tokens.claims()?.unit_name;
  return {
    ...(typeof unitName === 'string' ? { unitName } : {}),
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? previousRefresh ?? null,
    idToken: tokens.id_token ?? null,
    expiresAt: Date.now() + (tokens.expires_in ?? 300) * 1000,
  };
}

/**
 * The signed-in person: `sub`, `name`, `unit` and `roles` from the access token (what the services
 * act on), the unit's name from the ID token (or, after a refresh without one, as before).
 */
export function userOfTokens(tokens: TTokenSet, previous?: TSessionUser): TSessionUser {
  const user = userOfAccessToken(tokens.accessToken);
  const unitName = tokens.unitName ?? (previous?.unit === user.unit ? previous?.unitName : null) ?? null;
  return { ...user, unitName };
}

/** Who the access token says the person is (`sub`, `name`, `unit`, `roles`); not a verification. */
export function userOfAccessToken(accessToken: string): Omit<TSessionUser, 'unitName'> {
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
