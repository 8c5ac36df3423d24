import type { TDirectoryPerson } from '@sanxiang/shared/src/contracts';

/** The audience (`aud`) of access tokens: the sanxiang services. */
export const API_AUDIENCE = 'sanxiang';
/** The resource indicator (RFC 8707) that stands for them; requests without `resource` get it. */
export const API_RESOURCE = 'urn:sanxiang';

/**
 * The claims sanxiang's services read (packages/shared/src/auth/principal.ts): name, unit, roles.
 * `sub` is the directory person id.
 */
export function accessTokenClaims(person: TDirectoryPerson) {
  return { name: person.name, unit: person.unitId, roles: person.roles };
}

/** Claims for the ID token and userinfo, by scope (`profile`, `email`). */
export function profileClaims(person: TDirectoryPerson) {
  return {
    sub: person.id,
    name: person.name,
    preferred_username: person.login,
    unit: person.unitId,
    unit_name: person.unitName,
    roles: person.roles,
    ...(person.email ? { email: person.email } : {}),
  };
}

/** Only active people with at least one role may sign in. */
export function maySignIn(person: TDirectoryPerson | undefined): person is TDirectoryPerson {
  return !!person && person.active && person.roles.length > 0 && !person.roles.includes('system');
}
