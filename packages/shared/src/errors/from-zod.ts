import type { z } from 'zod';
import { fieldLabelOf } from '../domain/field-labels';
import { chineseIssueMessage } from '../domain/zod-chinese';
import { AppError, type TFieldError } from './app-error';

/**
 * Turn a zod failure at a boundary (`body`, `query`, `params`, …) into a 400 naming every field in
 * words: `以下字段不合法：当事人名称（不能为空）；案号（最多 64 个字符）`. Each entry of `errors`
 * keeps the field's path for programs and says the same in Chinese (`当事人名称：不能为空`).
 */
export function validationError(where: string, error: z.ZodError): AppError {
  const issues = error.issues.flatMap((issue) =>
    // Unknown keys get one entry each, unless the schema words the refusal itself.
    issue.code === 'unrecognized_keys' && issue.message === chineseIssueMessage(issue as never)
      ? issue.keys.map((key) => ({ path: [where, ...issue.path.map(String), key], message: '不支持此字段' }))
      : [{ path: [where, ...issue.path.map(String)], message: issue.message }],
  );
  const fields: TFieldError[] = issues.map((i) => ({
    path: i.path.join('.'),
    message: `${fieldLabelOf(i.path)}：${i.message}`,
  }));
  const summary = issues.map((i) => `${fieldLabelOf(i.path)}（${i.message}）`).join('；');
  return new AppError('validation', `以下字段不合法：${summary}`, { fields });
}

/**
 * One entry of a refusal's `errors`, worded like a zod failure's: the path for programs, the field
 * named in words for people (`fieldError('body.endedAt', '早于开始时间')` → `结束时间：早于开始时间`).
 */
export const fieldError = (path: string, text: string): TFieldError => ({
  path,
  message: `${fieldLabelOf(path.split('.'))}：${text}`,
});
