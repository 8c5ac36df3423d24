import { createLogger, type TRole } from '@sanxiang/shared';
import { bearer, createTestDatabase, type TTestDatabase, testConfig } from '@sanxiang/testing';
import request from 'supertest';
import { createApp } from '../src/app';
import { createPrismaClient, type TDb } from '../src/data-access/prisma-client';

export interface TUser {
  id: string;
  name: string;
  roles: TRole[];
}

export const users = {
  system: { id: 'system:worker', name: '流程引擎', roles: ['system'] },
  admin: { id: 'u-admin', name: '系统管理员', roles: ['admin'] },
  head: { id: 'u-head', name: '周支队长', roles: ['head'] },
  officer: { id: 'u-officer', name: '张执法', roles: ['officer'] },
} satisfies Record<string, TUser>;

/** A clock the test sets by hand. */
export function testClock(start: Date) {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (d: Date) => {
      current = new Date(d);
    },
  };
}

export interface TTestService {
  app: ReturnType<typeof createApp>;
  db: TDb;
  database: TTestDatabase;
  clock: ReturnType<typeof testClock>;
  as: (user: TUser) => Promise<{ authorization: string }>;
  /** PUT as admin; throws unless 200/201. */
  put: (path: string, body: unknown) => Promise<request.Response>;
  close: () => Promise<void>;
}

/** The service in-process over a fresh, migrated database of the real test PostgreSQL. */
export async function startTestService(start = new Date('2026-03-02T02:00:00Z')): Promise<TTestService> {
  const database = await createTestDatabase('directory');
  const db = createPrismaClient(database.url);
  const clock = testClock(start);
  const app = createApp({
    config: testConfig('directory', { DATABASE_URL: database.url }),
    db,
    logger: createLogger({ name: 'directory-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    now: clock.now,
  });
  const as = async (user: TUser) => ({ authorization: await bearer(user) });
  return {
    app,
    db,
    database,
    clock,
    as,
    put: async (path, body) => {
      const res = await request(app)
        .put(path)
        .set(await as(users.admin))
        .send(body as object);
      if (res.status !== 200 && res.status !== 201)
        throw new Error(`PUT ${path} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res;
    },
    close: async () => {
      await db.$disconnect();
      await database.drop();
    },
  };
}

export const category = '劳动保障监察';
export const area = '常州市';

/** An agency with an enforcement unit, its head and `officers` certified officers. */
export async function seedUnit(svc: TTestService, officers = 3) {
  await svc.put('/agencies/czrs', { name: '常州市人力资源和社会保障局' });
  await svc.put('/units/jiancha-1', {
    agencyId: 'czrs',
    code: 'jiancha-1',
    name: '监察一科',
    kind: 'enforcement',
  });
  await svc.put('/people/p-head', {
    login: 'zhou',
    name: '周建国',
    unitId: 'jiancha-1',
    post: '科长',
    roles: ['head'],
  });
  const ids: string[] = [];
  for (let i = 1; i <= officers; i += 1) {
    const id = `p-officer-${i}`;
    await svc.put(`/people/${id}`, {
      login: `officer${i}`,
      name: `执法员${i}`,
      unitId: 'jiancha-1',
      post: '科员',
      roles: ['officer'],
      email: `officer${i}@example.cn`,
    });
    await svc.put(`/certificates/3204002000${i}`, {
      personId: id,
      categories: [category],
      areas: [area],
      validFrom: '2025-01-01',
      validTo: '2027-12-31',
    });
    ids.push(id);
  }
  await svc.put('/units/jiancha-1/leadership', { headId: 'p-head', deputyIds: [] });
  return ids;
}
