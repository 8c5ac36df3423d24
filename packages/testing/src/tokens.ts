import { signMachineToken, signToken, type TRole } from '@sanxiang/shared';
import { testStack } from './test-stack';

export interface TTestUser {
  id: string;
  name: string;
  roles: TRole[];
  unitId?: string;
  certificateNumber?: string;
}

/** A bearer header value for a test user, signed like the local development tokens. */
/** A user whose roles are exactly `system` gets a machine token, as the worker signs them. */
export async function bearer(user: TTestUser): Promise<string> {
  const settings = {
    secret: testStack().authSecret,
    issuer: process.env.AUTH_ISSUER ?? 'sanxiang-local',
    audience: process.env.AUTH_AUDIENCE ?? 'sanxiang',
    subject: user.id,
    name: user.name,
    expiresIn: '1h',
  };
  const token =
    user.roles.length === 1 && user.roles[0] === 'system'
      ? await signMachineToken(settings)
      : await signToken({
          ...settings,
          roles: user.roles,
          ...(user.unitId ? { unitId: user.unitId } : {}),
          ...(user.certificateNumber ? { certificateNumber: user.certificateNumber } : {}),
        });
  return `Bearer ${token}`;
}

/** Config values every service app needs in tests, pointing at the test stack. */
export function testAuthConfig() {
  return {
    AUTH_JWT_SECRET: testStack().authSecret,
    AUTH_JWKS_URL: undefined,
    AUTH_JWKS_ISSUER: undefined,
    AUTH_MAX_TOKEN_AGE: 43_200,
    AUTH_CLAIM_MAP: undefined,
    AUTH_ISSUER: process.env.AUTH_ISSUER ?? 'sanxiang-local',
    AUTH_AUDIENCE: process.env.AUTH_AUDIENCE ?? 'sanxiang',
  };
}
