import { SignJWT } from 'jose';
import type { TRole } from '../domain/roles';

export interface TSignTokenInput {
  secret: string;
  issuer: string;
  audience: string;
  subject: string;
  name: string;
  roles: TRole[];
  certificateNumber?: string;
  /** Lifetime, e.g. '8h', '5m'. */
  expiresIn?: string;
}

/** Issue an HS256 token: development tokens for people, short-lived machine tokens for the worker. */
export async function signToken(input: TSignTokenInput): Promise<string> {
  return new SignJWT({
    name: input.name,
    roles: input.roles,
    ...(input.certificateNumber ? { cert: input.certificateNumber } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(input.subject)
    .setIssuer(input.issuer)
    .setAudience(input.audience)
    .setIssuedAt()
    .setExpirationTime(input.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(input.secret));
}

/** A cached machine token for service-to-service calls, renewed before it expires. */
export function systemTokenSource(settings: { secret: string; issuer: string; audience: string }) {
  let cached: { token: string; renewAt: number } | undefined;
  return async (): Promise<string> => {
    if (cached && Date.now() < cached.renewAt) return cached.token;
    const token = await signToken({
      ...settings,
      subject: 'system:worker',
      name: '流程引擎',
      roles: ['system'],
      expiresIn: '10m',
    });
    cached = { token, renewAt: Date.now() + 5 * 60_000 };
    return token;
  };
}
