import http, { type IncomingHttpHeaders } from 'node:http';
import type { Logger } from '@sanxiang/shared';
import type { Request, RequestHandler } from 'express';

/** Request headers the services may see; never the console's cookie or CSRF token. */
const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'content-type',
  'content-length',
  'idempotency-key',
  'if-none-match',
  'range',
  'user-agent',
  // A part of a resumable evidence upload carries its SHA-256 (recording refuses a part that differs).
  'x-content-sha256',
  'x-request-id',
];
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'set-cookie', 'upgrade']);

export interface TProxySettings {
  /** `/api/<name>/…` goes to `targets[name]`. */
  targets: Record<string, string>;
  /** The person's current access token (refreshed when due), or null when the session has none. */
  accessToken: (req: Request) => Promise<string | null>;
  logger: Logger;
}

/**
 * `/api/<service>/…` → the service, with the person's access token as a bearer token. Bodies stream
 * both ways (evidence uploads and downloads are large); the service's answer passes through as is.
 */
export function apiProxy(settings: TProxySettings): RequestHandler {
  return async (req, res) => {
    const service = String(req.params.service ?? '');
    const base = settings.targets[service];
    if (!base) {
      res
        .status(404)
        .type('application/problem+json')
        .json(problem(404, '未找到', `没有名为 ${service} 的服务`));
      return;
    }
    const token = await settings.accessToken(req);
    if (!token) {
      res
        .status(401)
        .setHeader('x-console-session', 'none')
        .type('application/problem+json')
        .json(problem(401, '未登录', '登录已过期，请重新登录'));
      return;
    }
    // Under the `/api/:service` mount, req.url is the rest of the path with its query string.
    const target = new URL(base.replace(/\/$/u, '') + req.url);
    const headers: Record<string, string | string[]> = { authorization: `Bearer ${token}` };
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = req.headers[name];
      if (value !== undefined) headers[name] = value;
    }
    headers['x-forwarded-for'] = req.ip ?? '';

    const upstream = http.request(target, { method: req.method, headers }, (answer) => {
      res.status(answer.statusCode ?? 502);
      for (const [name, value] of Object.entries(answer.headers as IncomingHttpHeaders)) {
        if (value !== undefined && !HOP_BY_HOP.has(name)) res.setHeader(name, value);
      }
      answer.pipe(res);
    });
    upstream.on('error', (err) => {
      settings.logger.warn({ err, service }, 'service unreachable');
      if (!res.headersSent)
        res
          .status(502)
          .type('application/problem+json')
          .json(problem(502, '服务不可用', `${service} 服务暂时无法访问，请稍后重试（重试不会重复提交）`));
      else res.destroy();
    });
    req.on('aborted', () => upstream.destroy());
    req.pipe(upstream);
  };
}

const problem = (status: number, title: string, detail: string) => ({
  type: `urn:sanxiang:problem:${status === 401 ? 'unauthenticated' : status === 404 ? 'notFound' : 'unavailable'}`,
  title,
  status,
  detail,
});
