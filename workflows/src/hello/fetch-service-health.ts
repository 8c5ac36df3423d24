import { ApplicationFailure } from '@temporalio/common';

export interface TServiceHealth {
  url: string;
  status: number;
  ok: boolean;
  body: unknown;
}

/** GETs a health URL over real HTTP: the foundation's proof that a worker can reach a service. */
export const fetchServiceHealth =
  (deps: { fetch?: typeof fetch } = {}) =>
  async (url: string): Promise<TServiceHealth> => {
    const doFetch = deps.fetch ?? fetch;
    let res: Response;
    try {
      res = await doFetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(5_000),
      });
    } catch (err) {
      throw ApplicationFailure.retryable(`GET ${url} failed: ${String(err)}`, 'ServiceUnreachable');
    }
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { url, status: res.status, ok: res.ok, body };
  };

export const createHelloActivities = (deps: { fetch?: typeof fetch } = {}) => ({
  fetchServiceHealth: fetchServiceHealth(deps),
});
export type THelloActivities = ReturnType<typeof createHelloActivities>;
