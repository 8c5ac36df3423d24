import type { FormInstance } from 'antd';

/** RFC 9457 problem+json as the services send it; `errors` name fields as `body.party.name`. */
export interface TProblem {
  title: string;
  status: number;
  detail?: string;
  code?: string;
  requestId?: string;
  errors?: { path: string; message: string }[];
}

export class ProblemError extends Error {
  constructor(readonly problem: TProblem) {
    super(problem.detail ?? problem.title);
  }
}

export function isProblem(value: unknown): value is TProblem {
  return typeof value === 'object' && value !== null && 'title' in value && 'status' in value;
}

/** The data of an openapi-fetch answer, or a ProblemError carrying the service's words. */
export function unwrap<T>(answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.error !== undefined || !answer.response.ok) {
    const e = answer.error;
    throw new ProblemError(
      isProblem(e)
        ? e
        : {
            title: '请求失败',
            status: answer.response.status,
            detail: `服务答复 HTTP ${answer.response.status}`,
          },
    );
  }
  return answer.data as T;
}

/** What to say for a problem in a message bar: the detail, plus the request id for 5xx. */
export function problemText(err: unknown): string {
  if (err instanceof ProblemError) {
    const p = err.problem;
    const said = p.detail ?? p.title;
    // A conflict is the case's state, not a fault: say so before the service's words.
    const base = p.status === 409 ? `当前状态不允许此操作：${said}` : said;
    return p.requestId && p.status >= 500 ? `${base}（请求编号 ${p.requestId}）` : base;
  }
  if (err instanceof TypeError) return '网络连接失败，请检查网络后重试（重试不会重复提交）';
  return err instanceof Error ? err.message : String(err);
}

/**
 * Puts each field error beside its form field (`body.party.name` → ['party', 'name']) and returns
 * what no field claims, for the form-level alert.
 */
export function showFieldErrors(form: FormInstance, err: unknown): string | undefined {
  if (!(err instanceof ProblemError) || !err.problem.errors?.length) return problemText(err);
  const known = new Set(
    form
      .getFieldsError()
      .map((f) => f.name.join('.'))
      .filter(Boolean),
  );
  const unclaimed: string[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const { path, message } of err.problem.errors) {
    const name = path
      .replace(/^body\./u, '')
      .split('.')
      .map((part) => (/^\d+$/u.test(part) ? Number(part) : part));
    let match = name;
    while (match.length > 0 && !known.has(match.join('.'))) match = match.slice(0, -1);
    if (match.length > 0) fields.push({ name: match, errors: [message] });
    else unclaimed.push(message);
  }
  form.setFields(fields);
  const detail = err.problem.detail ?? err.problem.title;
  return unclaimed.length > 0 || fields.length === 0 ? [detail, ...unclaimed].join('；') : detail;
}

/** One key per form submission: a retried submission (network failure) reuses it. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
