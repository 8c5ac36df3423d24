import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import { cachedWorkflowBundle } from '@sanxiang/testing';
import { temporalDataConverter } from '@sanxiang/shared';
import { historyFromJson } from '../src/testing/history-json';
import { savedReleases } from '../src/testing/releases';

/**
 * Replays the saved histories of every release (test/histories/<release>/, captured from the
 * time-skipping runs by scripts/workflows/capture-histories.sh) against the current workflow code:
 * a change that would break running cases (nondeterminism) fails here. A release's histories are
 * never re-recorded; a change that must alter commands goes through `patched()` (docs/lifecycle.md).
 */
const root = path.join(__dirname, 'histories');
const releases = savedReleases(root);
const previousRelease = releases[releases.length - 1] ?? 'none';
const filesOf = (release: string): string[] =>
  readdirSync(path.join(root, release))
    .filter((f) => f.endsWith('.json'))
    .sort();
// As a production worker replays: through the payload codec. The saved histories were captured
// before it (plain payloads), which it passes through unchanged.
const dataConverter = temporalDataConverter({
  TEMPORAL_CODEC_KEYS: `replay:${randomBytes(32).toString('base64')}`,
});

// The bundle is built once per source state and shared with the other workflow suites (bundling
// the whole workflow code for each of this file's tests took most of their time on a busy machine).
const replayAll = async (workflowsPath: string, release: string, only?: string[]) => {
  const workflowBundle = await cachedWorkflowBundle(workflowsPath);
  const histories = filesOf(release)
    .filter((file) => !only || only.includes(file))
    .map((file) => ({
      workflowId: `${release}/${file}`,
      history: historyFromJson(JSON.parse(readFileSync(path.join(root, release, file), 'utf8'))),
    }));
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories({ workflowBundle, dataConverter }, histories)) {
    if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
  }
  return { failures, count: histories.length };
};

// Bundling is set-up (as in every workflow suite's beforeAll); the tests then only replay.
beforeAll(async () => {
  await cachedWorkflowBundle(require.resolve('../src/workflows'));
  await cachedWorkflowBundle(require.resolve('./support/changed-workflows'));
}, 180_000);

test(`histories of the previous release (${previousRelease}) are present for every path`, () => {
  const paths = new Set(filesOf(previousRelease).map((f) => f.replace(/(\.\d+)?\.json$/u, '')));
  expect([...paths].sort()).toEqual(
    [
      'calendar-update',
      'catalogue-update',
      'closed',
      'disclosure-holiday',
      'evidence-escalation',
      'exempt',
      'exempt-plan-at-once',
      'inspection-results',
      'major-approved',
      'missing-materials',
      'non-major',
      'random-inspection-flag',
      'review-rounds',
      'revoked-unhandled',
      'transfer',
      'withdrawal-redo',
    ].sort(),
  );
});

test.each(releases)('every saved history of release %s replays without nondeterminism', async (release) => {
  const { failures, count } = await replayAll(require.resolve('../src/workflows'), release);
  expect(failures).toEqual([]);
  expect(count).toBeGreaterThanOrEqual(11);
});

// Issue 11: new catalogue-update and inspection-results runs report their clock to the board
// (patches catalogue-report-clock-events, inspection-report-clock-events); these runs, saved from the
// code before the patches, scheduled no reportClockEvent and must keep replaying without it.
test.each(['catalogue-update.json', 'inspection-results.json'])(
  '%s was saved before its clock-events patch and replays unchanged',
  async (file) => {
    const text = readFileSync(path.join(root, '0.1.0', file), 'utf8');
    expect(text).toContain('notifyClockStep');
    expect(text).not.toContain('reportClockEvent');
    const { failures, count } = await replayAll(require.resolve('../src/workflows'), '0.1.0', [file]);
    expect([failures, count]).toEqual([[], 1]);
  },
);

