/**
 * Polls `check` until it returns without throwing, or throws its last error once `timeoutMs` has
 * passed. For facts that arrive asynchronously (workflow signals, outboxes, activities): a bounded
 * wait that ends as soon as the fact is there, never a fixed sleep.
 */
export interface TEventuallyOptions {
  /** Give up after this long (default 15 s). */
  timeoutMs?: number;
  /** Pause between attempts (default 150 ms). */
  intervalMs?: number;
  /** Named in the error when the wait times out. */
  what?: string;
}

export async function eventually<T>(
  check: () => Promise<T> | T,
  options: TEventuallyOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const intervalMs = options.intervalMs ?? 150;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() + intervalMs > deadline) {
        if (options.what && err instanceof Error) {
          err.message = `${options.what}: not reached within ${timeoutMs} ms: ${err.message}`;
        }
        throw err;
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
