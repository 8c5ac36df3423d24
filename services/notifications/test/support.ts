import { randomUUID } from 'node:crypto';
import { createLogger } from '@sanxiang/shared';
import type { TNotifyRequest } from '@sanxiang/shared/src/contracts';
import {
  bearer,
  createTestDatabase,
  testConfig,
  testStack,
  type TTestDatabase,
  type TTestUser,
} from '@sanxiang/testing';
import { composeService } from '../src/compose-service';
import { createPrismaClient, type TDb } from '../src/data-access/prisma-client';

export const users = {
  system: { id: 'system:worker', name: '流程引擎', roles: ['system'] },
  reviewer: { id: 'p-reviewer', name: '李审核', roles: ['reviewer'] },
  officeHead: { id: 'p-office-head', name: '王主任', roles: ['reviewer', 'head'] },
  officer: { id: 'p-officer', name: '张执法', roles: ['officer'] },
} satisfies Record<string, TTestUser>;

/** A clock the test sets by hand. */
export function testClock(start: Date) {
  let current = new Date(start);
  return { now: () => new Date(current), set: (d: Date) => (current = new Date(d)) };
}

/**
 * The service in-process over a fresh, migrated database, sending to the stack's real Mailpit.
 * `database` given: over that one (a restarted service; its `close` then leaves the database).
 */
export async function startTestService(
  start: Date,
  overrides: Record<string, string> = {},
  existing?: TTestDatabase,
) {
  const database: TTestDatabase = existing ?? (await createTestDatabase('notifications'));
  const clock = testClock(start);
  const service = composeService(
    testConfig('notifications', {
      DATABASE_URL: database.url,
      SMTP_URL: testStack().mail.smtpUrl,
      // Fixed, so that the links in e-mails are known whatever the stack's port offset.
      CONSOLE_URL: 'http://127.0.0.1:3000',
      ...overrides,
    }),
    {
      logger: createLogger({ name: 'notifications-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
      now: clock.now,
      emailPollMs: 20,
    },
  );
  const db: TDb = createPrismaClient(database.url);
  return {
    app: service.app,
    db,
    database,
    clock,
    startBackground: () => service.startBackground(),
    as: async (user: TTestUser) => ({ authorization: await bearer(user) }),
    /** `keepDatabase`: a service that stops while its database lives on (restarted later over it). */
    close: async (options: { keepDatabase?: boolean } = {}) => {
      await service.close();
      await db.$disconnect();
      if (!existing && !options.keepDatabase) await database.drop();
    },
  };
}
export type TTestService = Awaited<ReturnType<typeof startTestService>>;

/** A review clock step for a case (a unique marker in the case number keeps Mailpit searches apart). */
export function reviewStep(
  marker: string,
  level: 0 | 1 | 2,
  recipients: TNotifyRequest['recipients'],
): TNotifyRequest {
  const caseNumber = `常人社监察〔2026〕${marker}号`;
  return {
    clock: {
      clockKey: `case-lifecycle:${marker}:legalReview:1:2026-03-02T02:00:00.000Z`,
      kind: 'legalReview',
      caseNumber,
      title: '拖欠劳动者工资案',
      link: `/cases/${encodeURIComponent(caseNumber)}`,
      dueAt: '2026-03-16T15:59:59.999Z',
      dueDate: '2026-03-16',
      unitId: 'fazhi',
      unitName: '法制审核科',
    },
    level,
    reason:
      '法制审核第 1 轮应于收到完整送审材料后 10 个工作日内完成（截止 2026-03-16）：已逾期，报承办机构负责人督办',
    at: '2026-03-16T15:59:59.999Z',
    assigneeIds: ['p-reviewer'],
    recipients,
  };
}

export const reviewer = (marker: string) => ({
  personId: users.reviewer.id,
  name: users.reviewer.name,
  email: `reviewer-${marker}@sanxiang.local`,
  audience: 'assignee' as const,
});
export const officeHead = (marker: string) => ({
  personId: users.officeHead.id,
  name: users.officeHead.name,
  email: `head-${marker}@sanxiang.local`,
  audience: 'unitHead' as const,
});

export const newMarker = () => randomUUID().slice(0, 8);

/** Messages Mailpit holds for an address. */
export async function mailTo(address: string) {
  const res = await fetch(
    `${testStack().mail.apiUrl}/api/v1/search?query=${encodeURIComponent(`to:${address}`)}`,
  );
  if (res.status !== 200) throw new Error(`Mailpit search answered ${res.status}`);
  const found = (await res.json()) as {
    messages: { ID: string; Subject: string; To: { Address: string }[] }[];
  };
  return found.messages;
}

export async function mailText(id: string): Promise<string> {
  const res = await fetch(`${testStack().mail.apiUrl}/api/v1/message/${id}`);
  return ((await res.json()) as { Text: string }).Text;
}

/** Retries an assertion (real time) until it passes: the e-mail loop runs beside the test. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
