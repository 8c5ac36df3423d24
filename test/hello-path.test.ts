/**
 * The foundation's hello path through real servers: a workflow on the real Temporal dev server calls
 * an activity in a real worker, which calls a real service over HTTP, whose readiness reaches its
 * real PostgreSQL database and Temporal.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';
import pino from 'pino';
import { createApp, createPrismaClient, type TDb } from '@sanxiang/legal-review';
import { createTestDatabase, testStack, type TTestDatabase, testConfig } from '@sanxiang/testing';
import { temporalDataConverter, temporalFailureConverterPath } from '@sanxiang/shared';
import { createHelloActivities } from '@sanxiang/workflows/src/hello/fetch-service-health';
import { helloWorkflow } from '@sanxiang/workflows/src/hello/workflow';

let database: TTestDatabase;
let db: TDb;
let server: Server;
let serviceUrl: string;
let connection: Connection;
let client: Client;

beforeAll(async () => {
  const stack = testStack();
  database = await createTestDatabase('legal-review');
  db = createPrismaClient(database.url);
  connection = await Connection.connect({ address: stack.temporalAddress });
  client = new Client({
    connection,
    dataConverter: temporalDataConverter({ TEMPORAL_CODEC_KEYS: stack.temporalCodecKeys }),
  });
  const app = createApp({
    config: testConfig('legal-review', { DATABASE_URL: database.url }),
    db,
    temporal: { client, connection },
    logger: pino({ level: 'silent' }),
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await db?.$disconnect();
  await connection?.close();
  await database?.drop();
});

/** Runs the hello workflow on the real server with a fresh in-process worker. */
async function runHello(url: string) {
  const taskQueue = `hello-${randomUUID()}`;
  const workerConnection = await NativeConnection.connect({ address: testStack().temporalAddress });
  try {
    const worker = await Worker.create({
      connection: workerConnection,
      taskQueue,
      workflowBundle: await bundleWorkflowCode({
        workflowsPath: require.resolve('@sanxiang/workflows/src/hello/workflow'),
        failureConverterPath: temporalFailureConverterPath,
        logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} },
      }),
      activities: createHelloActivities(),
      dataConverter: temporalDataConverter({ TEMPORAL_CODEC_KEYS: testStack().temporalCodecKeys }),
    });
    return await worker.runUntil(
      client.workflow.execute(helloWorkflow, { taskQueue, workflowId: `hello-${randomUUID()}`, args: [url] }),
    );
  } finally {
    await workerConnection.close();
  }
}

it('runs workflow → activity → service over HTTP → database, on real servers', async () => {
  expect(await runHello(`${serviceUrl}/readyz`)).toMatchObject({
    url: `${serviceUrl}/readyz`,
    status: 200,
    ok: true,
    body: { status: 'ready', checks: { database: { ok: true }, temporal: { ok: true } } },
  });
});

it('reports a service whose database is gone as not ready, through the same path', async () => {
  await database.drop();
  const result = await runHello(`${serviceUrl}/readyz`);
  expect(result.status).toBe(503);
  expect(result.body).toMatchObject({
    status: 'not ready',
    checks: { database: { ok: false }, temporal: { ok: true } },
  });
});
