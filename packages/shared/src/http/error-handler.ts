import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, fieldError, toProblem } from '../errors';

/**
 * PostgreSQL codes and Prisma codes of a database that is down, restarting or refusing connections:
 * 57P01–57P03 (terminated by a shutdown or crash, starting up), class 08 (connection exceptions),
 * P1001/P1002/P1017 (cannot reach / timed out / closed), P2024 (no pool connection in time).
 */
const databaseUnavailableCodes = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  'P1001',
  'P1002',
  'P1017',
  'P2024',
]);
const databaseUnavailableMessage =
  /Can't reach database server|Client has encountered a connection error|Connection terminated|terminating connection due to|the database system is (starting up|shutting down|not yet accepting connections|in recovery mode)|Code: `(57P0[123]|08\d{3})`|connect ECONNREFUSED/u;

/**
 * An outage of the service's own database (the soak's PostgreSQL kill, issue #16): the request can be
 * repeated once it is back, so it answers 503 with Retry-After rather than 500 "internal error".
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && databaseUnavailableCodes.has(code)) return true;
    if (typeof message === 'string' && databaseUnavailableMessage.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Seconds a client should wait before repeating a request that met an outage. */
export const outageRetryAfterSeconds = 5;

/** Body-parser and similar middleware errors carry `type`/`status`; map them into the error model. */
function normalise(err: unknown): unknown {
  // Already said in the service's words (e.g. 证据存储服务暂不可用 with the store's ECONNREFUSED as
  // its cause): kept as it is.
  if (err instanceof AppError) return err;
  if (isDatabaseUnavailable(err)) return new AppError('unavailable', '数据库暂时不可用，请稍后重试');
  const e = err as { type?: string; status?: number; message?: string };
  if (e?.type === 'entity.parse.failed')
    return new AppError('validation', '请求体不是合法的 JSON', {
      fields: [fieldError('body', '不是合法的 JSON')],
    });
  if (e?.type === 'entity.too.large') return new AppError('payloadTooLarge', '请求体超过大小限制');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported')
    return new AppError('unsupportedMediaType', '不支持的请求编码');
  // Other client errors of the body readers (a truncated or corrupt gzip body, a body shorter than
  // its Content-Length): http-errors with status 400 that are safe to expose.
  if (e?.status === 400 && (e as { expose?: boolean }).expose === true)
    return new AppError('validation', '请求体无法读取（数据不完整或压缩数据已损坏）', {
      fields: [fieldError('body', '无法读取（数据不完整或压缩数据已损坏）')],
    });
  return err;
}

export const problemHandler: ErrorRequestHandler = (rawErr, req, res, _next) => {
  const err = normalise(rawErr);
  const requestId = String(req.id ?? '');
  const problem = toProblem(err, req.originalUrl, requestId || undefined);
  if (err !== rawErr && problem.status === 503)
    req.log?.warn({ err: { message: (rawErr as Error)?.message } }, 'database unavailable');
  else if (problem.status >= 500) req.log?.error({ err: rawErr }, 'request failed');
  else req.log?.info({ code: problem.code, status: problem.status }, problem.detail ?? problem.title);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (problem.status === 503 && !res.getHeader('retry-after'))
    res.set('Retry-After', String(outageRetryAfterSeconds));
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
};

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('notFound', `没有这个地址: ${req.method} ${req.path}`));
};
