import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { fieldLabelOf } from '@sanxiang/shared/src/domain';
import { ProblemError } from '../api/problem';

/**
 * A zod check that failed in the browser, shaped like the service's problem+json (422 with
 * `errors[].path`), so both land beside their fields the same way (`showFieldErrors`).
 */
export function issuesAsProblem(issues: z.core.$ZodIssue[], prefix = 'body'): ProblemError {
  return new ProblemError({
    title: '请求不合法',
    status: 422,
    detail: '请按提示修改后再提交',
    errors: issues.map((i) => {
      const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
      return {
        path: [prefix, ...path].join('.'),
        message: path.length > 0 ? `${fieldLabelOf(['body', ...path])}：${i.message}` : i.message,
      };
    }),
  });
}

/** Clears the errors a previous submission left on the form's fields. */
export function clearFieldErrors(form: FormInstance) {
  form.setFields(form.getFieldsError().map((f) => ({ name: f.name, errors: [] })));
}
