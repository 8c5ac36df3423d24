import type { z } from 'zod';
import { idempotencyKeyHeader, idempotencyKeyHeaderValue } from '../contracts/internal-api';

/** A bearer token for a machine identity (role `system`), renewed by its source. */
export type TTokenSource = () => Promise<string> | string;

export interface TServiceClientOptions {
  /** e.g. SERVICE_URL_RECORDING; a trailing slash is ignored. */
  baseUrl: string;
  token: TTokenSource;
  /** Injected for tests; the global fetch otherwise. */
  fetch?: typeof fetch;
  /** Per request. Default 15 s. */
  timeoutMs?: number;
}

export interface TServiceClient {
  /** POST JSON with an idempotency key; the answer is parsed by the contract's response schema. */
  post<S extends z.ZodType>(
    path: string,
    body: unknown,
    options: { idempotencyKey: string; response: S },
  ): Promise<z.infer<S>>;
  /** GET JSON; the answer is parsed by the contract's response schema. */
  get<S extends z.ZodType>(path: string, options: { response: S }): Promise<z.infer<S>>;
}

/** Why a call to another service failed; callers decide whether and how to retry. */
export class ServiceCallError extends Error {
  override readonly name = 'ServiceCallError';
  constructor(
    readonly kind: 'unreachable' | 'http' | 'badResponse',
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * JSON over HTTP from one service (or the worker) to another: bearer machine token, idempotency key,
 * timeout, and the answer checked against the shared contract. Every failure is a ServiceCallError.
 */
export function createServiceClient(options: TServiceClientOptions): TServiceClient {
  const baseUrl = options.baseUrl.replace(/\/+$/u, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  async function call<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    response: S,
    init: { headers: Record<string, string>; body?: string },
  ): Promise<z.infer<S>> {
    const url = `${baseUrl}${path}`;
    let res: Response;
    try {
      res = await doFetch(url, {
        method,
        headers: {
          authorization: `Bearer ${await options.token()}`,
          accept: 'application/json',
          ...init.headers,
        },
        ...(init.body === undefined ? {} : { body: init.body }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new ServiceCallError('unreachable', `${method} ${url} failed: ${String(err)}`);
    }
    const text = await res.text();
    if (!res.ok) {
      throw new ServiceCallError(
        'http',
        `${method} ${url} → ${res.status}: ${text.slice(0, 500)}`,
        res.status,
      );
    }
    let json: unknown;
    try {
      json = text === '' ? {} : JSON.parse(text);
    } catch {
      throw new ServiceCallError(
        'badResponse',
        `${method} ${url} → ${res.status}: not JSON: ${text.slice(0, 200)}`,
        res.status,
      );
    }
    const parsed = response.safeParse(json);
    if (!parsed.success) {
      throw new ServiceCallError(
        'badResponse',
        `${method} ${url} → ${res.status}: response does not match the contract: ${parsed.error.message}`,
        res.status,
      );
    }
    return parsed.data;
  }
  return {
    async post(path, body, { idempotencyKey, response }) {
      return call('POST', path, response, {
        headers: {
          'content-type': 'application/json',
          [idempotencyKeyHeader]: idempotencyKeyHeaderValue(idempotencyKey),
        },
        body: JSON.stringify(body),
      });
    },
    async get(path, { response }) {
      return call('GET', path, response, { headers: {} });
    },
  };
}
