import type { Api } from '@sanxiang/shared';
import { ZClockEvent, ZNotifyRequest, ZNotifyResponse } from '@sanxiang/shared/src/contracts';
import { applyClockEvent } from '../../domain/clock-events';
import type { TDomainDeps } from '../../domain/deps';
import { recordNotifications } from '../../domain/record-notifications';
import { problem, system } from './http-context';

/** What the workflow worker calls (machine token). */
export function internalRoutes(api: Api, deps: TDomainDeps): void {
  api.route({
    method: 'post',
    path: '/internal/notifications',
    summary: '通知一个期限节点的责任人（按 clockKey+level+personId 恰好一次；重复请求返回原通知）',
    tags: ['internal'],
    access: system,
    request: { body: ZNotifyRequest },
    responses: {
      200: { description: '每名被通知人员的通知（新建或已有）', schema: ZNotifyResponse },
      400: problem('请求不合法'),
    },
    handler: async ({ body }) => ({ body: await recordNotifications(deps, body) }),
  });

  api.route({
    method: 'post',
    path: '/internal/clock-events',
    summary: '期限开始、暂停或停止（更新待办与督办看板；幂等，过时事件不改变状态）',
    tags: ['internal'],
    access: system,
    request: { body: ZClockEvent },
    responses: { 204: { description: '已记录' }, 400: problem('请求不合法') },
    handler: async ({ body }) => {
      await applyClockEvent(deps, body);
      return { status: 204 };
    },
  });
}
