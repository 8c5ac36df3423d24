import type { Request, Response } from 'express';
import type { z } from 'zod';
import { isAppError } from '@sanxiang/shared';
import { renderErrorPage } from './pages/error-page';

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
      // A dependency that is down (e.g. the staff directory for 执法人员清单): say so, in Chinese.
      if (isAppError(err) && err.status === 503) {
        req.log?.warn({ err: err.message }, 'public page: dependency unavailable');
        res.status(503).set('retry-after', '30').type('html').send(renderErrorPage(503, err.message));
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
