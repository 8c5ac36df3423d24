import { AppError, type Api } from '@sanxiang/shared';
import { z } from 'zod';
import { importReportView, importObjects, ZImportReport } from '../../domain/objects/import-objects';
import { listObjects, ZObjectView } from '../../domain/objects/objects';
import { findObjectImport } from '../../data-access/catalogue-repository';
import type { TDomainDeps } from '../../domain/deps';
import { listItems, saveItem, ZItemCode, ZItemView, ZSaveItemBody } from '../../domain/items/items';
import { actorOf, keepers, problem, staff } from './http-context';
import type { Request } from 'express';

const maxCsvBytes = 5 * 1024 * 1024;

/** The body as text: UTF-8 (with or without BOM), or GB18030 as Excel saves CSV on Chinese Windows. */
async function csvText(req: Request): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxCsvBytes)
      throw new AppError('unprocessable', `CSV 文件超过 ${maxCsvBytes / 1024 / 1024} MB`);
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** 随机抽查事项清单 and 检查对象名录库. */
export function catalogueRoutes(api: Api, deps: TDomainDeps): void {
  api.route({
    method: 'get',
    path: '/items',
    summary: '随机抽查事项清单（含已停用事项）',
    tags: ['items'],
    access: staff,
    responses: { 200: { description: '事项', schema: z.array(ZItemView) } },
    handler: async () => ({ body: await listItems(deps.db, false) }),
  });

  api.route({
    method: 'put',
    path: '/items/{code}',
    summary: '新增或修改随机抽查事项（主体、依据、对象、内容、比例、方式、频次），留痕',
    tags: ['items'],
    access: keepers,
    idempotent: true,
    request: { params: z.object({ code: ZItemCode }), body: ZSaveItemBody },
    responses: {
      200: { description: '已修改', schema: ZItemView },
      201: { description: '已新增', schema: ZItemView },
    },
    handler: async (ctx) => saveItem(deps.db, actorOf(ctx), ctx.params.code, ctx.body, ctx.idempotency),
  });

  api.route({
    method: 'post',
    path: '/object-imports',
    summary:
      '导入检查对象名录库（CSV，UTF-8 或 GB18030，首行表头：统一社会信用代码、名称、类型、地址、所属区域）；逐行校验统一社会信用代码（GB 32100-2015 校验码），返回拒收行及原因',
    tags: ['objects'],
    access: keepers,
    idempotent: true,
    request: {
      query: z.object({ fileName: z.string().trim().max(200).optional() }),
      rawBody: { description: 'CSV 文件内容', contentTypes: ['text/csv'] },
    },
    responses: {
      201: { description: '导入报告（有效行已入库，拒收行列出行号与原因）', schema: ZImportReport },
      422: problem('文件无法读取、缺少必需列或没有数据行'),
    },
    handler: async (ctx) => {
      const text = await csvText(ctx.req);
      // The idempotency key binds to the file's content, not to the (empty) JSON body.
      const idempotency = ctx.idempotency && {
        ...ctx.idempotency,
        request: { csv: text, fileName: ctx.query.fileName ?? null },
      };
      return importObjects(deps.db, actorOf(ctx), text, ctx.query.fileName ?? null, idempotency);
    },
  });

  api.route({
    method: 'get',
    path: '/object-imports/{importId}',
    summary: '一次导入的报告',
    tags: ['objects'],
    access: keepers,
    request: { params: z.object({ importId: z.uuid() }) },
    responses: { 200: { description: '导入报告', schema: ZImportReport } },
    handler: async ({ params }) => {
      const found = await findObjectImport(deps.db, params.importId);
      if (!found) throw new AppError('notFound', `导入记录 ${params.importId} 不存在`);
      return { body: importReportView(found) };
    },
  });

  api.route({
    method: 'get',
    path: '/objects',
    summary: '检查对象名录库（按名称或统一社会信用代码检索，按区域筛选）',
    tags: ['objects'],
    access: staff,
    request: {
      query: z.object({
        q: z.string().trim().max(100).optional(),
        district: z.string().trim().max(100).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
    },
    responses: { 200: { description: '对象', schema: z.array(ZObjectView) } },
    handler: async ({ query }) => ({ body: await listObjects(deps.db, query) }),
  });
}
