import type { TDatabase, TIdempotentRequest } from '@sanxiang/shared';
import { z } from 'zod';
import { importSubject, writeAudit, type TAuditActor } from '../../data-access/audit-log';
import { createObjectImport, existingUsccs, upsertObject } from '../../data-access/catalogue-repository';
import { inTransaction } from '../../data-access/transaction';
import { parseObjectCsv } from './parse-object-csv';

export const ZRejectedRow = z.object({
  row: z.number().int().describe('文件中的行号（首行为表头，记为第1行）'),
  uscc: z.string(),
  reason: z.string().describe('拒收原因（中文）'),
});

export const ZImportReport = z.object({
  id: z.string(),
  at: z.string(),
  fileName: z.string().nullable(),
  dataRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  rejected: z.array(ZRejectedRow),
  /** One sentence for people: `共 12 行：新增 9 个，更新 1 个，拒收 2 行`. */
  summary: z.string(),
});
export type TImportReport = z.infer<typeof ZImportReport>;

const summaryOf = (r: { dataRows: number; created: number; updated: number; rejected: unknown[] }) =>
  `共 ${r.dataRows} 行：新增 ${r.created} 个，更新 ${r.updated} 个，拒收 ${r.rejected.length} 行`;

export const importReportView = (i: {
  id: string;
  at: Date;
  fileName: string | null;
  dataRows: number;
  created: number;
  updated: number;
  rejected: unknown;
}): TImportReport => {
  const rejected = i.rejected as TImportReport['rejected'];
  return {
    id: i.id,
    at: i.at.toISOString(),
    fileName: i.fileName,
    dataRows: i.dataRows,
    created: i.created,
    updated: i.updated,
    rejected,
    summary: summaryOf({ ...i, rejected }),
  };
};

/**
 * 检查对象名录库 import: valid rows are added or update the object with the same 统一社会信用代码
 * (and make it active again); rejected rows are reported with their row number and reason. The
 * import and its report are kept and audited.
 */
export async function importObjects(
  db: TDatabase,
  actor: TAuditActor,
  csv: string,
  fileName: string | null,
  idempotency: TIdempotentRequest | undefined,
) {
  const { rows, rejected } = parseObjectCsv(csv);
  return inTransaction(db, idempotency, async (tx) => {
    const existing = await existingUsccs(
      tx,
      rows.map((r) => r.uscc),
    );
    for (const { row: _row, ...fields } of rows) await upsertObject(tx, fields);
    const created = rows.filter((r) => !existing.has(r.uscc)).length;
    const record = await createObjectImport(tx, {
      actorId: actor.id,
      actorName: actor.name,
      fileName,
      dataRows: rows.length + rejected.length,
      created,
      updated: rows.length - created,
      rejected: rejected as never,
    });
    const report = importReportView(record);
    await writeAudit(tx, actor, 'objects.imported', importSubject(record.id), {
      fileName,
      dataRows: report.dataRows,
      created: report.created,
      updated: report.updated,
      rejected: rejected.length,
    });
    return { status: 201, body: report };
  });
}
