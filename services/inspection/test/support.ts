import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeService as composeDirectory } from '@sanxiang/directory';
import { createLogger, createTemporalClient } from '@sanxiang/shared';
import { inspectionResultsWorkflowId } from '@sanxiang/shared/src/contracts';
import { bearer, createTestDatabase, testConfig, testStack, type TTestUser } from '@sanxiang/testing';
import { seedDirectory, type TSeedPerson } from '../../../test/support/directory-seed';
import { loadDirectoryDemo } from '../../../scripts/demo/load-directory-demo';
import { composeService } from '../src/compose-service';
import { createPrismaClient, type TDb } from '../src/data-access/prisma-client';

/** Eight certified inspectors and one officer without a certificate (never in the pool). */
export const inspectors: (TSeedPerson & TTestUser)[] = Array.from({ length: 8 }, (_, i) => ({
  id: `p-insp-${i + 1}`,
  name: ['赵敏', '钱立', '孙晓', '李强', '周洁', '吴刚', '郑华', '王芳'][i]!,
  roles: ['officer'],
  certificateNumber: `3204009000${i + 1}`,
}));
export const uncertified: TSeedPerson & TTestUser = { id: 'p-nocert', name: '冯无证', roles: ['officer'] };

export const users = {
  admin: { id: 'p-admin', name: '陈管理', roles: ['admin'] },
  head: { id: 'p-head', name: '周支队长', roles: ['head'] },
  discloser: { id: 'p-discloser', name: '许公示', roles: ['discloser'] },
} satisfies Record<string, TTestUser>;

/** The category and area of the seeded certificates (test/support/directory-seed.ts). */
export const scope = { enforcementCategory: '劳动保障监察', enforcementArea: '常州市' };

/** How the test stack signs tokens (the demo loaders sign their own). */
export const testAuth = {
  get secret() {
    return testStack().authSecret;
  },
  issuer: process.env.AUTH_ISSUER ?? 'sanxiang-local',
  audience: process.env.AUTH_AUDIENCE ?? 'sanxiang',
};

/** The service in-process over a fresh, migrated database, asking a real directory service. */
export async function startTestService(options: { demoDirectory?: boolean; recordingUrl?: string } = {}) {
  const directoryDb = await createTestDatabase('directory');
  const directory = composeDirectory(testConfig('directory', { DATABASE_URL: directoryDb.url }));
  const directoryServer = await new Promise<Server>((resolve) => {
    const s = directory.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const directoryUrl = `http://127.0.0.1:${(directoryServer.address() as AddressInfo).port}`;
  if (options.demoDirectory) await loadDirectoryDemo(directoryUrl, testAuth);
  else await seedDirectory(directoryUrl, [...inspectors, uncertified, ...Object.values(users)]);
  const database = await createTestDatabase('inspection');
  // A task queue of this run: no worker polls it, so a published task's results workflow waits
  // there (the time-skipping tests in workflows/src/inspection run it); terminated at close.
  const taskQueue = `inspection-test-${randomUUID()}`;
  const config = testConfig('inspection', {
    DATABASE_URL: database.url,
    SERVICE_URL_DIRECTORY: directoryUrl,
    TEMPORAL_TASK_QUEUE: taskQueue,
    // Nothing listens on port 9: 立案查处 then fails closed (the end-to-end test opens real cases).
    SERVICE_URL_RECORDING: options.recordingUrl ?? 'http://127.0.0.1:9',
  });
  const temporal = createTemporalClient(config);
  const service = composeService(config, {
    logger: createLogger({ name: 'inspection-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
  const db: TDb = createPrismaClient(database.url);
  const server = await new Promise<Server>((resolve) => {
    const s = service.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    app: service.app,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    db,
    as: async (user: TTestUser) => ({ authorization: await bearer(user) }),
    temporal: temporal.client,
    taskQueue,
    close: async () => {
      for (const t of await db.inspectionTask.findMany({ where: { status: 'published' } }))
        await temporal.client.workflow
          .getHandle(inspectionResultsWorkflowId(t.id))
          .terminate('test finished')
          .catch(() => undefined);
      await temporal.connection.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await service.close();
      await db.$disconnect();
      directoryServer.closeAllConnections();
      await new Promise<void>((resolve) => directoryServer.close(() => resolve()));
      await directory.close();
      await database.drop();
      await directoryDb.drop();
    },
  };
}
export type TTestService = Awaited<ReturnType<typeof startTestService>>;

/** Valid 统一社会信用代码: 17 characters from `prefix` and a counter, then the check character. */
export function validUscc(n: number, check: (first17: string) => string): string {
  const first17 = `91320412MA${String(n).padStart(7, '0')}`;
  return first17 + check(first17);
}
