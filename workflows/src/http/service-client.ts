import { ApplicationFailure } from '@temporalio/common';
import type { z } from 'zod';
import { idempotencyKeyHeader, idempotencyKeyHeaderValue } from '@sanxiang/shared/src/contracts';

/** A bearer token for the worker's machine identity (role `system`), renewed by its source. */
export type TTokenSource = () => Promise<string> | string;

export interface TServiceClientOptions {
  /** e.g. SERVICE_URL_RECORDING; a trailing slash is ignored. */
  baseUrl: string;
  token: TTokenSource;
  /** Injected for tests; the global fetch otherwise. */
  fetch?: typeof fetch;
  /** Per request; the activity's own timeout bounds the retries. Default 15 s. */
  timeoutMs?: number;
}

export interface TServiceClient {
  post<S extends z.ZodType>(
    path: string,
    body: unknown,
    options: { idempotencyKey: string; response: S },
  ): Promise<z.infer<S>>;
}

/**
 * JSON over HTTP to one service. Every failure (network, non-2xx, an answer that does not match the
 * contract) is a retryable ApplicationFailure: the activity retries with backoff until the service
 * answers, so a service outage or a bad deploy delays a case but never fails its lifecycle.
 */
export function createServiceClient(options: TServiceClientOptions): TServiceClient {
  const baseUrl = options.baseUrl.replace(/\/+$/u, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    async post(path, body, { idempotencyKey, response }) {
      const url = `${baseUrl}${path}`;
      let res: Response;
      try {
        res = await doFetch(url, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${await options.token()}`,
            'content-type': 'application/json',
            accept: 'application/json',
            [idempotencyKeyHeader]: idempotencyKeyHeaderValue(idempotencyKey),
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        throw ApplicationFailure.retryable(`POST ${url} failed: ${String(err)}`, 'ServiceUnreachable');
      }
      const text = await res.text();
      if (!res.ok) {
        throw ApplicationFailure.retryable(
          `POST ${url} → ${res.status}: ${text.slice(0, 500)}`,
          'ServiceHttpError',
        );
      }
      let json: unknown;
      try {
        json = text === '' ? {} : JSON.parse(text);
      } catch {
        throw ApplicationFailure.retryable(
          `POST ${url} → ${res.status}: not JSON: ${text.slice(0, 200)}`,
          'ServiceBadResponse',
        );
      }
      const parsed = response.safeParse(json);
      if (!parsed.success) {
        throw ApplicationFailure.retryable(
          `POST ${url} → ${res.status}: response does not match the contract: ${parsed.error.message}`,
          'ServiceBadResponse',
        );
      }
      return parsed.data;
    },
  };
}
