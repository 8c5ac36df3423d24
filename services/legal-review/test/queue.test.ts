import request from 'supertest';
import {
  intake,
  intakeBody,
  startTestService,
  uniqueCaseNumber,
  users,
  type TTestService,
  type TUser,
} from './support';

describe('the review queue and the overdue list', () => {
  let svc: TTestService;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    svc = await startTestService();
    // Received on successive days: due dates ascend in the same order.
    for (const [i, name] of ['a', 'b', 'c', 'd', 'e'].entries()) {
      svc.clock.set(new Date(Date.UTC(2026, 2, 2 + i, 2)));
      ids[name] = await intake(svc, intakeBody(uniqueCaseNumber()));
    }
    const head = await svc.as(users.head);
    for (const name of ['b', 'd']) {
      await request(svc.app)
        .put(`/reviews/${ids[name]}/assignment`)
        .set(head)
        .send({ reviewerId: users.reviewerA.id, reviewerName: users.reviewerA.name })
        .expect(200);
    }
    svc.clock.set(new Date('2026-03-06T03:00:00Z'));
    await request(svc.app)
      .post(`/reviews/${ids.e}/material-requests`)
      .set(head)
      .send({ missing: ['evidence'], dueDate: '2026-03-10' })
      .expect(201);
  });
  afterAll(async () => {
    await svc?.close();
  });

  const list = async (query: string, user: TUser = users.reviewerB) =>
    request(svc.app)
      .get(`/reviews?${query}`)
      .set(await svc.as(user));

  it('sorts by due date and pages with a cursor', async () => {
    const first = await list('limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: { id: string }) => i.id)).toEqual([ids.a, ids.b]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list(`limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((i: { id: string }) => i.id)).toEqual([ids.c, ids.d]);
    const third = await list(`limit=2&cursor=${second.body.nextCursor}`);
    expect(third.body.items.map((i: { id: string }) => i.id)).toEqual([ids.e]);
    expect(third.body.nextCursor).toBeNull();
    const dues = [...first.body.items, ...second.body.items].map((i: { dueAt: string }) => i.dueAt);
    expect([...dues].sort()).toEqual(dues);
  });

  it('filters by status, assignee, case number and due date', async () => {
    expect((await list('status=inReview')).body.items.map((i: { id: string }) => i.id)).toEqual([
      ids.b,
      ids.d,
    ]);
    expect(
      (await list('status=pending,awaitingMaterials')).body.items.map((i: { id: string }) => i.id),
    ).toEqual([ids.a, ids.c, ids.e]);
    expect((await list(`assigneeId=${users.reviewerA.id}&status=inReview`)).body.items).toHaveLength(2);
    expect((await list('unassigned=true')).body.items.map((i: { id: string }) => i.id)).toEqual([
      ids.a,
      ids.c,
      ids.e,
    ]);
    const c = (await list('limit=5')).body.items[2];
    expect(
      (await list(`caseNumber=${encodeURIComponent(c.caseNumber)}`)).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).toEqual([ids.c]);
    // a: received Mon 2 Mar → due 16 Mar; b: 3 Mar → 17 Mar; c: 4 Mar → 18 Mar.
    expect(
      (await list('dueFrom=2026-03-17&dueTo=2026-03-18')).body.items.map((i: { id: string }) => i.id),
    ).toEqual([ids.b, ids.c]);
    const paused = (await list('status=awaitingMaterials')).body.items[0];
    expect(paused).toMatchObject({ id: ids.e, clock: 'paused', materialsDueAt: '2026-03-10T16:00:00.000Z' });
  });

  it('shows overdue and due-soon reviews at the workflow instants', async () => {
    // 12 Mar 09:00 Beijing: a's reminder (2 working days before 16 Mar) has come, nothing is overdue.
    svc.clock.set(new Date('2026-03-12T01:00:00Z'));
    const soon = await request(svc.app)
      .get('/reviews/overdue')
      .set(await svc.as(users.head));
    expect(soon.body.items.map((i: { id: string; attention: string }) => [i.id, i.attention])).toEqual([
      [ids.e, 'materialsLate'],
      [ids.a, 'dueSoon'],
    ]);
    expect((await list('overdue=true')).body.items).toEqual([]);
    // As a person reads it: due Mon 16 Mar, two working days left (13, 16 Mar), reminded.
    expect(soon.body.items[1]).toMatchObject({
      dueDateText: '2026年3月16日',
      workingDaysLeft: 2,
      levelText: '提醒',
      provisionalText: null,
    });

    // Just after the end of 16 Mar in Shanghai: a is overdue; b and c (due 17, 18 Mar) are due soon.
    svc.clock.set(new Date('2026-03-16T16:00:01Z'));
    expect((await list('overdue=true')).body.items.map((i: { id: string }) => i.id)).toEqual([ids.a]);
    const overdue = await request(svc.app)
      .get('/reviews/overdue?limit=2')
      .set(await svc.as(users.head));
    expect(overdue.body.items.map((i: { id: string; attention: string }) => [i.id, i.attention])).toEqual([
      [ids.e, 'materialsLate'],
      [ids.a, 'overdue'],
    ]);
    expect(overdue.body.items[1]).toMatchObject({ workingDaysLeft: -1, levelText: '已超期' });
    const more = await request(svc.app)
      .get(`/reviews/overdue?limit=2&cursor=${overdue.body.nextCursor}`)
      .set(await svc.as(users.head));
    expect(more.body.items.map((i: { id: string; attention: string }) => [i.id, i.attention])).toEqual([
      [ids.b, 'dueSoon'],
      [ids.c, 'dueSoon'],
    ]);
    expect(
      (await list('overdue=false&status=pending,inReview')).body.items.map((i: { id: string }) => i.id),
    ).toEqual([ids.b, ids.c, ids.d]);
  });

  it('answers bad filters with 400 naming the field, and only the office may list', async () => {
    const bad = await list('status=done&dueFrom=16-03-2026&limit=0&overdue=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'query.dueFrom',
      'query.limit',
      'query.overdue',
      'query.status.0',
    ]);
    const cursor = await list('cursor=bm90LWEtY3Vyc29y');
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors).toEqual([
      { path: 'query.cursor', message: '翻页位置：不是本列表给出的，请从第一页重新查询' },
    ]);
    expect((await list('', users.handler)).status).toBe(403);
    expect((await list('', users.discloser)).status).toBe(403);
    expect((await request(svc.app).get('/reviews')).status).toBe(401);
  });

  it('documents every route in the OpenAPI document with its roles', async () => {
    const doc = (await request(svc.app).get('/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/internal/reviews',
        '/reviews',
        '/reviews/overdue',
        '/reviews/{reviewId}/opinion',
        '/spot-checks',
      ]),
    );
    expect(doc.paths['/reviews/{reviewId}/opinion'].post.description).toBe('角色：法制审核人员');
  });
});
