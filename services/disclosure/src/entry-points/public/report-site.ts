import type { Router } from 'express';
import { getPublicReport, listPublicReports } from '../../domain/catalogue/get-public-catalogue';
import type { TRouteDeps } from '../http/route-support';
import { firstString, page, UUID } from './page-support';
import { renderErrorPage } from './pages/error-page';
import { renderReportPage, renderReportsPage } from './pages/report-pages';

/** Published random-inspection results, credit blacklists and annual statistics. */
export function registerReportPages(router: Router, deps: TRouteDeps): void {
  router.get(
    '/public/reports',
    page(async (_req, res) => {
      res.type('html').send(renderReportsPage((await listPublicReports(deps.publicReads)).items));
    }),
  );
  router.get(
    '/public/reports/:id',
    page(async (req, res) => {
      const id = firstString(req.params.id) ?? '';
      if (!UUID.test(id)) {
        res.status(404).type('html').send(renderErrorPage(404, '未找到该公示。'));
        return;
      }
      res.type('html').send(renderReportPage(await getPublicReport(deps.publicReads, id)));
    }),
  );
}
