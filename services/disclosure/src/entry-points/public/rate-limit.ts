import express, { type Request, type Response, type NextFunction, type Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AppError } from '@sanxiang/shared';
import type { TDb } from '../../data-access/prisma-client';
import { PostgresRateLimitStore } from '../../data-access/rate-limit-store';
import { renderErrorPage } from './pages/error-page';

export interface TPublicRateLimit {
  /** Reads (pages and JSON API) per client IP and window. */
  readLimit: number;
  readWindowMs: number;
  /** Correction requests per client IP and window (forms and API). */
  submitLimit: number;
  submitWindowMs: number;
}

export const defaultPublicRateLimit: TPublicRateLimit = {
  readLimit: 120,
  readWindowMs: 60_000,
  submitLimit: 5,
  submitWindowMs: 10 * 60_000,
};

const onLimit = (req: Request, res: Response, next: NextFunction) => {
  const message = '请求过于频繁，请稍后再试';
  if (req.originalUrl.startsWith('/api/')) return next(new AppError('rateLimited', message));
  res.status(429).type('html').send(renderErrorPage(429, message));
};

/**
 * Rate limits of the public platform (express-rate-limit), counted in the service's PostgreSQL
 * database (`RateLimitHit`, the kit's store), so several disclosure processes share one limit.
 * Keyed on `req.ip`: the peer address, unless HTTP_TRUST_PROXY names the proxy in front (then the
 * address that proxy saw); an `X-Forwarded-For` from anyone else is ignored, so rotating it does not
 * get around the limit. Over the limit: 429 with `Retry-After`. Staff and internal routes are not
 * limited here.
 */
export function publicRateLimiter(db: TDb, options: TPublicRateLimit = defaultPublicRateLimit): Router {
  const common = {
    standardHeaders: 'draft-8' as const,
    legacyHeaders: false,
    handler: onLimit,
    // Proxy trust is explicit (HTTP_TRUST_PROXY): an X-Forwarded-For from an untrusted peer is
    // ignored by design, not a misconfiguration to report on every request.
    validate: { xForwardedForHeader: false },
  };
  const router = express.Router();
  router.post(
    ['/public/corrections', '/api/public/correction-requests'],
    rateLimit({
      ...common,
      windowMs: options.submitWindowMs,
      limit: options.submitLimit,
      identifier: 'submit',
      store: new PostgresRateLimitStore(db, 'public-submit:'),
    }),
  );
  router.use(
    ['/public', '/api/public'],
    rateLimit({
      ...common,
      windowMs: options.readWindowMs,
      limit: options.readLimit,
      identifier: 'read',
      store: new PostgresRateLimitStore(db, 'public-read:'),
    }),
  );
  return router;
}
