import { bearer } from '@sanxiang/testing';

/** 执法类别 and 执法区域 the test cases use; the seeded certificates cover them. */
export const testEnforcementScope = { enforcementCategory: '劳动保障监察', enforcementArea: '常州市' };

export interface TSeedPerson {
  id: string;
  name: string;
  roles: string[];
  /** Gets a certificate valid 2024–2029 for the test scope when present. */
  certificateNumber?: string;
  /**
   * Default `test-unit` (the enforcement unit); `test-unit-b` is another enforcement unit (for
   * authorisation by unit), `test-fazhi` the legal-review office, `test-gongshi` the 公示 office.
   */
  unitId?: string;
}

/** Names of the seeded units, as a case's 执法承办机构 names them. */
export const testUnitNames = {
  'test-unit': '测试监察支队',
  'test-unit-b': '测试监察二大队',
  'test-fazhi': '测试政策法规处',
  'test-gongshi': '测试办公室（政务公开）',
} as const;

/**
 * Registers people (and their certificates) in a running directory service through its admin API,
 * idempotently: one agency and one enforcement unit. For tests that open cases, which the recording
 * service refuses unless the officers' certificates check out.
 */
export async function seedDirectory(baseUrl: string, people: TSeedPerson[]): Promise<void> {
  const authorization = await bearer({ id: 'test-admin', name: '测试管理员', roles: ['admin'] });
  const put = async (path: string, body: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method: 'PUT',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 200 && res.status !== 201)
      throw new Error(`seed directory: PUT ${path} → ${res.status} ${await res.text()}`);
  };
  await put('/agencies/test-agency', { name: '测试人社局' });
  await put('/units/test-unit', {
    agencyId: 'test-agency',
    code: 'test-unit',
    name: testUnitNames['test-unit'],
    kind: 'enforcement',
  });
  await put('/units/test-unit-b', {
    agencyId: 'test-agency',
    code: 'test-unit-b',
    name: testUnitNames['test-unit-b'],
    kind: 'enforcement',
  });
  await put('/units/test-fazhi', {
    agencyId: 'test-agency',
    code: 'test-fazhi',
    name: testUnitNames['test-fazhi'],
    kind: 'legalReview',
  });
  await put('/units/test-gongshi', {
    agencyId: 'test-agency',
    code: 'test-gongshi',
    name: testUnitNames['test-gongshi'],
    kind: 'disclosure',
  });
  // The machine identity (role system) is no person of the directory.
  const persons = people.filter((p) => p.roles.some((r) => r !== 'system'));
  for (const [i, person] of persons.entries()) {
    await put(`/people/${encodeURIComponent(person.id)}`, {
      login: `test-${i}-${person.id.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 64),
      name: person.name,
      unitId: person.unitId ?? 'test-unit',
      post: '科员',
      roles: person.roles.filter((r) => r !== 'system'),
    });
    if (person.certificateNumber)
      await put(`/certificates/${person.certificateNumber}`, {
        personId: person.id,
        categories: [testEnforcementScope.enforcementCategory],
        areas: [testEnforcementScope.enforcementArea],
        validFrom: '2024-01-01',
        validTo: '2029-12-31',
      });
  }
}
