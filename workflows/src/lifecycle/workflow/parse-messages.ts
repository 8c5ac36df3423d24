import { ApplicationFailure } from '@temporalio/common';
import type { z } from 'zod';
import type { TLifecycleFailureType, TProposalProblem } from '@sanxiang/shared/src/contracts';

/** An update rejection the caller can read: type + `{ code, message }[]` in details[0]. */
export const reject = (type: TLifecycleFailureType, problems: TProposalProblem[]): never => {
  throw ApplicationFailure.create({
    type,
    message: problems.map((p) => p.message).join('；'),
    details: [problems],
    nonRetryable: true,
  });
};

/** An update's payload, or a rejection naming every invalid field. */
export const parseUpdate = <S extends z.ZodType>(
  schema: S,
  raw: unknown,
  type: TLifecycleFailureType,
): z.infer<S> => {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return reject(
      type,
      parsed.error.issues.map((i) => ({
        code: `payload.${i.path.join('.')}`,
        message: `${i.path.join('.')}：${i.message}`,
      })),
    );
  }
  return parsed.data;
};

/** A signal cannot be refused: one that does not parse is logged and ignored. */
export const parseSignal = <S extends z.ZodType>(
  warn: (message: string, attributes?: Record<string, unknown>) => void,
  schema: S,
  raw: unknown,
  name: string,
): z.infer<S> | undefined => {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    warn(`Ignoring signal ${name}: invalid payload`, { issues: parsed.error.issues });
    return undefined;
  }
  return parsed.data;
};
