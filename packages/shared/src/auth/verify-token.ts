import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { AppError } from '../errors';
import { parseClaimMap } from './claim-map';
import { MACHINE_TOKEN_USE, type TPrincipal, ZTokenClaims } from './principal';

export interface TAuthSettings {
  /** HS256: development tokens of people and the worker's machine tokens, issuer AUTH_ISSUER. */
  AUTH_JWT_SECRET?: string | undefined;
  /** The identity provider's JWKS: people's tokens, issuer AUTH_JWKS_ISSUER. */
  AUTH_JWKS_URL?: string | undefined;
  AUTH_JWKS_ISSUER?: string | undefined;
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
  /** Seconds a token may live (exp − iat) and be old (now − iat); default 12 h. */
  AUTH_MAX_TOKEN_AGE?: number | undefined;
  /** Where the provider's tokens carry name, unit, roles and cert, e.g. `roles=realm_access.roles`. */
  AUTH_CLAIM_MAP?: string | undefined;
}

export type TVerifyToken = (token: string) => Promise<TPrincipal>;

/** Bound on remembered tokens; the oldest is forgotten first. */
const MAX_CACHED_TOKENS = 10_000;
const DEFAULT_MAX_TOKEN_AGE = 12 * 3600;
/** Algorithms accepted from the identity provider's JWKS; never `none`, never a shared secret. */
const PROVIDER_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'];

type TTokenKind = 'machine' | 'development' | 'provider';

/**
 * Verify bearer JWTs. Two sources are accepted side by side, told apart by the header's `alg`:
 * HS256 tokens signed with AUTH_JWT_SECRET (issuer AUTH_ISSUER: development tokens of people and the
 * worker's machine tokens) and the identity provider's asymmetric tokens from AUTH_JWKS_URL (issuer
 * AUTH_JWKS_ISSUER). Every token needs `exp` and `iat` and may live at most AUTH_MAX_TOKEN_AGE.
 * The `system` role is accepted only from a machine token (`token_use: machine`, HS256).
 */
export function createTokenVerifier(settings: TAuthSettings): TVerifyToken {
  const secret = settings.AUTH_JWT_SECRET ? new TextEncoder().encode(settings.AUTH_JWT_SECRET) : undefined;
  if (settings.AUTH_JWKS_URL && !settings.AUTH_JWKS_ISSUER) {
    throw new Error('AUTH_JWKS_ISSUER must be set together with AUTH_JWKS_URL');
  }
  const jwks: JWTVerifyGetKey | undefined = settings.AUTH_JWKS_URL
    ? createRemoteJWKSet(new URL(settings.AUTH_JWKS_URL))
    : undefined;
  const maxAge = settings.AUTH_MAX_TOKEN_AGE ?? DEFAULT_MAX_TOKEN_AGE;
  const claimMap = parseClaimMap(settings.AUTH_CLAIM_MAP);
  const common = {
    audience: settings.AUTH_AUDIENCE,
    requiredClaims: ['exp', 'iat', 'sub'],
    maxTokenAge: maxAge,
  };
  // A staff UI sends the same token with every request; verifying its signature each time was the
  // largest fixed cost of a request. Verified tokens are remembered until they expire.
  const verified = new Map<string, { principal: TPrincipal; expiresAt: number }>();

  async function verify(token: string): Promise<{ payload: JWTPayload; kind: TTokenKind }> {
    const alg = headerAlg(token);
    if (alg === 'HS256' && secret) {
      const { payload } = await jwtVerify(token, secret, {
        ...common,
        issuer: settings.AUTH_ISSUER,
        algorithms: ['HS256'],
      });
      return { payload, kind: payload.token_use === MACHINE_TOKEN_USE ? 'machine' : 'development' };
    }
    if (alg && PROVIDER_ALGORITHMS.includes(alg) && jwks) {
      const { payload } = await jwtVerify(token, jwks, {
        ...common,
        issuer: settings.AUTH_JWKS_ISSUER!,
        algorithms: PROVIDER_ALGORITHMS,
      });
      return { payload, kind: 'provider' };
    }
    throw new Error(`no key for alg ${alg ?? '(unreadable)'}`);
  }

  return async (token) => {
    const hit = verified.get(token);
    if (hit && hit.expiresAt > Date.now()) return hit.principal;
    if (hit) verified.delete(token);
    let result: { payload: JWTPayload; kind: TTokenKind };
    try {
      result = await verify(token);
    } catch {
      throw new AppError('unauthenticated', '访问令牌无效或已过期');
    }
    const { payload, kind } = result;
    const exp = payload.exp!;
    const iat = payload.iat!;
    if (exp - iat > maxAge) {
      throw new AppError('unauthenticated', `访问令牌有效期过长 (最长 ${maxAge} 秒)`);
    }
    const claims = ZTokenClaims.safeParse(kind === 'provider' ? claimMap.read(payload) : payload);
    if (!claims.success)
      throw new AppError('unauthenticated', '访问令牌缺少必要的身份信息（用户标识、姓名、角色）');
    const { sub, name, unit, roles, cert } = claims.data;
    if (roles.includes('system') && kind !== 'machine') {
      throw new AppError('unauthenticated', '访问令牌无效：系统服务角色只属于机器令牌');
    }
    if (kind === 'machine' && roles.some((r) => r !== 'system')) {
      throw new AppError('unauthenticated', '访问令牌无效：机器令牌只能带系统服务角色');
    }
    if (kind === 'provider' && !unit) {
      throw new AppError('unauthenticated', '访问令牌缺少必要的身份信息（所属机构）');
    }
    const principal: TPrincipal = {
      id: sub,
      name,
      roles,
      ...(unit ? { unitId: unit } : {}),
      ...(cert ? { certificateNumber: cert } : {}),
    };
    if (verified.size >= MAX_CACHED_TOKENS) verified.delete(verified.keys().next().value as string);
    verified.set(token, { principal, expiresAt: Math.min(exp, iat + maxAge) * 1000 });
    return principal;
  };
}

function headerAlg(token: string): string | undefined {
  try {
    return decodeProtectedHeader(token).alg;
  } catch {
    return undefined;
  }
}
