// Runs before every test file: keep the Temporal SDK's own logging to warnings and errors, so test
// output shows what matters.
import { DefaultLogger, Runtime } from '@temporalio/worker';

try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed in this module registry: nothing to do.
}
