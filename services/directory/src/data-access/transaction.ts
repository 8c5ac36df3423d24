import { AppError, fieldError, type TDatabase, type TTransaction } from '@sanxiang/shared';
import { Prisma } from '../generated/prisma/client';
import { asTransaction, clientOf } from './prisma-client';

export type { TDatabase, TReader, TTransaction } from '@sanxiang/shared';

const isUniqueViolation = (err: unknown): err is Prisma.PrismaClientKnownRequestError =>
  err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

/**
 * Run `work` in one transaction (the change and its audit event commit together). A unique
 * violation (a login or certificate number already taken) answers 409 naming the field.
 */
export async function inTransaction<T>(
  db: TDatabase,
  work: (tx: TTransaction) => Promise<T>,
  uniqueFields: Record<string, string> = {},
): Promise<T> {
  try {
    return await clientOf(db).$transaction((tx) => work(asTransaction(tx)), {
      maxWait: 5_000,
      timeout: 15_000,
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const target = JSON.stringify(err.meta ?? {});
    const field = Object.keys(uniqueFields).find((f) => target.includes(f));
    const message = field ? uniqueFields[field]! : '与已有记录重复';
    throw new AppError('conflict', message, {
      fields: field ? [fieldError(`body.${field}`, '已被占用')] : [],
    });
  }
}
