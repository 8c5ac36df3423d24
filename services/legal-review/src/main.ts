import { loadConfigOrExit, runServer } from '@sanxiang/shared';
import { composeService } from './compose-service';

async function main() {
  const config = loadConfigOrExit('legal-review');
  const service = composeService(config);
  const stopBackground = service.startBackground();
  await runServer({
    app: service.app,
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    logger: service.logger,
    onShutdown: async () => {
      await stopBackground();
      await service.close();
    },
  });
}

main().catch((err: Error) => {
  process.stderr.write(`legal-review failed to start: ${err.message}\n`);
  process.exit(1);
});
