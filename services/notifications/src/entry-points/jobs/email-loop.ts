import { deliverEmails, type TEmailDeliveryDeps } from '../../domain/deliver-emails';

/** Runs the e-mail outbox every `intervalMs` (sooner while there is more); returns its stop. */
export function startEmailLoop(deps: TEmailDeliveryDeps, intervalMs = 2_000): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = deliverEmails(deps)
      .then((n) => n)
      .catch((err: unknown) => {
        deps.logger.error({ err }, 'e-mail delivery pass failed');
        return 0;
      })
      .then((n) => {
        if (!stopped) timer = setTimeout(tick, n > 0 ? 0 : intervalMs);
      });
  };
  tick();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
