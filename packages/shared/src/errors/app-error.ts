/**
 * The one error model. Domain code throws AppError with a code; the HTTP layer maps the code to a
 * status and renders RFC 9457 problem+json. Anything that is not an AppError is a bug: logged with
 * its stack, answered as a bare 500.
 */
export const errorCodes = {
  validation: { status: 400, title: '请求参数不合法' },
  unauthenticated: { status: 401, title: '未登录或凭证无效' },
  forbidden: { status: 403, title: '无权执行此操作' },
  notFound: { status: 404, title: '资源不存在' },
  conflict: { status: 409, title: '与当前状态冲突' },
  payloadTooLarge: { status: 413, title: '请求体过大' },
  unsupportedMediaType: { status: 415, title: '不支持的内容类型' },
  unprocessable: { status: 422, title: '内容校验未通过' },
  rateLimited: { status: 429, title: '请求过于频繁' },
  internal: { status: 500, title: '服务器内部错误' },
  unavailable: { status: 503, title: '依赖服务暂不可用' },
} as const;
export type TErrorCode = keyof typeof errorCodes;

export interface TFieldError {
  /** Dotted path of the offending field, prefixed with where it came from: `body.officers.0.name`. */
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: TErrorCode,
    /** Human-readable detail, safe to show to the caller. */
    message: string,
    readonly options: { fields?: TFieldError[]; cause?: unknown; extra?: Record<string, unknown> } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.status = errorCodes[code].status;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

export const notFound = (what: string) => new AppError('notFound', `${what} 不存在`);
export const conflict = (message: string, extra?: Record<string, unknown>) =>
  new AppError('conflict', message, extra ? { extra } : {});
export const forbidden = (message = '当前角色无权执行此操作') => new AppError('forbidden', message);
