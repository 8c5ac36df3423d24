import type { Express } from 'express';
import { loadConfigOrExit, type profiles, type TConfigOf, type TEnv, type TProfile } from '../config';
import { runServer } from '../http/run-server';
import type { TServerTimeouts } from '../http/server-timeouts';
import type { Logger } from '../logging';

/** A service wired from its config: what `runService` starts and the end-to-end harness builds. */
export interface TComposedService {
  app: Express;
  /** The service's logger (runService gives it to runServer). */
  logger: Logger;
  /** Starts the background loops (outbox delivery…); returns the function that stops them. */
  startBackground(): () => Promise<void> | void;
  /** Releases database clients, pools and the Temporal connection. */
  close(): Promise<void>;
}

/** The profiles of processes that serve HTTP (the services). */
export type TServiceProfile = {
  [K in TProfile]: 'HTTP_PORT' extends (typeof profiles)[K][number] ? K : never;
}[TProfile];

/** Each service's `composeService`, as its main.ts hands it to runService. */
export type TComposeService<P extends TServiceProfile> = (config: TConfigOf<P>) => TComposedService;

export interface TRunServiceOptions {
  /** Explicit HTTP server timeouts; runServer applies `defaultServerTimeouts` when unset. */
  timeouts?: TServerTimeouts;
}

/**
 * The one start of every service (its main.ts is one call): validate the environment (exit with one
 * readable message), compose the service, start its background loops, listen with explicit server
 * timeouts (health/ready, logging and the error handler come from createServiceApp in its app.ts),
 * and on SIGTERM/SIGINT drain requests, stop the loops and release resources.
 */
export function runService<P extends TServiceProfile>(
  name: P,
  compose: TComposeService<P>,
  options: TRunServiceOptions = {},
): void {
  const start = async () => {
    const config = loadConfigOrExit(name);
    const { HTTP_HOST, HTTP_PORT } = config as unknown as Pick<TEnv, 'HTTP_HOST' | 'HTTP_PORT'>;
    const service = compose(config);
    const stopBackground = service.startBackground();
    await runServer({
      app: service.app,
      host: HTTP_HOST,
      port: HTTP_PORT,
      logger: service.logger,
      ...(options.timeouts ? { timeouts: options.timeouts } : {}),
      onShutdown: async () => {
        await stopBackground();
        await service.close();
      },
    });
  };
  start().catch((err: Error) => {
    process.stderr.write(`${name} failed to start: ${err.message}\n`);
    process.exit(1);
  });
}
