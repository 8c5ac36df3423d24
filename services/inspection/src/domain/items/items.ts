import { z } from 'zod';
import { writeAudit, itemSubject, type TAuditActor } from '../../data-access/audit-log';
import { findItem, listItemRows, upsertItem } from '../../data-access/catalogue-repository';
import type { InspectionItem } from '../../data-access/rows';
import { inTransaction } from '../../data-access/transaction';
import type { TDatabase, TIdempotentRequest, TReader } from '@sanxiang/shared';

const text = (max: number) => z.string().trim().min(1).max(max);

export const ZItemCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/u, '事项编码只能含字母、数字、连字符，最长40位');

/** 随机抽查事项清单 item as the agency publishes it (000 §9: 主体、依据、对象、内容、比例、方式、频次). */
export const ZSaveItemBody = z.object({
  name: text(200).describe('事项名称'),
  subject: text(200).describe('抽查主体'),
  basis: text(2000).describe('抽查依据'),
  objectScope: text(500).describe('抽查对象'),
  content: text(2000).describe('抽查内容'),
  ratio: text(200).describe('抽查比例（公布的文字，如“不低于5%”）'),
  ratioPercent: z.number().gt(0).max(100).nullable().default(null).describe('比例的百分数，任务默认按此抽取'),
  method: text(200).describe('抽查方式'),
  frequency: text(200).describe('抽查频次'),
  enforcementCategory: text(100).describe('检查人员执法证须覆盖的执法类别'),
  enforcementArea: text(100).describe('检查人员执法证须覆盖的执法区域'),
  excludePreviousInspectors: z.boolean().default(false).describe('同一对象不再抽取上次检查的人员'),
  stratifyBy: z
    .enum(['district', 'kind'], { error: '分层方式只能是按所属区域（`district`）或按对象类型（`kind`）' })
    .nullable()
    .default(null)
    .describe('分层抽取：district 按所属区域、kind 按对象类型，各层按比例抽取；null 不分层'),
  active: z.boolean().default(true),
});
export type TSaveItemBody = z.infer<typeof ZSaveItemBody>;

export const ZItemView = ZSaveItemBody.extend({ id: z.string(), code: z.string(), updatedAt: z.string() });
export type TItemView = z.infer<typeof ZItemView>;

export const itemView = (i: InspectionItem): TItemView => ({
  id: i.id,
  code: i.code,
  name: i.name,
  subject: i.subject,
  basis: i.basis,
  objectScope: i.objectScope,
  content: i.content,
  ratio: i.ratio,
  ratioPercent: i.ratioPercent,
  method: i.method,
  frequency: i.frequency,
  enforcementCategory: i.enforcementCategory,
  enforcementArea: i.enforcementArea,
  excludePreviousInspectors: i.excludePreviousInspectors,
  stratifyBy: i.stratifyBy,
  active: i.active,
  updatedAt: i.updatedAt.toISOString(),
});

/** Creates or replaces an item of the list (audited with the fields that changed). */
export async function saveItem(
  db: TDatabase,
  actor: TAuditActor,
  code: string,
  body: TSaveItemBody,
  idempotency: TIdempotentRequest | undefined,
) {
  return inTransaction(db, idempotency, async (tx) => {
    const before = await findItem(tx, code);
    const item = await upsertItem(tx, code, body);
    const after = itemView(item);
    const changed = Object.fromEntries(
      Object.entries(body).filter(
        ([k, v]) => JSON.stringify(before?.[k as keyof InspectionItem] ?? null) !== JSON.stringify(v),
      ),
    );
    await writeAudit(tx, actor, before ? 'item.updated' : 'item.created', itemSubject(code), { changed });
    return { status: before ? 200 : 201, body: after };
  });
}

export const listItems = async (db: TReader, onlyActive: boolean) =>
  (await listItemRows(db, onlyActive)).map(itemView);
