import { api, createHarness, draftRequest, publishDecision, type THarness } from './support/harness';

// D6.9 selectivePublication — 004 §18 and 003 五「对不按要求公示、选择性公示、更新维护不及时等问题，
// 责令改正」, 000 §19: every decision the case system pushed here is set against what became of it,
// so a unit that publishes some decisions and leaves others unpublished past their due date without
// an approved non-publication is found and shown to the heads. Real PostgreSQL.

let h: THarness;
beforeAll(async () => {
  h = await createHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const past = '2026-11-11T15:59:59.999Z';
const future = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
/** The handling unit as recording names it (set afterwards: the harness's staff have no unit). */
const inUnit = async (id: string, unitId: string) => {
  await h.db.disclosure.update({ where: { id }, data: { unitId } });
  return id;
};
const draft = async (unitId: string, dueAt: string) => {
  const res = await api(h)
    .post('/internal/disclosures')
    .set('authorization', h.auth.system)
    .send(draftRequest({ dueAt }));
  expect(res.status).toBe(201);
  return inUnit(res.body.disclosureId as string, unitId);
};

describe('selectivePublication (004 §18, 003 五, 000 §19)', () => {
  it('sets each decision of the year against its publication and flags a unit that published selectively', async () => {
    const lateId = await inUnit(await publishDecision(h, draftRequest({ dueAt: past })), 'unit-a');
    const onTimeId = await inUnit(await publishDecision(h, draftRequest({ dueAt: future() })), 'unit-a');
    const leftOutId = await draft('unit-a', past);
    await draft('unit-a', future()); // still within its 7 working days
    const exemptId = await draft('unit-b', past);
    await h.db.disclosure.update({
      where: { id: exemptId },
      data: { status: 'exempt', reviewStage: null, exemptionReason: 'tradeSecret', exemptedAt: new Date() },
    });
    const revokedId = await draft('unit-b', past);
    await h.db.disclosure.update({
      where: { id: revokedId },
      data: { status: 'withdrawn', reviewStage: null, withdrawnAt: new Date() },
    });
    const neverId = await draft('unit-b', '2026-11-10T15:59:59.999Z');

    const res = await api(h)
      .get('/publication-completeness')
      .query({ year: 2026 })
      .set('authorization', h.auth.reviewer);
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({
      decided: 7,
      publishedOnTime: 1,
      publishedLate: 1,
      exempt: 1,
      revokedBeforePublication: 1,
      pending: 1,
      overdue: 2,
    });
    const unit = (id: string) => res.body.byUnit.find((u: { unitId: string }) => u.unitId === id);
    expect(unit('unit-a')).toMatchObject({ decided: 4, overdue: 1, publishedOnTime: 1, selective: true });
    // Unit b published nothing: not selective, but its overdue decision is a finding all the same,
    // and its exemption is counted by ground.
    expect(unit('unit-b')).toMatchObject({
      decided: 3,
      overdue: 1,
      exempt: 1,
      exemptByReason: { tradeSecret: 1 },
      selective: false,
    });
    expect(res.body.selective).toBe(true);
    // Findings, earliest due first: the two never published, then the late one.
    expect(res.body.findings.map((f: { id: string; outcome: string }) => [f.id, f.outcome])).toEqual([
      [neverId, 'overdue'],
      [leftOutId, 'overdue'],
      [lateId, 'publishedLate'],
    ]);
    expect(res.body.findings[0].outcomeLabel).toBe('逾期未公开');
    expect(res.body.findings.map((f: { id: string }) => f.id)).not.toContain(onTimeId);
    expect(res.body.summary).toBe(
      '2026年作出执法决定 7 件：已公开 2 件（其中逾期 1 件），经批准不予公开 1 件，公开前被撤销 1 件，尚在期限内 1 件，逾期未公开 2 件；有单位公开了部分决定而其余逾期未公开，属选择性公示，应责令改正。',
    );

    // Another year has none; officers and the public do not reach the report.
    const other = await api(h)
      .get('/publication-completeness')
      .query({ year: 2025 })
      .set('authorization', h.auth.head);
    expect(other.body).toMatchObject({
      totals: { decided: 0 },
      selective: false,
      summary: '2025年尚无执法决定。',
    });
    expect(
      (await api(h).get('/publication-completeness?year=2026').set('authorization', h.auth.officer)).status,
    ).toBe(403);
    expect((await api(h).get('/publication-completeness?year=2026')).status).toBe(401);
  });
});
