import { Context } from '@temporalio/activity';
import type { TNotifyClockStepInput } from '../src/lifecycle/activities/notify-clock-step';
import {
  bundleLifecycleWorkflows,
  decision,
  eventually,
  minorProposal,
  msg,
  serverNow,
  sleepUntil,
  startCase,
  startHarness,
  status,
  terminateQuietly,
  todayInShanghai,
  waitForPublished,
  type THarness,
} from './support/lifecycle-harness';

/**
 * Issue 11, "exactly once also across continue-as-new": an evidence-upload clock still running when
 * the case is published — publication continues the lifecycle as new (stages/published-stage.ts) —
 * keeps its fired levels in the carried state. The new run restarts its timer (`resumeAll`) and
 * tells people of the second escalation only: every call of the notify activity is counted here
 * (not the stub's deduplicated list), so a level told again after the hand-over would show.
 */
jest.retryTimes(2, { logErrorsBeforeRetry: true });
let h: THarness;
const calls: { level: number; clockKey: string; runId: string }[] = [];

beforeAll(async () => {
  const bundle = await bundleLifecycleWorkflows();
  h = await startHarness('clocks-across-can', bundle, {
    notifyClockStep: async (input: TNotifyClockStepInput) => {
      calls.push({
        level: input.level,
        clockKey: input.clockKey,
        runId: Context.current().info.workflowExecution?.runId ?? 'unknown',
      });
      return {
        people: [
          {
            personId: 'officer-7',
            name: '钱执法',
            audience: 'assignee',
            channels: ['inbox'],
            at: input.at,
          },
        ],
      };
    },
  });
});
afterAll(async () => {
  await h?.stop();
});

test('a clock running across continue-as-new tells each level once: 0 and 1 before, 2 after the hand-over', async () => {
  calls.length = 0;
  const caseNumber = 'CLOCK-CAN';
  const handle = await startCase(h, caseNumber);
  const endedAt = await serverNow(h);
  await handle.signal(msg.enforcementActivityEnded, {
    activityId: 'act-open',
    endedAt,
    officerIds: ['officer-7'],
  });
  const clock = await eventually(async () => {
    const found = (await status(handle)).clocks.find((c) => c.id === 'evidenceUpload:act-open');
    expect(found).toBeDefined();
    return found!;
  });

  // Reminded and escalated in the first run.
  await sleepUntil(h, new Date(Date.parse(clock.escalateAt) + 60_000).toISOString());
  const evidenceCalls = () => calls.filter((c) => c.clockKey.includes(':evidenceUpload:act-open'));
  await eventually(() => expect(evidenceCalls().map((c) => c.level)).toEqual([0, 1]));
  const firstRun = (await handle.describe()).runId;
  expect(new Set(evidenceCalls().map((c) => c.runId))).toEqual(new Set([firstRun]));

  // Decided and published while the records are still owed: the lifecycle continues as new.
  await handle.executeUpdate(msg.submitProposal, { args: [minorProposal(await serverNow(h))] });
  await handle.executeUpdate(msg.decisionMade, { args: [decision(await todayInShanghai(h))] });
  await handle.signal(msg.disclosureApproved, {
    cycle: 1,
    disclosureId: `disclosure-${caseNumber}-1`,
    approvedBy: 'head-1',
    approvedAt: await serverNow(h),
  });
  const published = await waitForPublished(handle, firstRun);
  const carried = published.clocks.find((c) => c.id === 'evidenceUpload:act-open');
  expect(carried).toMatchObject({ status: 'running', level: 1, secondEscalateAt: clock.secondEscalateAt });
  const secondRun = (await handle.describe()).runId;
  expect(secondRun).not.toBe(firstRun);

  // The new run fires the second escalation, once, and nothing of levels 0 and 1 again.
  await sleepUntil(h, new Date(Date.parse(clock.secondEscalateAt) + 60_000).toISOString());
  await eventually(() => expect(evidenceCalls().map((c) => c.level)).toEqual([0, 1, 2]));
  expect(evidenceCalls().map((c) => c.runId)).toEqual([firstRun, firstRun, secondRun]);
  const recorded = h.stubs
    .forCase(h.stubs.seen.escalations, caseNumber)
    .filter((e) => e.request.clockId === 'evidenceUpload:act-open')
    .map((e) => e.request.level);
  expect(recorded).toEqual([0, 1, 2]);
  await terminateQuietly(handle);
});
