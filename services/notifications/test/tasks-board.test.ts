import type { TClockEvent } from '@sanxiang/shared/src/contracts';
import request from 'supertest';
import {
  newMarker,
  officeHead,
  reviewer,
  reviewStep,
  startTestService,
  type TTestService,
  users,
} from './support';

describe('tasks read model: 我的待办 and the 督办看板, fed by clock events and notifications', () => {
  let svc: TTestService;
  beforeAll(async () => {
    svc = await startTestService(new Date('2026-03-17T02:00:00Z'));
  });
  afterAll(async () => {
    await svc?.close();
  });

  const system = () => svc.as(users.system);
  const event = (type: TClockEvent['type'], marker: string, dueDate: string, at: string): TClockEvent => {
    const step = reviewStep(marker, 0, [reviewer(marker)]);
    return {
      type,
      clock: { ...step.clock, dueDate, dueAt: new Date(`${dueDate}T23:59:59.999+08:00`).toISOString() },
      at,
      assigneeIds: [users.reviewer.id],
    };
  };

  it('lists the overdue review under 法制审核 / 已超期 with the right counts, and in the people’s tasks', async () => {
    const overdue = newMarker();
    const running = newMarker();
    const stopped = newMarker();
    for (const [marker, dueDate] of [
      [running, '2026-03-20'],
      [stopped, '2026-03-19'],
    ] as const) {
      const res = await request(svc.app)
        .post('/internal/clock-events')
        .set(await system())
        .send(event('started', marker, dueDate, '2026-03-06T02:00:00.000Z'));
      expect(res.status).toBe(204);
    }
    await request(svc.app)
      .post('/internal/clock-events')
      .set(await system())
      .send(event('stopped', stopped, '2026-03-19', '2026-03-10T02:00:00.000Z'));
    // A late duplicate of the start changes nothing: the clock stays stopped.
    await request(svc.app)
      .post('/internal/clock-events')
      .set(await system())
      .send(event('started', stopped, '2026-03-19', '2026-03-06T02:00:00.000Z'));
    // The overdue one: its escalation reached the reviewer and the office head.
    const notified = await request(svc.app)
      .post('/internal/notifications')
      .set(await system())
      .send(reviewStep(overdue, 1, [reviewer(overdue), officeHead(overdue)]));
    expect(notified.status).toBe(200);

    const boardRes = await request(svc.app)
      .get('/board')
      .set(await svc.as(users.officeHead));
    expect(boardRes.status).toBe(200);
    const board = boardRes.body;
    expect(board.total).toBe(2);
    expect(board.overdue).toBe(1);
    expect(board.byKind).toEqual([{ kind: 'legalReview', kindLabel: '法制审核', running: 2, overdue: 1 }]);
    expect(board.groups).toEqual([
      expect.objectContaining({
        kindLabel: '法制审核',
        unitName: '法制审核科',
        stateLabel: '已超期',
        count: 1,
      }),
      expect.objectContaining({
        kindLabel: '法制审核',
        unitName: '法制审核科',
        stateLabel: '进行中',
        count: 1,
      }),
    ]);
    expect(board.rows[0]).toMatchObject({
      caseNumber: `常人社监察〔2026〕${overdue}号`,
      link: `/cases/${encodeURIComponent(`常人社监察〔2026〕${overdue}号`)}`,
      stateLabel: '已超期',
      workingDaysText: '已超期 1 个工作日',
    });
    const filtered = await request(svc.app)
      .get('/board?overdue=true')
      .set(await svc.as(users.officeHead));
    expect(filtered.body.total).toBe(1);
    expect(
      (
        await request(svc.app)
          .get('/board')
          .set(await svc.as(users.officer))
      ).status,
    ).toBe(403);

    // 我的待办 of the reviewer: both open reviews, most urgent first, one per page.
    const first = await request(svc.app)
      .get('/tasks/mine?limit=1')
      .set(await svc.as(users.reviewer));
    expect(first.status).toBe(200);
    expect(first.body.items.map((t: { caseNumber: string }) => t.caseNumber)).toEqual([
      `常人社监察〔2026〕${overdue}号`,
    ]);
    expect(first.body.items[0].role).toBe('assignee');
    const second = await request(svc.app)
      .get(`/tasks/mine?limit=1&cursor=${first.body.nextCursor}`)
      .set(await svc.as(users.reviewer));
    expect(second.body.items.map((t: { caseNumber: string }) => t.caseNumber)).toEqual([
      `常人社监察〔2026〕${running}号`,
    ]);
    expect(second.body.items[0]).toMatchObject({ stateLabel: '进行中', workingDaysText: '还剩 3 个工作日' });
    expect(second.body.nextCursor).toBeNull();
    // The office head supervises the overdue one.
    const head = await request(svc.app)
      .get('/tasks/mine')
      .set(await svc.as(users.officeHead));
    expect(head.body.items).toEqual([expect.objectContaining({ role: 'supervisor', stateLabel: '已超期' })]);
    const bad = await request(svc.app)
      .get('/tasks/mine?cursor=nonsense')
      .set(await svc.as(users.reviewer));
    expect(bad.status).toBe(400);
  });
});
