import type { Logger } from '@sanxiang/shared';
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { z } from 'zod';

/**
 * How long one service may take to answer its `/readyz` before it counts as unreachable: longer than
 * the services' own per-check limit (3 s, packages/shared/src/http/create-service-app.ts), so a slow
 * check is reported by the service as that check failing, not as the service unreachable.
 */
const READYZ_TIMEOUT_MS = 5_000;

/** One component's readiness as the admin's 系统状态 page shows it. */
export const ZComponentStatus = z.object({
  name: z.string(),
  /** `ready` (200), `notReady` (the service answered 503 or another status), `unreachable`. */
  state: z.enum(['ready', 'notReady', 'unreachable']),
  httpStatus: z.number().int().nullable(),
  /** The service's own checks (database, Temporal, object store …), as its `/readyz` lists them. */
  checks: z.record(z.string(), z.object({ ok: z.boolean(), error: z.string().optional() })),
  error: z.string().nullable(),
  elapsedMs: z.number().int(),
});
export const ZSystemStatus = z.object({ checkedAt: z.string(), components: z.array(ZComponentStatus) });
export type TSystemStatus = z.infer<typeof ZSystemStatus>;

const ZReadyz = z.object({
  checks: z.record(z.string(), z.object({ ok: z.boolean(), error: z.string().optional() })).optional(),
});

async function readyz(name: string, base: string): Promise<z.infer<typeof ZComponentStatus>> {
  const started = Date.now();
  try {
    const res = await fetch(`${base.replace(/\/$/u, '')}/readyz`, {
      signal: AbortSignal.timeout(READYZ_TIMEOUT_MS),
      headers: { accept: 'application/json' },
    });
    const parsed = ZReadyz.safeParse(await res.json().catch(() => ({})));
    return {
      name,
      state: res.status === 200 ? 'ready' : 'notReady',
      httpStatus: res.status,
      checks: parsed.success ? (parsed.data.checks ?? {}) : {},
      error: null,
      elapsedMs: Date.now() - started,
    };
  } catch (err) {
    const timedOut = (err as Error).name === 'TimeoutError';
    return {
      name,
      state: 'unreachable',
      httpStatus: null,
      checks: {},
      error: timedOut ? `${READYZ_TIMEOUT_MS / 1000} 秒内未答复` : `无法连接（${(err as Error).message}）`,
      elapsedMs: Date.now() - started,
    };
  }
}

/**
 * `GET /api/system/status` (admins): the console asks every service's `/readyz` (in parallel, each
 * within 3 s) and its own session database, so the browser needs no route to the services.
 */
export function systemStatus(deps: {
  targets: Record<string, string>;
  pool: Pool;
  logger: Logger;
}): RequestHandler {
  return async (req, res) => {
    if (!req.session.user?.roles.includes('admin')) {
      res.status(403).type('application/problem+json').json({
        type: 'urn:sanxiang:problem:forbidden',
        title: '无权访问',
        status: 403,
        detail: '系统状态仅系统管理员可查看',
      });
      return;
    }
    const consoleStarted = Date.now();
    const own = await deps.pool.query('SELECT 1').then(
      () => ({ ok: true }),
      (err: Error) => ({ ok: false, error: err.message }),
    );
    const components = [
      {
        name: 'console',
        state: own.ok ? ('ready' as const) : ('notReady' as const),
        httpStatus: own.ok ? 200 : 503,
        checks: { database: own },
        error: null,
        elapsedMs: Date.now() - consoleStarted,
      },
      ...(await Promise.all(Object.entries(deps.targets).map(([name, base]) => readyz(name, base)))),
    ];
    for (const c of components)
      if (c.state !== 'ready')
        deps.logger.info({ component: c.name, state: c.state }, 'system status: not ready');
    res.setHeader('cache-control', 'no-store');
    res.json(ZSystemStatus.parse({ checkedAt: new Date().toISOString(), components }));
  };
}
