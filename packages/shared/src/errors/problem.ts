import { AppError, errorCodes } from './app-error';

/** RFC 9457 problem details. `errors` carries field paths for validation failures. */
export interface TProblem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  requestId?: string;
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
}

export function toProblem(err: unknown, instance: string, requestId?: string): TProblem {
  if (err instanceof AppError) {
    return {
      type: `urn:sanxiang:problem:${err.code}`,
      title: errorCodes[err.code].title,
      status: err.status,
      detail: err.message,
      instance,
      code: err.code,
      ...(requestId ? { requestId } : {}),
      ...(err.options.fields ? { errors: err.options.fields } : {}),
      ...(err.options.extra ?? {}),
    };
  }
  return {
    type: 'urn:sanxiang:problem:internal',
    title: errorCodes.internal.title,
    status: 500,
    detail: '服务器内部错误，请稍后重试；如持续出现请联系管理员并提供请求编号',
    instance,
    code: 'internal',
    ...(requestId ? { requestId } : {}),
  };
}
