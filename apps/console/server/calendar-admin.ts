import {
  PROVISIONAL_RUNNING_QUERY,
  signalWorkflowsWithProvisionalDeadlines,
  type createTemporalClient,
  type Logger,
} from '@sanxiang/shared';
import {
  CalendarDataError,
  dateInShanghai,
  importYearData,
  loadHolidayYears,
} from '@sanxiang/shared/src/calendar';
import { lifecycleWorkflowId } from '@sanxiang/shared/src/domain/identifiers';
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';

type TTemporalClient = ReturnType<typeof createTemporalClient>['client'];

export interface TCalendarAdminDeps {
  /** Where imported years live (CALENDAR_DATA_DIR, shared with the worker and the services). */
  dataDir: string;
  /** To list and signal the running workflows with provisional deadlines. */
  temporal: TTemporalClient;
  /** Narrows the workflows listed and signalled (tests: their own task queue). */
  andQuery?: string;
  logger: Logger;
}

/** At most this many running workflows with provisional deadlines are listed. */
const PROVISIONAL_LIST_LIMIT = 200;
const CASE_WORKFLOW_PREFIX = lifecycleWorkflowId('');

export const ZCalendarOverview = z.object({
  years: z.array(
    z.object({
      year: z.number().int(),
      source: z.enum(['shipped', 'imported']),
      papers: z.array(z.string()),
      offDays: z.number().int(),
      makeUpWorkdays: z.number().int(),
    }),
  ),
  /** This year and the next when they have no data: deadlines reaching into them are provisional. */
  missingYears: z.array(z.number().int()),
  provisional: z.object({
    items: z.array(
      z.object({
        workflowId: z.string(),
        caseNumber: z.string().nullable(),
        startedAt: z.string().nullable(),
      }),
    ),
    /** More than the list shows. */
    truncated: z.boolean(),
    /** Temporal unreachable: the list is unknown (the years above are still right). */
    error: z.string().nullable(),
  }),
});

const problem = (res: Response, status: number, title: string, detail: string, extra: object = {}) =>
  res
    .status(status)
    .type('application/problem+json')
    .json({ type: `urn:sanxiang:problem:${status}`, title, status, detail, ...extra });

const isAdmin = (req: Request) => Boolean(req.session.user?.roles.includes('admin'));

/**
 * 日历 (admins), under `/api/calendar`: the holiday years loaded (shipped or imported), the years
 * still missing, the running workflows whose deadlines are provisional (Temporal visibility, as the
 * CLI's `calendar import` reads it), and the import of a year — the same validation and storage as
 * `npm run cli -- calendar import` (packages/shared/src/calendar), then the same signal to those
 * workflows so they recompute.
 */
export function calendarAdmin(deps: TCalendarAdminDeps): Router {
  const router = express.Router();

  router.get('/', async (req, res) => {
    if (!isAdmin(req)) return void problem(res, 403, '无权访问', '节假日日历仅系统管理员可管理');
    const loaded = await loadHolidayYears({ importedDir: deps.dataDir });
    const thisYear = Number(dateInShanghai(new Date()).slice(0, 4));
    const known = new Set(loaded.map((l) => l.data.year));
    const items: { workflowId: string; caseNumber: string | null; startedAt: string | null }[] = [];
    let truncated = false;
    let error: string | null = null;
    try {
      const query = deps.andQuery
        ? `${PROVISIONAL_RUNNING_QUERY} AND ${deps.andQuery}`
        : PROVISIONAL_RUNNING_QUERY;
      for await (const execution of deps.temporal.workflow.list({ query })) {
        if (items.length >= PROVISIONAL_LIST_LIMIT) {
          truncated = true;
          break;
        }
        items.push({
          workflowId: execution.workflowId,
          caseNumber: execution.workflowId.startsWith(CASE_WORKFLOW_PREFIX)
            ? execution.workflowId.slice(CASE_WORKFLOW_PREFIX.length)
            : null,
          startedAt: execution.startTime?.toISOString() ?? null,
        });
      }
    } catch (err) {
      deps.logger.warn({ err }, 'calendar: Temporal visibility unreachable');
      error = '工作流引擎暂时无法访问，含临时期限的流程未能列出';
    }
    res.setHeader('cache-control', 'no-store');
    res.json(
      ZCalendarOverview.parse({
        years: loaded.map((l) => ({
          year: l.data.year,
          source: l.source,
          papers: l.data.papers,
          offDays: l.data.days.filter((d) => d.isOffDay).length,
          makeUpWorkdays: l.data.days.filter((d) => !d.isOffDay).length,
        })),
        missingYears: [thisYear, thisYear + 1].filter((y) => !known.has(y)),
        provisional: { items, truncated, error },
      }),
    );
  });

  router.post('/years', express.json({ limit: '1mb' }), async (req, res) => {
    if (!isAdmin(req)) return void problem(res, 403, '无权访问', '节假日日历仅系统管理员可管理');
    let imported;
    try {
      imported = await importYearData(req.body, deps.dataDir, '上传的文件');
    } catch (err) {
      if (err instanceof CalendarDataError)
        return void problem(res, 400, '节假日数据不合法', err.summary, {
          errors: err.problems.map((message) => ({ path: 'body.file', message })),
        });
      throw err;
    }
    deps.logger.info({ year: imported.year, replaced: imported.replaced }, 'calendar year imported');
    let signalled: number | null = null;
    let signalError: string | null = null;
    try {
      signalled = await signalWorkflowsWithProvisionalDeadlines(
        deps.temporal,
        [imported.year],
        deps.andQuery,
      );
    } catch (err) {
      deps.logger.warn({ err }, 'calendar: signalling provisional workflows failed');
      signalError = '节假日数据已保存，但通知含临时期限的流程失败；可重新导入同一文件以重试';
    }
    res.status(imported.replaced ? 200 : 201).json({
      year: imported.year,
      replaced: imported.replaced,
      offDays: imported.offDays,
      makeUpWorkdays: imported.makeUpWorkdays,
      signalled,
      signalError,
    });
  });
  return router;
}
