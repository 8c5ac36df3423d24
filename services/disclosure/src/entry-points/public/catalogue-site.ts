import type { Router } from 'express';
import {
  getPublicCatalogueEntry,
  getPublicCatalogueVersion,
  listPublicCatalogue,
} from '../../domain/catalogue/get-public-catalogue';
import type { TRouteDeps } from '../http/route-support';
import { firstString, page, UUID } from './page-support';
import {
  renderCatalogueEntryPage,
  renderCataloguePage,
  renderCatalogueVersionPage,
} from './pages/catalogue-pages';
import { renderErrorPage } from './pages/error-page';

/** 事前公开 pages: the catalogue by section, and one entry (a procedure with its flow chart). */
export function registerCataloguePages(router: Router, deps: TRouteDeps): void {
  router.get(
    '/public/catalogue',
    page(async (_req, res) => {
      const { items, withdrawn } = await listPublicCatalogue(deps.publicReads);
      res.type('html').send(renderCataloguePage(items, withdrawn));
    }),
  );
  router.get(
    '/public/catalogue/:id',
    page(async (req, res) => {
      const id = firstString(req.params.id) ?? '';
      if (!UUID.test(id)) {
        res.status(404).type('html').send(renderErrorPage(404, '未找到该目录条目。'));
        return;
      }
      res.type('html').send(renderCatalogueEntryPage(await getPublicCatalogueEntry(deps.publicReads, id)));
    }),
  );
  router.get(
    '/public/catalogue/:id/versions/:version',
    page(async (req, res) => {
      const id = firstString(req.params.id) ?? '';
      const version = Number(firstString(req.params.version));
      if (!UUID.test(id) || !Number.isInteger(version) || version < 1 || version > 100000) {
        res.status(404).type('html').send(renderErrorPage(404, '未找到该目录条目的这一版本。'));
        return;
      }
      res
        .type('html')
        .send(renderCatalogueVersionPage(await getPublicCatalogueVersion(deps.publicReads, id, version)));
    }),
  );
}
