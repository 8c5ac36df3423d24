/**
 * `npm start` runs this once the directory service is up (before the case demo): it loads the
 * demo directory (directory-demo-data.ts) through the directory's admin API — idempotent PUTs, so
 * a second run changes nothing. print-demo-accounts.ts lists the accounts.
 *
 *   source .local/dev/env.sh && npx tsx scripts/demo/load-directory-demo.ts
 */
import { signToken } from '@sanxiang/shared';
import { demoAgency, demoCategory, demoPeople, demoUnits } from './directory-demo-data';
import { demoPhotoBody } from './support/demo-photo';

/** Load the demo directory through the admin API of the directory at `baseUrl` (idempotent). */
export async function loadDirectoryDemo(
  baseUrl: string,
  auth: { secret: string; issuer: string; audience: string },
): Promise<{ created: number; found: number }> {
  const token = await signToken({
    ...auth,
    subject: 'demo-admin-xuhang',
    name: '徐航',
    roles: ['admin'],
    expiresIn: '10m',
  });
  let created = 0;
  let found = 0;
  const put = async (path: string, body: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status === 201) created += 1;
    else if (res.status === 200) found += 1;
    else throw new Error(`PUT ${path} → ${res.status}: ${await res.text()}`);
  };

  await put(`/agencies/${demoAgency.id}`, { name: demoAgency.name });
  for (const unit of demoUnits)
    await put(`/units/${unit.id}`, {
      agencyId: demoAgency.id,
      code: unit.id,
      name: unit.name,
      kind: unit.kind,
    });
  for (const [i, person] of demoPeople.entries()) {
    await put(`/people/${person.id}`, {
      login: person.login,
      name: person.name,
      unitId: person.unitId,
      post: person.post,
      roles: person.roles,
      email: `${person.login}@rsj.changzhou.example.cn`,
      phone: '0519-85680000',
    });
    const c = person.certificate;
    if (!c) continue;
    await put(`/certificates/${c.number}`, {
      personId: person.id,
      categories: [demoCategory],
      areas: c.areas,
      validFrom: c.validFrom,
      validTo: c.validTo,
    });
    if (c.status) await put(`/certificates/${c.number}/status`, c.status);
    // 执法人员照片 (004 §4(2)): a drawn picture for every certified demo officer.
    await put(`/people/${person.id}/photo`, demoPhotoBody(i));
  }
  for (const unit of demoUnits)
    await put(`/units/${unit.id}/leadership`, { headId: unit.headId, deputyIds: unit.deputyIds });
  return { created, found };
}

async function main(): Promise<void> {
  const secret = process.env.AUTH_JWT_SECRET;
  if (!secret) throw new Error('AUTH_JWT_SECRET is not set: run `source .local/dev/env.sh` first');
  const { created, found } = await loadDirectoryDemo(
    process.env.SERVICE_URL_DIRECTORY ?? 'http://127.0.0.1:3004',
    {
      secret,
      issuer: process.env.AUTH_ISSUER ?? 'sanxiang-local',
      audience: process.env.AUTH_AUDIENCE ?? 'sanxiang',
    },
  );
  console.log(`Directory demo: ${created} created, ${found} unchanged (the accounts are listed at the end).`);
}

if (require.main === module)
  main().catch((err: unknown) => {
    console.error(`\n✗ Directory demo not loaded: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
