import type { NextFunction, Request, Response } from 'express';
import { renderErrorPage } from './pages/error-page';

/**
 * CSRF protection of the public forms (the platform has no sessions or cookies, so a token would
 * guard nothing a browser's own headers do not): a POST that a browser marks as coming from
 * another site — `Sec-Fetch-Site: cross-site`/`same-site`, or an `Origin` whose host is not this
 * request's `Host` (`Origin: null` included) — is refused with 403. Requests without either header
 * (non-browser clients) pass: cross-site request forgery needs a browser.
 */
export function sameOriginOnly(req: Request, res: Response, next: NextFunction): void {
  const site = req.get('sec-fetch-site');
  const origin = req.get('origin');
  const crossSite = site === 'cross-site' || site === 'same-site';
  let foreignOrigin = false;
  if (origin !== undefined) {
    try {
      foreignOrigin = new URL(origin).host !== req.get('host');
    } catch {
      foreignOrigin = true; // "null" (sandboxed frames, file:) or garbage
    }
  }
  if (!crossSite && !foreignOrigin) return next();
  req.log?.info({ origin, secFetchSite: site }, 'cross-site form post refused');
  res.status(403).type('html').send(renderErrorPage(403, '请从本平台的页面提交表单（跨站提交已被拒绝）。'));
}
