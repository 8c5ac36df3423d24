import type { JWTPayload } from 'jose';

/** Our claim → the identity provider's claim (a dotted path into the token's payload). */
export type TClaimMap = Record<'name' | 'unit' | 'roles' | 'cert', string>;

const DEFAULTS: TClaimMap = { name: 'name', unit: 'unit', roles: 'roles', cert: 'cert' };

/**
 * Parse AUTH_CLAIM_MAP (`name=display_name,unit=org.id,roles=realm_access.roles`): where an agency's
 * identity provider puts the claims sanxiang reads. Unnamed claims keep their own names. A roles
 * claim may be an array or a space- or comma-separated string.
 */
export function parseClaimMap(spec: string | undefined) {
  const map: TClaimMap = { ...DEFAULTS };
  for (const pair of (spec ?? '').split(',').filter((p) => p.trim())) {
    const [ours, theirs] = pair.split('=').map((s) => s.trim());
    if (!ours || !theirs || !(ours in DEFAULTS)) {
      throw new Error(`AUTH_CLAIM_MAP: "${pair}" should be one of name|unit|roles|cert=<claim path>`);
    }
    map[ours as keyof TClaimMap] = theirs;
  }
  return {
    map,
    /** The payload with name, unit, roles and cert read from their mapped places. */
    read(payload: JWTPayload): Record<string, unknown> {
      const roles = at(payload, map.roles);
      return {
        sub: payload.sub,
        name: at(payload, map.name),
        unit: stringOrUndefined(at(payload, map.unit)),
        roles: typeof roles === 'string' ? roles.split(/[\s,]+/).filter(Boolean) : roles,
        cert: stringOrUndefined(at(payload, map.cert)),
      };
    },
  };
}

function at(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function stringOrUndefined(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
