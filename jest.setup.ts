// Runs before every test file: keep the Temporal SDK's own logging to warnings and errors, so test
// output shows what matters.
import { DefaultLogger, Runtime } from '@temporalio/worker';

try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed in this module registry: nothing to do.
}

// oidc-provider 9 warns on every import that Node 20 is not its supported runtime (it runs on Node
// 20.19's require(esm); the machines here have Node 20 only — docs/identity.md). In tests that one
// known line, printed with a stack by every suite that starts the identity provider, buried the
// output that matters; every other warning still prints.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('oidc-provider WARNING: Unsupported runtime')) return;
  warn(...args);
};
