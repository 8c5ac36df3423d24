import type { Router } from 'express';
import { z } from 'zod';
import type { TRouteDeps } from '../http/route-support';
import { fieldErrors, firstString, page, UUID } from './page-support';
import { renderErrorPage } from './pages/error-page';
import {
  renderInspectionItemsPage,
  renderInspectionPlansPage,
  renderInspectionResultsPage,
  renderInspectionTaskPage,
  renderInspectionTasksPage,
} from './pages/inspection-pages';

const ZInspectionQuery = z.object({
  q: z.string().trim().max(100, { error: '关键词不能超过 100 个字' }).optional(),
  year: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(
      z
        .string()
        .regex(/^(20\d\d|2100)$/u, { error: '年度须为 2000 至 2100 之间的四位数字，如 2026' })
        .transform(Number)
        .optional(),
    ),
  taskId: z.string().regex(UUID, { error: '任务编号格式不正确' }).optional(),
});

/** 双随机、一公开's four tabs, from the inspection service's public API (deps.inspection). */
export function registerInspectionPages(router: Router, deps: TRouteDeps): void {
  const parse = (raw: unknown) => {
    const parsed = ZInspectionQuery.safeParse(raw);
    if (parsed.success) return { ok: true as const, query: parsed.data };
    return {
      ok: false as const,
      html: renderErrorPage(
        400,
        '检索条件不正确：',
        fieldErrors(parsed.error).map(
          (e) => `${e.field === 'year' ? '年度' : e.field === 'q' ? '关键词' : '任务'}：${e.message}`,
        ),
      ),
    };
  };
  const form = (raw: Record<string, unknown>) => ({ q: firstString(raw.q), year: firstString(raw.year) });

  router.get(
    '/public/inspection',
    page(async (req, res) => {
      const p = parse(req.query);
      if (!p.ok) return void res.status(400).type('html').send(p.html);
      res.type('html').send(renderInspectionItemsPage(await deps.inspection.items(p.query.q), p.query.q));
    }),
  );
  router.get(
    '/public/inspection/plans',
    page(async (req, res) => {
      const p = parse(req.query);
      if (!p.ok) return void res.status(400).type('html').send(p.html);
      const raw = req.query as Record<string, unknown>;
      res
        .type('html')
        .send(renderInspectionPlansPage(await deps.inspection.plans(p.query.year), form(raw).year));
    }),
  );
  router.get(
    '/public/inspection/tasks',
    page(async (req, res) => {
      const p = parse(req.query);
      if (!p.ok) return void res.status(400).type('html').send(p.html);
      const raw = req.query as Record<string, unknown>;
      res.type('html').send(renderInspectionTasksPage(await deps.inspection.plans(p.query.year), form(raw)));
    }),
  );
  const task = async (id: string) => (UUID.test(id) ? deps.inspection.task(id) : null);
  router.get(
    '/public/inspection/tasks/:id',
    page(async (req, res) => {
      const found = await task(firstString(req.params.id) ?? '');
      if (!found)
        return void res.status(404).type('html').send(renderErrorPage(404, '未找到该已公布的抽查任务。'));
      res.type('html').send(renderInspectionTaskPage(found));
    }),
  );
  // The draw's whole input and seed, to re-draw it (docs/inspection.md "Re-drawing a published draw").
  router.get(
    '/public/inspection/tasks/:id/draw.json',
    page(async (req, res) => {
      const found = await task(firstString(req.params.id) ?? '');
      if (!found?.draw)
        return void res.status(404).type('html').send(renderErrorPage(404, '未找到该已公布的抽查任务。'));
      const { number, seed, algorithm, drawnAt, input, assignments } = found.draw;
      res
        .set('Content-Disposition', `attachment; filename="draw-${found.id}.json"`)
        .json({ taskId: found.id, number, seed, algorithm, drawnAt, input, assignments });
    }),
  );
  router.get(
    '/public/inspection/results',
    page(async (req, res) => {
      const p = parse(req.query);
      if (!p.ok) return void res.status(400).type('html').send(p.html);
      const raw = req.query as Record<string, unknown>;
      res.type('html').send(renderInspectionResultsPage(await deps.inspection.results(p.query), form(raw)));
    }),
  );
}
