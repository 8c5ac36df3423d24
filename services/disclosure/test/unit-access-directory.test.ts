/**
 * Disclosure by unit when the directory is unreachable, and the audit of refused reads (issue #16,
 * docs/authorization.md): a caller outside the case's unit needs the directory (is their unit the
 * 公示 office or the leadership?); while it cannot be asked the answer is 503 with Retry-After and a
 * Chinese message, never 500 and never a guess. Whoever is refused (404: out of reach or missing)
 * is written into the audit trail with who, roles, unit, what and why, like recording's reads.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyAuditChain } from '@sanxiang/shared';
import { bearer } from '@sanxiang/testing';
import { api, createHarness, draftRequest, type THarness } from './support/harness';

const caseUnit = 'unit-case';
const otherUnit = 'unit-other';
const outsider = {
  id: 'u-other-discloser',
  name: '外单位公示员',
  roles: ['discloser' as const],
  unitId: otherUnit,
};
const caseDiscloser = {
  id: 'u-case-discloser',
  name: '本单位公示员',
  roles: ['discloser' as const],
  unitId: caseUnit,
};

let h: THarness;
let closed: string;

beforeAll(async () => {
  // A port that was just listening and is closed again: nothing answers there.
  const probe = await new Promise<Server>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => resolve(s));
  });
  closed = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise((r) => probe.close(r));
  h = await createHarness({ config: { SERVICE_URL_DIRECTORY: closed } });
});
afterAll(async () => h?.close());

async function draftOfCaseUnit(): Promise<string> {
  const created = await api(h)
    .post('/internal/disclosures')
    .set('authorization', h.auth.system)
    .send({ ...draftRequest(), unitId: caseUnit });
  expect(created.status).toBe(201);
  return created.body.disclosureId as string;
}

it('answers 503 with Retry-After, not 500, while the directory is unreachable', async () => {
  const id = await draftOfCaseUnit();
  const token = await bearer(outsider);
  const read = await api(h).get(`/disclosures/${id}`).set('authorization', token);
  expect(read.status).toBe(503);
  expect(read.headers['content-type']).toMatch(/application\/problem\+json/u);
  expect(read.headers['retry-after']).toBeDefined();
  expect(read.body.detail).toMatch(/人员目录暂不可用/u);
  const list = await api(h).get('/disclosures').set('authorization', token);
  expect(list.status).toBe(503);
  // The case's own unit needs no directory: it still reads.
  const own = await api(h)
    .get(`/disclosures/${id}`)
    .set('authorization', await bearer(caseDiscloser));
  expect(own.status).toBe(200);
});

it("audits refused reads: out of the caller's reach, and missing records", async () => {
  const directory = { unitIdsOfKind: async () => [] as string[] };
  const reachable = await createHarness({ extra: { directoryUnits: directory } });
  try {
    const created = await api(reachable)
      .post('/internal/disclosures')
      .set('authorization', reachable.auth.system)
      .send({ ...draftRequest(), unitId: caseUnit });
    const record = created.body.disclosureId as string;
    const token = await bearer(outsider);
    const refused = await api(reachable).get(`/disclosures/${record}`).set('authorization', token);
    expect(refused.status).toBe(404);
    const missing = randomUUID();
    expect((await api(reachable).get(`/disclosures/${missing}`).set('authorization', token)).status).toBe(
      404,
    );
    const events = await reachable.db.auditEvent.findMany({
      where: { action: 'disclosure.readRefused' },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => [e.subject, e.actorId, (e.details as { reason: string }).reason])).toEqual([
      [`disclosure:${record}`, outsider.id, 'outsideUnit'],
      [`disclosure:${missing}`, outsider.id, 'notFound'],
    ]);
    expect(events[0]!.details).toMatchObject({
      what: 'read',
      roles: ['discloser'],
      unitId: otherUnit,
      recordUnitId: caseUnit,
    });
    expect((await verifyAuditChain(reachable.db)).ok).toBe(true);
  } finally {
    await reachable.close();
  }
});
