import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, fieldError, toProblem } from '../errors';

/** Body-parser and similar middleware errors carry `type`/`status`; map them into the error model. */
function normalise(err: unknown): unknown {
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
  if (problem.status >= 500) req.log?.error({ err: rawErr }, 'request failed');
  else req.log?.info({ code: problem.code, status: problem.status }, problem.detail ?? problem.title);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
};

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('notFound', `没有这个地址: ${req.method} ${req.path}`));
};
