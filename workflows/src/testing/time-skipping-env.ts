import { existsSync } from 'node:fs';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { caseSearchAttributes } from '@sanxiang/shared/src/contracts/search-attributes';

/** Where the project's Java test server lives (scripts/test.sh exports it); a probe copy otherwise. */
const DEFAULT_TEST_SERVER = '/tmp/probe/jts/temporal-test-server';

const { IndexedValueType } = temporal.api.enums.v1;
const indexedValueType = {
  Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Datetime: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  Bool: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  Int: IndexedValueType.INDEXED_VALUE_TYPE_INT,
} as const;

/**
 * The SDK gives the server 5 s to accept connections; a JVM starting on two busy cores (jest runs
 * files in parallel, each bundling workflow code) sometimes needs longer. Retrying is cheap.
 */
async function startWithRetries(path: string, attempts = 3): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path } },
      });
    } catch (err) {
      if (attempt >= attempts || !/did not start within/u.test(String(err))) throw err;
    }
  }
}

/**
 * The one way tests get a time-skipping Temporal: Temporal's Java test server, started from a local
 * path (the SDK's own download from the vendor site is not reachable here), with the case search
 * attributes registered (the Java server rejects upserts of unregistered attributes).
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = process.env.TEMPORAL_TEST_SERVER_PATH ?? DEFAULT_TEST_SERVER;
  if (!existsSync(path)) {
    throw new Error(
      `Temporal's Java test server was not found at ${path}. ` +
        'Set TEMPORAL_TEST_SERVER_PATH to the wrapper script that runs io.temporal.testserver.TestServer ' +
        '(scripts/test.sh installs one and exports it).',
    );
  }
  const env = await startWithRetries(path);
  try {
    await env.connection.operatorService.addSearchAttributes({
      namespace: env.namespace ?? 'default',
      searchAttributes: Object.fromEntries(
        caseSearchAttributes.map((a) => [a.name, indexedValueType[a.type]]),
      ),
    });
  } catch (err) {
    await env.teardown();
    throw err;
  }
  return env;
}
