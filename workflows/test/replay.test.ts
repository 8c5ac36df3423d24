import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker, bundleWorkflowCode } from '@temporalio/worker';
import { historyFromJson } from '../src/testing/history-json';

/**
 * Replays every saved history (test/histories, recorded from the time-skipping runs with
 * RECORD_HISTORIES=1) against the current workflow code: a change that would break running cases
 * (nondeterminism) fails here. Re-record only when a change is made replay-safe (patched()).
 */
const dir = path.join(__dirname, 'histories');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

test('histories are present for every path', () => {
  const paths = new Set(files.map((f) => f.replace(/(\.\d+)?\.json$/u, '')));
  expect([...paths].sort()).toEqual(
    [
      'calendar-update',
      'closed',
      'disclosure-holiday',
      'evidence-escalation',
      'exempt',
      'major-approved',
      'missing-materials',
      'non-major',
      'review-rounds',
      'transfer',
      'withdrawal-redo',
    ].sort(),
  );
});

test('every saved history replays without nondeterminism', async () => {
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../src/workflows'),
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
  });
  const histories = files.map((file) => ({
    workflowId: file,
    history: historyFromJson(JSON.parse(readFileSync(path.join(dir, file), 'utf8'))),
  }));
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories({ workflowBundle: { code } }, histories)) {
    if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
  }
  expect(failures).toEqual([]);
  expect(histories.length).toBeGreaterThanOrEqual(11);
});
