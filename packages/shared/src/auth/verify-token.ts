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

  return async (token) => {
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
    return { id: sub, name, roles, ...(cert ? { certificateNumber: cert } : {}) };
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
