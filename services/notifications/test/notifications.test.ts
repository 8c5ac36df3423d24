import { claimOutbox, createLogger, outboxBacklog, outboxRetryDelayMs } from '@sanxiang/shared';
import { ZNotifyResponse, type TNotifyRequest } from '@sanxiang/shared/src/contracts';
import request from 'supertest';
import { asDatabase } from '../src/data-access/prisma-client';
import { createEmailSender } from '../src/domain/deliver-emails';
import {
  eventually,
  mailText,
  mailTo,
  newMarker,
  officeHead,
  reviewer,
  reviewStep,
  startTestService,
  type TTestService,
  users,
} from './support';

describe('notifications: exactly once per (clock, level, person), inbox, e-mail through real SMTP', () => {
  let svc: TTestService;
  let stop: (() => Promise<void> | void) | undefined;
  beforeAll(async () => {
    // 2026-03-17 10:00 Beijing: one working day after the due date 2026-03-16.
    svc = await startTestService(new Date('2026-03-17T02:00:00Z'));
    stop = svc.startBackground();
  });
  afterAll(async () => {
    await stop?.();
    await svc?.close();
  });

  const post = async (body: object) =>
    request(svc.app)
      .post('/internal/notifications')
      .set(await svc.as(users.system))
      .send(body);

  it('puts one item in the reviewer’s inbox and sends one Chinese e-mail, however often the call is repeated', async () => {
    const marker = newMarker();
    const step = reviewStep(marker, 1, [reviewer(marker)]);
    const answers = await Promise.all([post(step), post(step), post(step)]);
    for (const res of answers) expect(res.status).toBe(200);
    const ids = answers.map((res) => ZNotifyResponse.parse(res.body).notifications.map((n) => n.id));
    expect(new Set(ids.flat()).size).toBe(1);
    expect(ZNotifyResponse.parse(answers[0]!.body).notifications[0]!.channels).toEqual(['inbox', 'email']);
    // A later retry (the worker restarted) returns the same row too.
    const again = await post(step);
    expect(ZNotifyResponse.parse(again.body).notifications[0]!.id).toBe(ids[0]![0]);

    const inbox = await request(svc.app)
      .get('/inbox')
      .set(await svc.as(users.reviewer));
    expect(inbox.status).toBe(200);
    const mine = inbox.body.items.filter(
      (i: { caseNumber: string }) => i.caseNumber === step.clock.caseNumber,
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      status: 'unread',
      kindLabel: '法制审核',
      levelLabel: '超期督办',
      link: step.clock.link,
      dueDate: '2026-03-16',
      workingDaysLeft: -1,
      workingDaysText: '已超期 1 个工作日',
    });
    expect(mine[0].title).toBe(
      `【超期督办】法制审核：${step.clock.caseNumber}（拖欠劳动者工资案）已于 2026年3月16日 到期`,
    );

    const messages = await eventually(async () => {
      const found = await mailTo(`reviewer-${marker}@sanxiang.local`);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(messages[0]!.Subject).toBe(mine[0].title);
    const text = await mailText(messages[0]!.ID);
    expect(text).toContain('李审核：');
    expect(text).toContain('截止时间：2026年3月16日 23:59（北京时间，已超期 1 个工作日）');
    expect(text).toContain(`办理入口：http://127.0.0.1:3000${step.clock.link}`);
    await eventually(async () => {
      const item = (
        await request(svc.app)
          .get('/inbox')
          .set(await svc.as(users.reviewer))
      ).body.items.find((i: { id: string }) => i.id === mine[0].id);
      expect(item.email).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    });
    // Nothing more arrives once the outbox is idle.
    expect(await deliverEmailsNow(svc)).toBe(0);
    expect(await mailTo(`reviewer-${marker}@sanxiang.local`)).toHaveLength(1);
  });

  it('marks read and done for the owner only, and refuses other people and missing tokens', async () => {
    const marker = newMarker();
    const res = await post(reviewStep(marker, 0, [reviewer(marker)]));
    const id = ZNotifyResponse.parse(res.body).notifications[0]!.id;
    const other = await request(svc.app)
      .post(`/inbox/${id}/read`)
      .set(await svc.as(users.officer));
    expect(other.status).toBe(404);
    const read = await request(svc.app)
      .post(`/inbox/${id}/read`)
      .set(await svc.as(users.reviewer));
    expect(read.status).toBe(200);
    expect(read.body.status).toBe('read');
    const done = await request(svc.app)
      .post(`/inbox/${id}/done`)
      .set(await svc.as(users.reviewer));
    expect(done.body).toMatchObject({ status: 'done' });
    expect(done.body.doneAt).not.toBeNull();
    expect((await request(svc.app).get('/inbox')).status).toBe(401);
    const asStaff = await request(svc.app)
      .post('/internal/notifications')
      .set(await svc.as(users.reviewer))
      .send(reviewStep(marker, 0, [reviewer(marker)]));
    expect(asStaff.status).toBe(403);
  });

  it('answers 400 in Chinese naming the field for a bad request', async () => {
    const bad = await post({ ...reviewStep(newMarker(), 1, []), level: 3 });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(bad.body)).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('respects a person’s e-mail preference per level, but never silences an escalation to a head', async () => {
    const marker = newMarker();
    const off = await request(svc.app)
      .put('/preferences/me')
      .set(await svc.as(users.officeHead))
      .send({ email: { level0: false, level1: false, level2: true } });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({
      email: { level0: false, level1: false, level2: true },
      headEscalationsAlwaysEmailed: true,
    });
    // As the person doing the work: the preference per level decides.
    const asAssignee = { ...officeHead(marker), audience: 'assignee' as const };
    const channelsOf = async (
      level: 0 | 1 | 2,
      recipient: TNotifyRequest['recipients'][number],
      m = marker,
    ) =>
      ZNotifyResponse.parse((await post(reviewStep(m, level, [recipient]))).body).notifications[0]!.channels;
    expect(await channelsOf(0, asAssignee)).toEqual(['inbox']);
    expect(await channelsOf(1, asAssignee)).toEqual(['inbox']);
    expect(await channelsOf(2, asAssignee)).toEqual(['inbox', 'email']);
    // As the head told of an escalation (another clock): e-mailed at both levels, level 1 switched off or not.
    const other = newMarker();
    expect(await channelsOf(1, officeHead(other), other)).toEqual(['inbox', 'email']);
    expect(await channelsOf(2, officeHead(other), other)).toEqual(['inbox', 'email']);

    const subjects = async (m: string) =>
      (await mailTo(`head-${m}@sanxiang.local`)).map((x) => x.Subject).sort();
    await eventually(async () => {
      expect(await subjects(marker)).toEqual([expect.stringContaining('【二次督办】法制审核')]);
      expect(await subjects(other)).toEqual([
        expect.stringContaining('【二次督办】法制审核'),
        expect.stringContaining('【超期督办】法制审核'),
      ]);
    });
    // The switched-off ones are in the inbox, their e-mail row skipped (and never queued).
    const items = (
      await request(svc.app)
        .get('/inbox')
        .set(await svc.as(users.officeHead))
    ).body.items.filter((i: { caseNumber: string }) => i.caseNumber.includes(marker));
    const states = items.map((i: { level: number; email: { status: string } }) => [i.level, i.email.status]);
    expect(states.sort()).toEqual([
      [0, 'skipped'],
      [1, 'skipped'],
      [2, 'sent'],
    ]);
  });

  it('retries a failed send with the kit outbox’s backoff and shows the state (attempts, last error, failed, dead letter)', async () => {
    const unreachable = await startTestService(new Date('2026-03-17T02:00:00Z'), {
      SMTP_URL: 'smtp://127.0.0.1:9',
      EMAIL_MAX_ATTEMPTS: '3',
    });
    try {
      const marker = newMarker();
      const res = await request(unreachable.app)
        .post('/internal/notifications')
        .set(await unreachable.as(users.system))
        .send(reviewStep(marker, 1, [reviewer(marker)]));
      const id = ZNotifyResponse.parse(res.body).notifications[0]!.id;
      const stopLoop = unreachable.startBackground();
      const outboxRow = async () =>
        (await unreachable.db.outboxMessage.findMany({ where: { subject: `notification:${id}` } }))[0]!;
      try {
        await eventually(async () => {
          const row = await unreachable.db.emailMessage.findUniqueOrThrow({ where: { notificationId: id } });
          // The next attempt waits for the kit's backoff: move the service's clock past it.
          const message = await outboxRow();
          if (row.status === 'pending' && message.nextAttemptAt > unreachable.clock.now())
            unreachable.clock.set(new Date(message.nextAttemptAt.getTime() + 1));
          expect(row.status).toBe('failed');
          expect(row.attempts).toBe(3);
          expect(row.lastError).toMatch(/ECONNREFUSED|connect/);
        });
      } finally {
        await stopLoop();
      }
      // One outbox message, still queued: the kit's backoff after the 3rd failure (20 s), and it is
      // listed as a dead letter with its error.
      const message = await outboxRow();
      expect(message).toMatchObject({ kind: 'email', attempts: 3, deliveredAt: null });
      expect(message.nextAttemptAt.getTime() - unreachable.clock.now().getTime()).toBe(outboxRetryDelayMs(3));
      const backlog = await outboxBacklog(unreachable.db);
      expect([backlog.pending, backlog.failing]).toEqual([1, 1]);
      expect(backlog.failures[0]).toMatchObject({ kind: 'email', attempts: 3 });
      expect(backlog.failures[0]!.lastError).toMatch(/ECONNREFUSED|connect/);
      const item = (
        await request(unreachable.app)
          .get('/inbox')
          .set(await unreachable.as(users.reviewer))
      ).body.items.find((i: { id: string }) => i.id === id);
      expect(item.email).toMatchObject({ status: 'failed', attempts: 3, sentAt: null });
    } finally {
      await unreachable.close();
    }
  });

  it('a service restarted in the middle of a delivery sends the e-mail once, after the dead process’s lease', async () => {
    const start = new Date('2026-03-17T02:00:00Z');
    const first = await startTestService(start, { SMTP_URL: 'smtp://127.0.0.1:9' });
    let second: TTestService | undefined;
    try {
      const marker = newMarker();
      const step = reviewStep(marker, 1, [reviewer(marker)]);
      const res = await request(first.app)
        .post('/internal/notifications')
        .set(await first.as(users.system))
        .send(step);
      const ids = ZNotifyResponse.parse(res.body).notifications.map((n) => n.id);
      // The first attempt (kicked after the commit) fails: the SMTP server is unreachable.
      const failedOnce = await eventually(async () => {
        const row = await first.db.outboxMessage.findFirstOrThrow({ where: { kind: 'email' } });
        expect(row.attempts).toBe(1);
        expect(row.lastError).toMatch(/ECONNREFUSED|connect/);
        return row;
      });
      // The retry is taken (leased) by the first process, which then dies before it sends.
      const retryAt = new Date(failedOnce.nextAttemptAt.getTime() + 1);
      const leased = await claimOutbox(first.db, retryAt, 5 * 60_000, 10);
      expect(leased.map((m) => m.kind)).toEqual(['email']);
      await first.close({ keepDatabase: true });

      // Restarted over the same database, now with the real SMTP server.
      second = await startTestService(retryAt, {}, first.database);
      const stopLoop = second.startBackground();
      try {
        // The same step posted again (the worker's retry) returns the same rows and queues nothing.
        const again = await request(second.app)
          .post('/internal/notifications')
          .set(await second.as(users.system))
          .send(step);
        expect(ZNotifyResponse.parse(again.body).notifications.map((n) => n.id)).toEqual(ids);
        expect(await second.db.outboxMessage.count()).toBe(1);
        // While the dead process's lease holds, nobody sends it.
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await mailTo(`reviewer-${marker}@sanxiang.local`)).toHaveLength(0);
        // Past the lease the restarted service sends it: once.
        second.clock.set(new Date(retryAt.getTime() + 5 * 60_000 + 1));
        await eventually(async () => {
          const email = await second!.db.emailMessage.findUniqueOrThrow({
            where: { notificationId: ids[0]! },
          });
          expect(email).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
        });
        await eventually(async () =>
          expect(await mailTo(`reviewer-${marker}@sanxiang.local`)).toHaveLength(1),
        );
        expect(await outboxBacklog(second.db)).toMatchObject({ pending: 0, failing: 0 });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await mailTo(`reviewer-${marker}@sanxiang.local`)).toHaveLength(1);
      } finally {
        await stopLoop();
      }
    } finally {
      await second?.close();
      await first.database.drop();
    }
  });
});

async function deliverEmailsNow(svc: TTestService): Promise<number> {
  return createEmailSender({
    db: asDatabase(svc.db),
    logger: createLogger({ name: 't', level: 'silent' }),
    now: svc.clock.now,
    transport: { sendMail: () => Promise.reject(new Error('must not send')) },
    from: 'x <x@sanxiang.local>',
    maxAttempts: 1,
  }).runOnce();
}
