/**
 * After an outage a case moves on within 30 s (SERVICE_RETRY_CAP_PATCH, issue #16): the soak saw
 * approved disclosures sit unpublished for 5–8 minutes while processes were killed in turn, because
 * every failed attempt of the publish call doubled its wait up to 5 minutes and the wait never
 * resets. Here the disclosure service fails the publish call 9 times in a row (an outage that a few
 * kills in a row make), then answers: the 10th attempt must come within 30 s of the 9th (before the
 * cap the waits doubled, 128 s here and up to 5 minutes after more failures). Times are the Temporal server's (time-skipping), not the test's clock.
 */
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import {
  decision,
  eventually,
  minorProposal,
  msg,
  serverNow,
  startCase,
  startHarness,
  todayInShanghai,
  waitForPublished,
  type THarness,
} from './support/lifecycle-harness';

const FAILURES = 9;
const attempts: { attempt: number; scheduledAt: number }[] = [];
let h: THarness;

beforeAll(async () => {
  h = await startHarness('service-outage-retries', undefined, {
    publishDisclosure: async (input) => {
      const info = Context.current().info;
      attempts.push({ attempt: info.attempt, scheduledAt: info.currentAttemptScheduledTimestampMs });
      if (info.attempt <= FAILURES)
        throw ApplicationFailure.retryable(
          'POST /internal/disclosures/…/publish → 503',
          'ServiceHttpError',
          503,
        );
      return h.stubs.activities.publishDisclosure(input);
    },
  });
});
afterAll(async () => h?.stop());

test('a publish call that failed 9 times is tried again within 30 s once the service answers', async () => {
  const caseNumber = 'OUTAGE-PUBLISH';
  const handle = await startCase(h, caseNumber);
  await handle.executeUpdate(msg.submitProposal, { args: [minorProposal(await serverNow(h))] });
  await handle.executeUpdate(msg.decisionMade, {
    args: [
      decision(await todayInShanghai(h), {
        collectiveDiscussionRecordId: undefined,
        headApprovalRecordId: undefined,
      }),
    ],
  });
  await eventually(() => expect(h.stubs.forCase(h.stubs.seen.drafts, caseNumber)).toHaveLength(1));
  const runBefore = (await handle.describe()).runId;
  await handle.signal(msg.disclosureApproved, {
    cycle: 1,
    disclosureId: `disclosure-${caseNumber}-1`,
    approvedBy: 'head-1',
    approvedAt: await serverNow(h),
  });
  // Time skips only while the test waits on the server: advance it until the 10th attempt ran.
  for (let i = 0; i < 200 && attempts.length <= FAILURES; i++) await h.env.sleep(5_000);
  await waitForPublished(handle, runBefore);

  expect(attempts.map((a) => a.attempt)).toEqual(Array.from({ length: FAILURES + 1 }, (_, i) => i + 1));
  const waits = attempts.slice(1).map((a, i) => (a.scheduledAt - attempts[i]!.scheduledAt) / 1000);
  // 1, 2, 4, 8, 16 s, then the cap: every wait at most 30 s (plus the attempt itself).
  expect(Math.max(...waits)).toBeLessThanOrEqual(31);
  expect(waits[FAILURES - 1]).toBeGreaterThanOrEqual(29);
});