// #13 item 4 (000 §17): new runs ignore a decision's `randomInspection` flag (7 working days, patch
// `decision-keeps-seven-days`, lifecycle-clocks.test.ts); this run, saved from the code before the
// patch, opened a 20-day clock and must keep replaying with it.
test('the run saved before decision-keeps-seven-days opened a 20-day clock and replays unchanged', async () => {
  const file = path.join(root, '0.1.0', 'random-inspection-flag.json');
  const history = JSON.parse(readFileSync(file, 'utf8')) as {
    events: {
      activityTaskScheduledEventAttributes?: {
        activityType: { name: string };
        input?: { payloads?: { data?: string }[] };
      };
    }[];
  };
  const clocks = history.events
    .map((e) => e.activityTaskScheduledEventAttributes)
    .filter((a) => a?.activityType.name === 'computeClock')
    .map(
      (a) =>
        JSON.parse(Buffer.from(a!.input!.payloads![0]!.data!, 'base64').toString('utf8')) as {
          kind: string;
          workingDays: number;
        },
    );
  expect(clocks).toEqual([expect.objectContaining({ kind: 'randomInspectionDisclosure', workingDays: 20 })]);
  const { failures, count } = await replayAll(require.resolve('../src/workflows'), '0.1.0', [
    'random-inspection-flag.json',
  ]);
  expect(count).toBe(1);
  expect(failures).toEqual([]);
});

/** The activities a saved history scheduled, in order, and the patches it marked. */
const commandsOf = (file: string) => {
  const history = JSON.parse(readFileSync(path.join(root, '0.1.0', file), 'utf8')) as {
    events: {
      activityTaskScheduledEventAttributes?: { activityType: { name: string } };
      markerRecordedEventAttributes?: { details?: Record<string, { payloads?: { data?: string }[] }> };
      workflowExecutionSignaledEventAttributes?: { signalName: string };
    }[];
  };
  const activities = history.events.flatMap((e) =>
    e.activityTaskScheduledEventAttributes ? [e.activityTaskScheduledEventAttributes.activityType.name] : [],
  );
  const patches = history.events.flatMap((e) => {
    const data = e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
    return data ? [(JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as { id: string }).id] : [];
  });
  const signals = history.events.flatMap((e) =>
    e.workflowExecutionSignaledEventAttributes ? [e.workflowExecutionSignaledEventAttributes.signalName] : [],
  );
  return { activities, patches, signals };
};

// Saved from main a373146's code, before #13 items 2, 6 and 8 (patches exempt-plan-decided,
// revoked-before-publication, file-decision-with-office): an exempt plan recorded exempt at once
// (no clock, no filing), and a revocation signal the code had no handler for (published anyway).
test('runs saved before exempt-plan-decided / revoked-before-publication / file-decision-with-office replay unchanged', async () => {
  const exempt = commandsOf('exempt-plan-at-once.json');
  expect(exempt.activities).toEqual([
    'recordStageTransition',
    'createDisclosureDraft',
    'recordStageTransition',
    'recordStageTransition',
  ]);
  expect(exempt.patches).toEqual(['major-determination']);
  const revoked = [commandsOf('revoked-unhandled.1.json'), commandsOf('revoked-unhandled.2.json')];
  expect(revoked[0]?.signals).toEqual(['decisionRevoked', 'disclosureApproved']);
  expect(revoked[0]?.activities).toContain('publishDisclosure');
  expect(revoked.flatMap((r) => r.activities)).not.toContain('stopRevokedDisclosure');
  const { failures, count } = await replayAll(require.resolve('../src/workflows'), '0.1.0', [
    'exempt-plan-at-once.json',
    'revoked-unhandled.1.json',
    'revoked-unhandled.2.json',
  ]);
  expect(count).toBe(3);
  expect(failures).toEqual([]);
});

test('the replay fails on a change that alters the command sequence', async () => {
  // The same workflow with one timer more before it starts (test/support/changed-workflows.ts).
  const { failures } = await replayAll(require.resolve('./support/changed-workflows'), previousRelease, [
    'closed.json',
  ]);
  expect(failures).toEqual([
    expect.stringMatching(/closed\.json: .*(Nondeterminism|DeterminismViolation)/iu),
  ]);
});
