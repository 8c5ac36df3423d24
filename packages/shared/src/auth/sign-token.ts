import { SignJWT } from 'jose';
import type { TRole } from '../domain/roles';
import { MACHINE_TOKEN_USE } from './principal';

export interface THs256Settings {
  secret: string;
  issuer: string;
  audience: string;
}

export interface TSignTokenInput extends THs256Settings {
  subject: string;
  name: string;
  /** A person's roles; `system` is refused here (machine tokens come from `signMachineToken`). */
  roles: TRole[];
  /** The person's unit (directory unit id), claim `unit`. */
  unitId?: string;
  certificateNumber?: string;
  /** Lifetime, e.g. '8h', '5m'; must stay within the verifiers' AUTH_MAX_TOKEN_AGE. */
  expiresIn?: string;
}

/** Issue a person's HS256 development token (scripts, tests, `npm run token`). */
export async function signToken(input: TSignTokenInput): Promise<string> {
  if (input.roles.includes('system')) {
    throw new Error('the system role is only for machine tokens: use signMachineToken');
  }
  return sign(input, {
    name: input.name,
    roles: input.roles,
    ...(input.unitId ? { unit: input.unitId } : {}),
    ...(input.certificateNumber ? { cert: input.certificateNumber } : {}),
  });
}

/** Issue a machine token (role `system`, `token_use: machine`) for service-to-service calls. */
export async function signMachineToken(
  input: THs256Settings & { subject: string; name: string; expiresIn?: string },
): Promise<string> {
  return sign(
    { ...input, expiresIn: input.expiresIn ?? '10m' },
    { name: input.name, roles: ['system'], token_use: MACHINE_TOKEN_USE },
  );
}

function sign(
  input: THs256Settings & { subject: string; expiresIn?: string },
  claims: Record<string, unknown>,
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(input.subject)
    .setIssuer(input.issuer)
    .setAudience(input.audience)
    .setIssuedAt()
    .setExpirationTime(input.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(input.secret));
}

/** A cached machine token for service-to-service calls, renewed before it expires. */
export function systemTokenSource(settings: THs256Settings & { subject?: string; name?: string }) {
  let cached: { token: string; renewAt: number } | undefined;
  return async (): Promise<string> => {
    if (cached && Date.now() < cached.renewAt) return cached.token;
    const token = await signMachineToken({
      secret: settings.secret,
      issuer: settings.issuer,
      audience: settings.audience,
      subject: settings.subject ?? 'system:worker',
      name: settings.name ?? '流程引擎',
      expiresIn: '10m',
    });
    cached = { token, renewAt: Date.now() + 5 * 60_000 };
    return token;
  };
}
