import type { Server } from 'node:http';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { applyServerTimeouts, defaultServerTimeouts, type TServerTimeouts } from './server-timeouts';

export interface TRunServerOptions {
  app: Express;
  host: string;
  port: number;
  logger: Logger;
  /** Release resources (database pools, clients) after the server stopped taking requests. */
  onShutdown?: () => Promise<void>;
  timeouts?: TServerTimeouts;
}

/**
 * Listen with explicit timeouts (server-timeouts.ts), and on SIGTERM/SIGINT stop accepting connections, let in-flight requests finish (up to
 * 10 s), release resources and exit.
 */
export async function runServer({
  app,
  host,
  port,
  logger,
  onShutdown,
  timeouts = defaultServerTimeouts,
}: TRunServerOptions): Promise<Server> {
  const server = await new Promise<Server>((resolve, reject) => {
    const s = applyServerTimeouts(
      app.listen(port, host, () => resolve(s)),
      timeouts,
    );
    s.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new Error(`port ${port} on ${host} is already in use`));
      else reject(err);
    });
  });
  logger.info({ url: `http://${host}:${port}` }, 'listening');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => server.closeAllConnections(), 10_000).unref();
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearTimeout(force);
    await onShutdown?.();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  return server;
}
