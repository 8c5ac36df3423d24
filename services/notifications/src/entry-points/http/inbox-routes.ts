import type { Api } from '@sanxiang/shared';
import { z } from 'zod';
import type { TDomainDeps } from '../../domain/deps';
import { listInbox, markInbox } from '../../domain/inbox';
import { readPreferences, savePreferences, ZPreferences, ZPreferencesBody } from '../../domain/preferences';
import { ZInboxItem, ZInboxPage } from '../../domain/views';
import { problem, staff, ZCursor, ZLimit } from './http-context';

/** Each person's own inbox and e-mail preferences (the token's subject is the person). */
export function inboxRoutes(api: Api, deps: TDomainDeps): void {
  api.route({
    method: 'get',
    path: '/inbox',
    summary: '我的通知（最新在前；含未读数、截止日期、剩余或超期工作日、邮件发送状态）',
    tags: ['inbox'],
    access: staff,
    request: {
      query: z.object({
        status: z.enum(['unread', 'read', 'done']).optional(),
        limit: ZLimit(100, 20),
        cursor: ZCursor,
      }),
    },
    responses: { 200: { description: '通知', schema: ZInboxPage } },
    handler: async ({ principal, query }) => ({ body: await listInbox(deps, principal.id, query) }),
  });

  for (const to of ['read', 'done'] as const) {
    api.route({
      method: 'post',
      path: `/inbox/{id}/${to}`,
      summary: to === 'read' ? '标为已读（幂等）' : '标为已办结（幂等）',
      tags: ['inbox'],
      access: staff,
      request: { params: z.object({ id: z.uuid() }) },
      responses: { 200: { description: '通知', schema: ZInboxItem }, 404: problem('不存在') },
      handler: async ({ principal, params }) => ({
        body: await markInbox(deps, principal.id, params.id, to),
      }),
    });
  }

  api.route({
    method: 'get',
    path: '/preferences/me',
    summary: '我的邮件通知设置（按级别；发给负责人的督办邮件不可关闭）',
    tags: ['preferences'],
    access: staff,
    responses: { 200: { description: '设置', schema: ZPreferences } },
    handler: async ({ principal }) => ({ body: await readPreferences(deps, principal.id) }),
  });

  api.route({
    method: 'put',
    path: '/preferences/me',
    summary: '修改我的邮件通知设置（幂等）',
    tags: ['preferences'],
    access: staff,
    request: { body: ZPreferencesBody },
    responses: { 200: { description: '设置', schema: ZPreferences }, 400: problem('请求不合法') },
    handler: async ({ principal, body }) => ({ body: await savePreferences(deps, principal.id, body) }),
  });
}
