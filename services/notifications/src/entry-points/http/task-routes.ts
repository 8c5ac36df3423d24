import type { Api } from '@sanxiang/shared';
import { ZTaskClockKind } from '@sanxiang/shared/src/contracts';
import { z } from 'zod';
import type { TDomainDeps } from '../../domain/deps';
import { board, boardScope, myTasks } from '../../domain/tasks';
import { ZBoard, ZTaskPage } from '../../domain/views';
import { problem, staff, supervisors, ZCursor, ZLimit } from './http-context';

/** 我的待办 and the 督办看板, read from the tasks read model (never from Temporal visibility). */
export function taskRoutes(api: Api, deps: TDomainDeps): void {
  api.route({
    method: 'get',
    path: '/tasks/mine',
    summary: '我的待办：等待本人办理或由本人督办的期限，最紧急在前（游标分页）',
    tags: ['tasks'],
    access: staff,
    request: { query: z.object({ limit: ZLimit(100, 20), cursor: ZCursor }) },
    responses: { 200: { description: '待办', schema: ZTaskPage } },
    handler: async ({ principal, query }) => ({ body: await myTasks(deps, principal.id, query) }),
  });

  api.route({
    method: 'get',
    path: '/board',
    summary:
      '督办看板：进行中与已超期的期限，按类别、机构、状态分组计数，可筛选，逐条链接到案件；法制审核机构与机关负责人看全部，其他机构负责人看本机构',
    tags: ['tasks'],
    access: supervisors,
    request: {
      query: z.object({
        kind: ZTaskClockKind.optional(),
        unitId: z.string().trim().min(1).max(64).optional(),
        overdue: z
          .enum(['true', 'false'])
          .transform((v) => v === 'true')
          .optional(),
        level: z.coerce.number().int().min(-1).max(2).optional(),
        limit: ZLimit(500, 100),
      }),
    },
    responses: { 200: { description: '看板', schema: ZBoard }, 503: problem('人员目录暂不可用') },
    handler: async ({ principal, query }) => ({
      body: await board(deps, query, await boardScope(deps, principal)),
    }),
  });
}
