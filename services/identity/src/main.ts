import { loadConfigOrExit, runServer } from '@sanxiang/shared';
import { composeService } from './compose-service';

async function main() {
  const config = loadConfigOrExit('identity');
  const service = await composeService(config);
  const stopBackground = service.startBackground();
  await runServer({
    app: service.app,
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    logger: service.logger,
    onShutdown: async () => {
      stopBackground();
      await service.close();
    },
  });
}

main().catch((err: Error) => {
  process.stderr.write(`identity failed to start: ${err.message}\n`);
  process.exit(1);
});
