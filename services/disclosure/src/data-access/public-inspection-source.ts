import { AppError } from '@sanxiang/shared';
import { z } from 'zod';

/**
 * 双随机、一公开 on the public platform: what the inspection service publishes (its public API,
 * docs/inspection.md) — the items list, the published plans and tasks with their draws, and the
 * published results. Read server side, checked here at the boundary (only the fields the pages
 * show), and reused for `maxAgeMs`.
 */
const ZItem = z.object({
  code: z.string(),
  name: z.string(),
  subject: z.string(),
  basis: z.string(),
  objectScope: z.string(),
  content: z.string(),
  ratio: z.string(),
  method: z.string(),
  frequency: z.string(),
  stratifyBy: z.enum(['district', 'kind']).nullable().optional(),
});
const ZTask = z.object({
  id: z.string(),
  planId: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  name: z.string(),
  objectCount: z.number().nullable(),
  ratioPercent: z.number().nullable(),
  district: z.string(),
  inspectorsPerObject: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  publishedAt: z.string().nullable(),
});
const ZPlan = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number(),
  description: z.string(),
  publishedAt: z.string().nullable(),
  tasks: z.array(ZTask),
});
const ZDraw = z.object({
  number: z.number(),
  seed: z.number(),
  algorithm: z.string(),
  reason: z.string().nullable(),
  drawnAt: z.string(),
  // Kept whole (loose): the page offers it for re-drawing.
  input: z.looseObject({
    objects: z.array(z.looseObject({ id: z.string() })),
    inspectors: z.array(z.looseObject({ id: z.string() })),
    conflicts: z.array(z.unknown()),
    previous: z.array(z.unknown()),
    objectCount: z.number(),
    inspectorsPerObject: z.number(),
    strata: z.array(z.looseObject({ key: z.string(), poolSize: z.number(), count: z.number() })).optional(),
  }),
  assignments: z.array(
    z.object({
      position: z.number(),
      objectId: z.string(),
      uscc: z.string(),
      objectName: z.string(),
      inspectors: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  ),
});
const ZPublicTask = ZTask.extend({ draw: ZDraw.nullable(), supersededDraws: z.array(ZDraw) });
const ZResult = z.object({
  taskId: z.string(),
  taskName: z.string(),
  planName: z.string(),
  itemName: z.string(),
  uscc: z.string(),
  objectName: z.string(),
  resultLabel: z.string(),
  caseNumber: z.string().nullable(),
  endDate: z.string(),
  publishedAt: z.string(),
});

export type TPublicInspectionItem = z.infer<typeof ZItem>;
export type TPublicInspectionPlan = z.infer<typeof ZPlan>;
export type TPublicInspectionTask = z.infer<typeof ZPublicTask>;
export type TPublicInspectionResult = z.infer<typeof ZResult>;

export interface TPublicInspectionSource {
  items(q?: string): Promise<TPublicInspectionItem[]>;
  plans(year?: number): Promise<TPublicInspectionPlan[]>;
  /** null: no such published task. */
  task(id: string): Promise<TPublicInspectionTask | null>;
  results(query: {
    q?: string | undefined;
    year?: number | undefined;
    taskId?: string | undefined;
  }): Promise<TPublicInspectionResult[]>;
}

const unavailable = (cause: unknown) =>
  new AppError('unavailable', '双随机抽查信息暂时无法获取（随机抽查系统不可用），请稍后再试', { cause });

/**
 * The inspection service's public API over HTTP (no token: it is public). Each answer is reused for
 * `maxAgeMs` (30 s by default: a published plan or result shows within that), at most `maxEntries`
 * distinct queries kept (the oldest dropped first). Unreachable, slow (5 s) or answering 5xx or an
 * unexpected body: AppError `unavailable` (the page answers 503 in Chinese).
 */
export function createPublicInspectionSource(options: {
  baseUrl: string;
  maxAgeMs?: number;
  maxEntries?: number;
  now?: () => number;
}): TPublicInspectionSource {
  const baseUrl = options.baseUrl.replace(/\/+$/u, '');
  const maxAgeMs = options.maxAgeMs ?? 30_000;
  const maxEntries = options.maxEntries ?? 500;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { until: number; value: unknown }>();

  async function get<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S> | null> {
    const hit = cache.get(path);
    if (hit && now() < hit.until) return hit.value as z.infer<S> | null;
    let res: Response;
    try {
      res = await fetch(`${baseUrl}${path}`, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(5_000),
      });
    } catch (err) {
      throw unavailable(err);
    }
    let value: z.infer<S> | null;
    if (res.status === 404) {
      await res.body?.cancel();
      value = null;
    } else if (!res.ok) {
      await res.body?.cancel();
      throw unavailable(new Error(`GET ${path} → ${res.status}`));
    } else {
      const parsed = schema.safeParse(await res.json().catch(() => undefined));
      if (!parsed.success) throw unavailable(parsed.error);
      value = parsed.data;
    }
    cache.delete(path);
    cache.set(path, { until: now() + maxAgeMs, value });
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
    return value;
  }
  const qs = (params: Record<string, string | number | undefined>) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
    const text = search.toString();
    return text ? `?${text}` : '';
  };
  return {
    items: async (q) => (await get(`/public/items${qs({ q })}`, z.array(ZItem))) ?? [],
    plans: async (year) => (await get(`/public/plans${qs({ year })}`, z.array(ZPlan))) ?? [],
    task: (id) => get(`/public/tasks/${encodeURIComponent(id)}`, ZPublicTask),
    results: async (query) =>
      (await get(
        `/public/results${qs({ q: query.q, year: query.year, taskId: query.taskId })}`,
        z.array(ZResult),
      )) ?? [],
  };
}
