import pino, { type Logger } from 'pino';

export type { Logger };

export interface TLoggerOptions {
  name: string;
  level?: string;
  format?: 'json' | 'pretty';
}

/** One logger factory: JSON lines in production, pino-pretty locally. */
export function createLogger({ name, level = 'info', format = 'json' }: TLoggerOptions): Logger {
  return pino({
    name,
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    ...(format === 'pretty'
      ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' } } }
      : {}),
  });
}
