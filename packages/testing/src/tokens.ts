import { signToken, type TRole } from '@sanxiang/shared';
import { testStack } from './test-stack';

export interface TTestUser {
  id: string;
  name: string;
  roles: TRole[];
  certificateNumber?: string;
}

/** A bearer header value for a test user, signed like the local development tokens. */
export async function bearer(user: TTestUser): Promise<string> {
  const token = await signToken({
    secret: testStack().authSecret,
    issuer: process.env.AUTH_ISSUER ?? 'sanxiang-local',
    audience: process.env.AUTH_AUDIENCE ?? 'sanxiang',
    subject: user.id,
    name: user.name,
    roles: user.roles,
    ...(user.certificateNumber ? { certificateNumber: user.certificateNumber } : {}),
    expiresIn: '1h',
  });
  return `Bearer ${token}`;
}

/** Config values every service app needs in tests, pointing at the test stack. */
export function testAuthConfig() {
  return {
    AUTH_JWT_SECRET: testStack().authSecret,
    AUTH_JWKS_URL: undefined,
    AUTH_ISSUER: process.env.AUTH_ISSUER ?? 'sanxiang-local',
    AUTH_AUDIENCE: process.env.AUTH_AUDIENCE ?? 'sanxiang',
  };
}
