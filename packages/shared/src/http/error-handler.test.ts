import express from 'express';
import request from 'supertest';
import { isDatabaseUnavailable, outageRetryAfterSeconds, problemHandler } from './error-handler';
import { AppError } from '../errors';

/**
 * The errors below are the ones the soak (scripts/soak, issue #16) saw while it SIGKILLed and
 * restarted PostgreSQL: each answered 500 "服务器内部错误" with an ERROR log before; an outage of the
 * service's own database is now 503 with Retry-After (the request can simply be repeated).
 */
const prismaError = (message: string, code: string) => Object.assign(new Error(message), { code });
const seenInTheSoak: [string, unknown][] = [
  [
    'Prisma cannot reach the server (P1001)',
    prismaError("Can't reach database server at 127.0.0.1:55140", 'P1001'),
  ],
  [
    'the server was killed under a query (57P01)',
    prismaError(
      'Invalid `prisma.$executeRawUnsafe()` invocation:\n\nRaw query failed. Code: `57P01`. Message: `terminating connection due to unexpected postmaster exit`',
      'P2010',
    ),
  ],
  [
    'the server is starting up (57P03)',
    prismaError('Database error. Code: `57P03`. Message: `the database system is starting up`', 'P2010'),
  ],
  [
    'a pooled pg client that lost its connection',
    new Error('Client has encountered a connection error and is not queryable'),
  ],
  [
    'the cause chain holds the driver error',
    new Error('Invalid `db.caseFile.findUnique()` invocation', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:55140'), { code: 'ECONNREFUSED' }),
    }),
  ],
];

function appThrowing(err: unknown) {
  const app = express();
  app.get('/x', () => {
    throw err;
  });
  app.use(problemHandler);
  return app;
}

describe('problemHandler and database outages', () => {
  it.each(seenInTheSoak)('%s: 503 problem+json with Retry-After', async (_what, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
    const res = await request(appThrowing(err)).get('/x');
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/u);
    expect(res.headers['retry-after']).toBe(String(outageRetryAfterSeconds));
    expect(JSON.parse(res.text)).toMatchObject({
      code: 'unavailable',
      detail: '数据库暂时不可用，请稍后重试',
    });
  });

  it("keeps a service's own words for an outage that is not its database (the evidence store)", async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const said = new AppError('unavailable', '证据存储服务（对象存储）暂不可用，请稍后重试', {
      cause: refused,
    });
    const res = await request(appThrowing(said)).get('/x');
    expect(res.status).toBe(503);
    expect(JSON.parse(res.text).detail).toBe('证据存储服务（对象存储）暂不可用，请稍后重试');
  });

  it('keeps every other failure a 500', async () => {
    for (const err of [new Error('boom'), prismaError('Unique constraint failed', 'P2002'), undefined]) {
      expect(isDatabaseUnavailable(err)).toBe(false);
      const res = await request(appThrowing(err ?? new Error('x'))).get('/x');
      expect(res.status).toBe(500);
      expect(res.headers['retry-after']).toBeUndefined();
    }
  });
});
