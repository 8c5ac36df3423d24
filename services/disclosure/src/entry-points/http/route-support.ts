import type { Request } from 'express';
import { z } from 'zod';
import { readIdempotencyKey, type TPrincipal } from '@sanxiang/shared';
import type { WorkingDayCalendar } from '@sanxiang/shared/src/calendar';
import type { Client } from '@temporalio/client';
import type { TActor } from '../../data-access/audit-log';
import type { TDb } from '../../data-access/prisma-client';
import type { TTokenStats } from '../../data-access/public-decision-repository';
import type { TPublicReadPool } from '../../data-access/public-read-pool';
import type { TIdempotency, TUnitOfWork } from '../../data-access/unit-of-work';

/** What route modules need; built once in app.ts. */
export interface TRouteDeps {
  db: TDb;
  /** The public platform reads through this pool only (public projections). */
  publicReads: TPublicReadPool;
  /** Search-token statistics for planning keyword searches (cached). */
  tokenStats: () => Promise<TTokenStats>;
  uow: TUnitOfWork;
  temporal: Client;
  calendar: () => Promise<WorkingDayCalendar>;
  /** Task queue of the workflows this service starts (catalogue-update clocks). */
  taskQueue: string;
}

export const actorOf = (principal: TPrincipal, req: Request): TActor => ({
  id: principal.id,
  name: principal.name,
  requestId: typeof req.id === 'string' || typeof req.id === 'number' ? String(req.id) : undefined,
});

/** The request's Idempotency-Key (optional for staff, sent by every workflow activity). */
export function idempotencyOf(req: Request, scope: string, body: unknown): TIdempotency {
  return { key: readIdempotencyKey(req), scope: `${req.method} ${scope}`, body };
}

export const ZIdParams = z.object({ id: z.uuid({ error: '编号格式不正确' }) });

export const problemResponses = {
  400: { description: '请求参数不合法（problem+json，errors 列出字段）' },
  404: { description: '不存在' },
  409: { description: '与当前状态冲突' },
} as const;
