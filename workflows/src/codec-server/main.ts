import { createLogger, runService } from '@sanxiang/shared';
import { createCodecServerApp } from './app';

// The codec server (app.ts): `npm start` runs it and points the Temporal Web UI at it.
runService('codec-server', (config) => {
  const logger = createLogger({ name: 'codec-server', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  return {
    app: createCodecServerApp({ config, logger }),
    logger,
    startBackground: () => () => undefined,
    close: () => Promise.resolve(),
  };
});
