import type { Server } from 'node:http';

/**
 * Explicit timeouts of every service's HTTP server (Node's defaults hold a slow request for 305 s
 * and then cut it, whatever it is). docs/service-contracts.md §Timeouts explains the numbers.
 */
export interface TServerTimeouts {
  /** All request headers must arrive within this (slow-header clients are cut with 408). */
  headersTimeoutMs: number;
  /**
   * The whole request, body included, must arrive within this. Evidence that takes longer on a slow
   * line is sent as resumable parts (`PUT /evidence-uploads/{id}/parts/{n}`), each a request of its
   * own within this limit.
   */
  requestTimeoutMs: number;
  /** A socket with no bytes in either direction for this long is closed (a stalled body included). */
  idleTimeoutMs: number;
  /** How long an idle keep-alive connection stays open for the next request. */
  keepAliveTimeoutMs: number;
}

export const defaultServerTimeouts: TServerTimeouts = {
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 15 * 60_000,
  idleTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
};

/** Applies the timeouts to a server (call before it takes connections, or right after listen). */
export function applyServerTimeouts(
  server: Server,
  timeouts: TServerTimeouts = defaultServerTimeouts,
): Server {
  server.headersTimeout = timeouts.headersTimeoutMs;
  server.requestTimeout = timeouts.requestTimeoutMs;
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  server.setTimeout(timeouts.idleTimeoutMs);
  return server;
}
