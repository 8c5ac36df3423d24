import type { z } from 'zod';
import { AppError, type TFieldError } from './app-error';

/** Turn a zod failure at a boundary (`body`, `query`, `params`, …) into a 400 naming every field. */
export function validationError(where: string, error: z.ZodError): AppError {
  const fields: TFieldError[] = error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const summary = fields.map((f) => f.path).join(', ');
  return new AppError('validation', `以下字段不合法: ${summary}`, { fields });
}
