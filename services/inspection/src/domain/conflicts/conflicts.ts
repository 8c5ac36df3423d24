import {
  AppError,
  type TDatabase,
  type TIdempotentRequest,
  type TPrincipal,
  type TReader,
} from '@sanxiang/shared';
import { z } from 'zod';
import { conflictSubject, writeAudit, type TAuditActor } from '../../data-access/audit-log';
import { findObject } from '../../data-access/catalogue-repository';
import {
  createConflict,
  findConflict,
  listConflictRows,
  markConflictWithdrawn,
} from '../../data-access/conflict-repository';
import type { ConflictDeclaration, InspectionObject } from '../../data-access/rows';
import { inTransaction } from '../../data-access/transaction';

export const ZDeclareConflictBody = z
  .object({
    /** The object, by id or by 统一社会信用代码. */
    objectId: z.uuid().optional(),
    uscc: z.string().trim().length(18).optional(),
    /** Whose conflict: the caller's own when absent; heads and admins may record someone else's. */
    inspectorId: z.string().trim().min(1).max(100).optional(),
    inspectorName: z.string().trim().min(1).max(100).optional(),
    reason: z
      .string()
      .trim()
      .min(4, '请写明利益冲突的具体情形')
      .max(1000)
      .describe('利益冲突情形（如近亲属在该单位任职）'),
  })
  .refine((b) => Boolean(b.objectId) !== Boolean(b.uscc), {
    message: '检查对象与统一社会信用代码须且只须填写其一',
    path: ['objectId'],
  });

export const ZConflictView = z.object({
  id: z.string(),
  inspectorId: z.string(),
  inspectorName: z.string(),
  objectId: z.string(),
  objectName: z.string(),
  uscc: z.string(),
  reason: z.string(),
  declaredById: z.string(),
  declaredAt: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
});
export type TConflictView = z.infer<typeof ZConflictView>;

const conflictView = (c: ConflictDeclaration & { object: InspectionObject }): TConflictView => ({
  id: c.id,
  inspectorId: c.inspectorId,
  inspectorName: c.inspectorName,
  objectId: c.objectId,
  objectName: c.object.name,
  uscc: c.object.uscc,
  reason: c.reason,
  declaredById: c.declaredById,
  declaredAt: c.declaredAt.toISOString(),
  withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
  withdrawReason: c.withdrawReason,
});

const mayRecordForOthers = (p: TPrincipal) => p.roles.includes('head') || p.roles.includes('admin');

/**
 * 利益冲突申报: an inspector declares an interest in an object (or a head / admin records it for
 * them); from then on the draw never pairs them. Declarations are kept; a withdrawal has a reason.
 */
export async function declareConflict(
  db: TDatabase,
  principal: TPrincipal,
  actor: TAuditActor,
  body: z.infer<typeof ZDeclareConflictBody>,
  idempotency: TIdempotentRequest | undefined,
) {
  const forOther = body.inspectorId !== undefined && body.inspectorId !== principal.id;
  if (forOther && !mayRecordForOthers(principal))
    throw new AppError('forbidden', '只能申报本人的利益冲突；为他人登记须由负责人或管理员进行');
  if (forOther && !body.inspectorName) throw new AppError('validation', '为他人登记时须填写检查人员姓名');
  return inTransaction(db, idempotency, async (tx) => {
    const object = await findObject(
      tx,
      body.objectId ? { id: body.objectId } : { uscc: body.uscc!.toUpperCase() },
    );
    if (!object) throw new AppError('notFound', '检查对象名录库中没有该对象');
    const declaration = await createConflict(tx, {
      inspectorId: forOther ? body.inspectorId! : principal.id,
      inspectorName: forOther ? body.inspectorName! : principal.name,
      objectId: object.id,
      reason: body.reason,
      declaredById: principal.id,
    });
    await writeAudit(tx, actor, 'conflict.declared', conflictSubject(declaration.id), {
      inspectorId: declaration.inspectorId,
      uscc: object.uscc,
      reason: body.reason,
    });
    return { status: 201, body: conflictView(declaration) };
  });
}

export const ZWithdrawConflictBody = z.object({
  reason: z.string().trim().min(4, '请写明撤回理由').max(1000),
});

export async function withdrawConflict(
  db: TDatabase,
  actor: TAuditActor,
  id: string,
  reason: string,
  now: Date,
  idempotency: TIdempotentRequest | undefined,
) {
  return inTransaction(db, idempotency, async (tx) => {
    const found = await findConflict(tx, id);
    if (!found) throw new AppError('notFound', `利益冲突申报 ${id} 不存在`);
    if (found.withdrawnAt) throw new AppError('conflict', '该申报已撤回');
    const updated = await markConflictWithdrawn(tx, id, now, reason);
    await writeAudit(tx, actor, 'conflict.withdrawn', conflictSubject(id), { reason });
    return { status: 200, body: conflictView(updated) };
  });
}

export async function listConflicts(
  db: TReader,
  query: { inspectorId?: string | undefined; objectId?: string | undefined },
) {
  return (await listConflictRows(db, query)).map(conflictView);
}
