import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for every state-changing request, two checks: the browser's `Origin` (or, without
 * it, `Sec-Fetch-Site`) must be the console's own, and `X-CSRF-Token` must equal the session's
 * synchronizer token (which a cross-site page cannot read).
 */
export function csrfProtection(consoleOrigin: string): RequestHandler {
  return (req, res, next) => {
    if (SAFE.has(req.method)) return next();
    const origin = req.get('origin');
    const fetchSite = req.get('sec-fetch-site');
    const sameOrigin = origin
      ? origin === consoleOrigin
      : fetchSite === undefined || fetchSite === 'same-origin';
    const expected = req.session.csrfToken;
    const sent = req.get('x-csrf-token');
    if (sameOrigin && expected && sent && equal(sent, expected)) return next();
    res
      .status(403)
      .type('application/problem+json')
      .json({
        type: 'urn:sanxiang:problem:forbidden',
        title: '禁止访问',
        status: 403,
        code: 'forbidden',
        detail: sameOrigin ? '请求缺少有效的防伪令牌，请刷新页面后重试' : '拒绝来自其他站点的请求',
      });
  };
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
