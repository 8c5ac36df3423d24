import path from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { getPublicDecision } from '../../domain/publication/get-public-decision';
import { searchPublicDecisions, ZPublicSearchQuery } from '../../domain/search/search-public-decisions';
import type { TRouteDeps } from '../http/route-support';
import { createAuthorityList } from './authority-list';
import { renderDecisionPage } from './pages/decision-page';
import { renderPersonnelPage } from './pages/personnel-page';
import { renderErrorPage } from './pages/error-page';
import { fieldErrors, firstString, page, UUID } from './page-support';
import { renderSearchPage, type TSearchForm } from './pages/search-page';
import { registerCataloguePages } from './catalogue-site';
import { registerCorrectionPages } from './correction-site';
import { registerInspectionPages } from './inspection-site';
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

/**
 * The public platform (公示平台), server-rendered in Simplified Chinese. Mounted before the API via
 * createServiceApp's `before`; reads only the public projections.
 */
export function publicSite(deps: TRouteDeps): Router {
  const router = express.Router();
  const authorities = createAuthorityList(deps.publicReads);
  router.use('/public', securityHeaders);
  router.use(
    '/public/assets',
    express.static(path.join(__dirname, 'assets'), { maxAge: '1h', index: false }),
  );
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
        res
          .status(400)
          .type('html')
          .send(renderSearchPage({ form, authorities: list, errors: fieldErrors(parsed.error) }));
        return;
      }
      const result = await searchPublicDecisions(
        { pool: deps.publicReads, tokenStats: deps.tokenStats },
        parsed.data,
      );
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
      res.type('html').send(renderDecisionPage(await getPublicDecision(deps.publicReads, id)));
    }),
  );

  router.get(
    '/public/personnel',
    page(async (_req, res) => {
      const list = await deps.personnel.listAt(deps.now());
      // Not cached by browsers or proxies: a certificate that ends must leave the list at once.
      res.set('Cache-Control', 'no-cache').type('html').send(renderPersonnelPage(list));
    }),
  );

  router.get(
    '/public/personnel/:personId/photo',
    page(async (req, res) => {
      const personId = firstString(req.params.personId) ?? '';
      const sha = typeof req.query.v === 'string' ? req.query.v : '';
      const photo = /^[0-9a-f]{64}$/u.test(sha)
        ? await deps.personnel.photoAt(deps.now(), personId, sha)
        : null;
      if (!photo) {
        res.status(404).type('html').send(renderErrorPage(404, '未找到该执法人员的照片。'));
        return;
      }
      // The URL carries the photo's hash, so the bytes under it never change.
      res.set('Cache-Control', 'public, max-age=86400').type(photo.contentType).send(photo.data);
    }),
  );

  registerCataloguePages(router, deps);
  registerReportPages(router, deps);
  registerInspectionPages(router, deps);
  registerCorrectionPages(router, deps);
  return router;
}
