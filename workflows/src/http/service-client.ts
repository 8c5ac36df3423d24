import { ApplicationFailure } from '@temporalio/common';
import {
  createServiceClient as createSharedServiceClient,
  ServiceCallError,
  type TServiceClient,
  type TServiceClientOptions,
} from '@sanxiang/shared';

export type { TServiceClient, TServiceClientOptions, TTokenSource } from '@sanxiang/shared';

const failureType = {
  unreachable: 'ServiceUnreachable',
  http: 'ServiceHttpError',
  badResponse: 'ServiceBadResponse',
} as const;

/**
 * The shared service client, for activities: every failure (network, non-2xx, an answer that does
 * not match the contract) becomes a retryable ApplicationFailure, so the activity retries with
 * backoff until the service answers — a service outage or a bad deploy delays a case but never
 * fails its lifecycle.
 */
export function createServiceClient(options: TServiceClientOptions): TServiceClient {
  const client = createSharedServiceClient(options);
  const retryable = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (err) {
      if (err instanceof ServiceCallError)
        // The HTTP status travels in details[0], so an activity can answer a 409 instead of retrying.
        throw ApplicationFailure.retryable(
          err.message,
          failureType[err.kind],
          ...(err.status ? [err.status] : []),
        );
      throw err;
    }
  };
  return {
    post: (path, body, request) => retryable(() => client.post(path, body, request)),
    get: (path, request) => retryable(() => client.get(path, request)),
  };
}
