import type { Api } from '@sanxiang/shared';
import { getPublicDecision, ZPublicDecisionView } from '../../domain/publication/get-public-decision';
import {
  searchPublicDecisions,
  ZPublicSearchQuery,
  ZPublicSearchResult,
} from '../../domain/search/search-public-decisions';
import { ZPublicPersonnelList } from '@sanxiang/shared/src/contracts';
import { ZIdParams, type TRouteDeps } from './route-support';

const tags = ['public'];

/**
 * The public JSON API (公示平台): the same filters as the pages, the same bounded query. Reads only
 * the public projections. Rate-limited by the middleware mounted before the API (app.ts).
 */
export function registerPublicApiRoutes(api: Api, deps: TRouteDeps): void {
  api.route({
    method: 'get',
    path: '/api/public/decisions',
    summary: '检索已公示的行政执法决定（关键词、决定类别、执法机关、决定日期）',
    tags,
    access: 'public',
    request: { query: ZPublicSearchQuery },
    responses: {
      200: { description: 'OK', schema: ZPublicSearchResult },
      400: { description: '检索条件不合法' },
      429: { description: '请求过于频繁' },
    },
    handler: async ({ query, res }) => {
      res.set('Cache-Control', 'no-cache'); // a withdrawal must show at once: revalidate every time
      return {
        body: await searchPublicDecisions({ pool: deps.publicReads, tokenStats: deps.tokenStats }, query),
      };
    },
  });

  api.route({
    method: 'get',
    path: '/api/public/decisions/{id}',
    summary: '已公示决定详情；已撤下的只返回撤下说明',
    tags,
    access: 'public',
    request: { params: ZIdParams },
    responses: {
      200: { description: 'OK', schema: ZPublicDecisionView },
      404: { description: '未公示或已期满撤下' },
      429: { description: '请求过于频繁' },
    },
    handler: async ({ params, res }) => {
      res.set('Cache-Control', 'no-cache'); // a withdrawal must show at once: revalidate every time
      return { body: await getPublicDecision(deps.publicReads, params.id) };
    },
  });

  api.route({
    method: 'get',
    path: '/api/public/personnel',
    summary: '执法人员清单：此刻持有效执法证的人员（由人员目录生成；到期、暂扣、注销即不再列出）',
    tags,
    access: 'public',
    responses: {
      200: { description: 'OK', schema: ZPublicPersonnelList },
      429: { description: '请求过于频繁' },
      503: { description: '人员目录暂不可用' },
    },
    handler: async ({ res }) => {
      res.set('Cache-Control', 'no-cache');
      return { body: await deps.personnel.listAt(deps.now()) };
    },
  });
}
