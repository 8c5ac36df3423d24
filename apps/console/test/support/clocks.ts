import { randomUUID } from 'node:crypto';
import { dateInShanghai } from '@sanxiang/shared/src/calendar';
import { notificationPaths, type TClockSubject } from '@sanxiang/shared/src/contracts';
import { bearer } from '@sanxiang/testing';

/** The Beijing calendar date `days` from today. */
export const beijingDate = (days: number) => dateInShanghai(new Date(Date.now() + days * 86_400_000));

/** A case's clock as the lifecycle reports it (a key of its own per test run). */
export function caseClock(
  kind: TClockSubject['kind'],
  caseNumber: string,
  title: string,
  dueDate: string,
  unit: { id: string; name: string },
): TClockSubject {
  return {
    clockKey: `case-lifecycle:${caseNumber}:${kind}:1:${randomUUID()}`,
    kind,
    caseNumber,
    title,
    link: `/cases/${encodeURIComponent(caseNumber)}`,
    dueAt: `${dueDate}T23:59:59.999+08:00`,
    dueDate,
    unitId: unit.id,
    unitName: unit.name,
  };
}

type TRecipient = { personId: string; name: string; audience: 'assignee' | 'unitHead' | 'agencyHead' };

/**
 * The notifications service fed through its internal API, as the worker's `reportClockEvent` and
 * `notifyClockStep` activities feed it (system token, a key per call).
 */
export function clockFeed(notificationsUrl: () => string) {
  async function post(pathName: string, body: unknown) {
    const res = await fetch(`${notificationsUrl()}${pathName}`, {
      method: 'POST',
      headers: {
        authorization: await bearer({ id: 'system-worker', name: '工作流', roles: ['system'] }),
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`POST ${pathName} → ${res.status} ${await res.text()}`);
  }
  return {
    /** The clock started (twenty days ago unless said) with these assignees. */
    started: (clock: TClockSubject, assigneeIds: string[], at = new Date(Date.now() - 20 * 86_400_000)) =>
      post(notificationPaths.clockEvents(), { type: 'started', clock, at: at.toISOString(), assigneeIds }),
    /** A step of the clock fired now (level 0 reminder, 1 escalation, 2 second escalation). */
    fired: (
      clock: TClockSubject,
      step: { level: 0 | 1 | 2; reason: string; assigneeIds: string[]; recipients: TRecipient[] },
    ) =>
      post(notificationPaths.notifications(), {
        clock,
        level: step.level,
        reason: step.reason,
        at: new Date().toISOString(),
        assigneeIds: step.assigneeIds,
        recipients: step.recipients.map((r) => ({ ...r, email: null })),
      }),
  };
}
