import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AppError } from '../errors';
import { type TPrincipal, ZTokenClaims } from './principal';

export interface TAuthSettings {
  AUTH_JWT_SECRET?: string | undefined;
  AUTH_JWKS_URL?: string | undefined;
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
}

export type TVerifyToken = (token: string) => Promise<TPrincipal>;

/** Bound on remembered tokens; the oldest is forgotten first. */
const MAX_CACHED_TOKENS = 10_000;

/**
 * Verify bearer JWTs: HS256 with a shared secret locally, or the identity provider's JWKS.
 * When both are configured, the secret covers the worker's machine tokens and the JWKS covers people.
 */
export function createTokenVerifier(settings: TAuthSettings): TVerifyToken {
  const secret = settings.AUTH_JWT_SECRET ? new TextEncoder().encode(settings.AUTH_JWT_SECRET) : undefined;
  const jwks: JWTVerifyGetKey | undefined = settings.AUTH_JWKS_URL
    ? createRemoteJWKSet(new URL(settings.AUTH_JWKS_URL))
    : undefined;
  const options = { issuer: settings.AUTH_ISSUER, audience: settings.AUTH_AUDIENCE };
  // A staff UI sends the same token with every request; verifying its signature each time was the
  // largest fixed cost of a request. Verified tokens are remembered until they expire.
  const verified = new Map<string, { principal: TPrincipal; expiresAt: number }>();

  return async (token) => {
    const hit = verified.get(token);
    if (hit && hit.expiresAt > Date.now()) return hit.principal;
    if (hit) verified.delete(token);
    let payload: unknown;
    try {
      if (secret && (!jwks || headerAlg(token) === 'HS256')) {
        payload = (await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] })).payload;
      } else if (jwks) {
        payload = (await jwtVerify(token, jwks, options)).payload;
      } else {
        throw new Error('no verification key configured');
      }
    } catch {
      throw new AppError('unauthenticated', '访问令牌无效或已过期');
    }
    const claims = ZTokenClaims.safeParse(payload);
    if (!claims.success)
      throw new AppError('unauthenticated', '访问令牌缺少必要的身份信息 (sub, name, roles)');
    const { sub, name, roles, cert } = claims.data;
    const principal: TPrincipal = { id: sub, name, roles, ...(cert ? { certificateNumber: cert } : {}) };
    const exp = (payload as { exp?: unknown }).exp;
    if (typeof exp === 'number') {
      if (verified.size >= MAX_CACHED_TOKENS) verified.delete(verified.keys().next().value as string);
      verified.set(token, { principal, expiresAt: exp * 1000 });
    }
    return principal;
  };
}

function headerAlg(token: string): string | undefined {
  try {
    const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as {
      alg?: string;
    };
    return header.alg;
  } catch {
    return undefined;
  }
}
