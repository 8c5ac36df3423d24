import path from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { z } from 'zod';
import { isAppError } from '@sanxiang/shared';
import { getPublicDecision } from '../../domain/get-public-decision';
import { searchPublicDecisions, ZPublicSearchQuery } from '../../domain/search-public-decisions';
import type { TRouteDeps } from '../http/route-support';
import { createAuthorityList } from './authority-list';
import { renderDecisionPage } from './pages/decision-page';
import { renderErrorPage } from './pages/error-page';
import { renderSearchPage, type TSearchForm } from './pages/search-page';
import { registerCataloguePages } from './catalogue-site';
import { registerCorrectionPages } from './correction-site';
import { registerReportPages } from './report-site';

/** Pages have no script, no external resources, and are not to be framed. */
const securityHeaders = (_req: Request, res: Response, next: NextFunction) => {
  res.set({
    'Content-Security-Policy':
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
  });
  next();
};

export type TPageHandler = (req: Request, res: Response) => Promise<void>;

/** Errors on a page are pages too (HTML with the status), never JSON. */
export const page =
  (handler: TPageHandler) =>
  async (req: Request, res: Response): Promise<void> => {
    try {
      await handler(req, res);
    } catch (err) {
      if (isAppError(err) && err.status < 500) {
        res.status(err.status).type('html').send(renderErrorPage(err.status, err.message));
        return;
      }
      req.log?.error({ err }, 'public page failed');
      res.status(500).type('html').send(renderErrorPage(500, '服务暂时不可用，请稍后再试。'));
    }
  };

export const firstString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const fieldErrors = (error: z.ZodError) =>
  error.issues.map((i) => ({ field: String(i.path[0] ?? 'q'), message: i.message }));

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/**
 * The public platform (公示平台), server-rendered in Simplified Chinese. Mounted before the API via
 * createServiceApp's `before`; reads only the public projections.
 */
export function publicSite(deps: TRouteDeps): Router {
  const router = express.Router();
  const authorities = createAuthorityList(deps.db);
  router.use('/public', securityHeaders);
  router.use('/public/assets', express.static(path.join(__dirname, 'assets'), { maxAge: '1h', index: false }));
  router.get('/', (_req, res) => res.redirect(302, '/public'));

  router.get(
    '/public',
    page(async (req, res) => {
      const raw = req.query as Record<string, unknown>;
      const form: TSearchForm = {
        q: firstString(raw.q),
        kind: firstString(raw.kind),
        authority: firstString(raw.authority),
        from: firstString(raw.from),
        to: firstString(raw.to),
      };
      const parsed = ZPublicSearchQuery.safeParse(raw);
      const list = await authorities();
      if (!parsed.success) {
        res.status(400).type('html').send(renderSearchPage({ form, authorities: list, errors: fieldErrors(parsed.error) }));
        return;
      }
      const result = await searchPublicDecisions(deps.db, parsed.data);
      res.type('html').send(renderSearchPage({ form, authorities: list, errors: [], result }));
    }),
  );

  router.get(
    '/public/decisions/:id',
    page(async (req, res) => {
      const id = firstString(req.params.id) ?? '';
      if (!UUID.test(id)) {
        res.status(404).type('html').send(renderErrorPage(404, '未找到该公示信息。'));
        return;
      }
      res.type('html').send(renderDecisionPage(await getPublicDecision(deps.db, id)));
    }),
  );

  registerCataloguePages(router, deps);
  registerReportPages(router, deps);
  registerCorrectionPages(router, deps);
  return router;
}
