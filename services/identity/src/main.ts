import { loadConfigOrExit, runServer } from '@sanxiang/shared';
import { composeService } from './compose-service';

async function main() {
  const config = loadConfigOrExit('identity');
  const service = await composeService(config);
  await runServer({
    app: service.app,
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    logger: service.logger,
    onShutdown: () => service.close(),
  });
}

main().catch((err: Error) => {
  process.stderr.write(`identity failed to start: ${err.message}\n`);
  process.exit(1);
});
